import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { generateDemoFiles } from '@osl/data/demo';
import { DomainError } from '../lib/domain-error.ts';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import type { Role } from '../auth/roles.ts';
import { ImportRepository } from '../repositories/import.repository.ts';
import { PeriodRepository } from '../repositories/period.repository.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import { ConfigurationService } from './configuration.service.ts';
import { ImportService, type FileImportReport } from './import.service.ts';
import { PeriodsService } from './periods.service.ts';

/** The demo installation's accounts (issue 5): one per role, and an organizer of LAZ only. */
export const demoAccounts: readonly { email: string; displayName: string; role: Role; communities: string[] }[] = [
  { email: 'dyrektor@demo.osl', displayName: 'Dyrektor (demo)', role: 'director', communities: [] },
  { email: 'organizator@demo.osl', displayName: 'Organizator (demo)', role: 'organizer', communities: ['WZG', 'OST', 'LAZ'] },
  { email: 'organizator.laz@demo.osl', displayName: 'Organizator LAZ (demo)', role: 'organizer', communities: ['LAZ'] },
  { email: 'audytor@demo.osl', displayName: 'Audytor (demo)', role: 'auditor', communities: [] },
  { email: 'admin@demo.osl', displayName: 'Administrator (demo)', role: 'admin', communities: [] },
];

/**
 * The demo's reporting periods: the half-years of payment claims (wnioski o płatność). The first
 * two are closed by the director and the first signed by the auditor, as a centre would have done.
 */
export const demoPeriods: readonly { name: string; from: string; to: string }[] = [
  { name: 'WNP 1', from: '2021-01-01', to: '2021-06-30' },
  { name: 'WNP 2', from: '2021-07-01', to: '2021-12-31' },
  { name: 'WNP 3', from: '2022-01-01', to: '2022-06-30' },
  { name: 'WNP 4', from: '2022-07-01', to: '2022-12-31' },
  { name: 'WNP 5', from: '2023-01-01', to: '2023-06-30' },
  { name: 'WNP 6', from: '2023-07-01', to: '2023-12-31' },
];
const demoClosed = ['WNP 1', 'WNP 2'];
const demoSigned = ['WNP 1'];

/** Writes the demo files and loads them through the real importer, as a user would. */
@Injectable()
export class DemoService {
  private readonly logger = new Logger('DemoService');

  constructor(
    @Inject(ImportService) private readonly importer: ImportService,
    @Inject(ImportRepository) private readonly imports: ImportRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(PeriodRepository) private readonly periodRecords: PeriodRepository,
    @Inject(PeriodsService) private readonly periods: PeriodsService,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
  ) {}

  async load(): Promise<FileImportReport[]> {
    if (await this.imports.hasRecordedData()) {
      throw DomainError.conflict('demo.refused', {});
    }
    const outDir = path.join(this.environment.dataDir, 'demo-files');
    const manifest = await generateDemoFiles(outDir);
    this.logger.log(`demo: ${manifest.files.length} files written to ${outDir}`);
    const reports = await this.importer.importPaths(
      manifest.files.map((f) => f.path),
      { source: 'demo', importedBy: 'demo' },
    );
    const rejected = reports.filter((r) => r.status === 'rejected');
    if (rejected.length > 0) {
      throw new Error(`demo data was rejected by the importer: ${rejected.map((r) => `${r.file} (${r.errors[0]?.message})`).join('; ')}`);
    }
    for (const period of demoPeriods) await this.periodRecords.create(period, { actor: 'demo', address: null });
    // The next run computes their figures.
    await this.configuration.refresh();
    return reports;
  }

  /** After the demo's first run: the director closes the first periods and the auditor signs the first. */
  async settlePeriods(): Promise<void> {
    const director = { actor: demoAccounts[0]!.email, address: null, protectedView: false };
    const auditor = { actor: demoAccounts[3]!.email, address: null, protectedView: true };
    for (const name of demoClosed) {
      const period = await this.periods.findByNameOrId(name);
      const version = await this.periods.close(period.id, director);
      if (demoSigned.includes(name)) await this.periods.signOff(period.id, { verdict: 'accepted', fingerprint: version.fingerprint }, auditor);
    }
  }

  /** Disables every demo account still enabled; returns how many. */
  async disableAccounts(): Promise<number> {
    let disabled = 0;
    for (const account of demoAccounts) {
      const existing = await this.users.findByEmail(account.email);
      if (!existing || existing.disabled) continue;
      await this.users.update(
        existing.id,
        { disabled: true },
        { actor: 'system', action: 'user.disabled', entity: 'user', entityId: account.email, after: { reason: 'real data imported' } },
        { reason: 'disabled', at: new Date() },
      );
      disabled += 1;
    }
    return disabled;
  }

  /**
   * The demo accounts, with the password from OSL_DEMO_PASSWORD or a new generated one (printed
   * at start, never logged). Only ever called on a demo installation.
   */
  async ensureAccounts(): Promise<{ password: string; generated: boolean }> {
    const given = this.environment.env.OSL_DEMO_PASSWORD;
    const password = given && given.length > 0 ? given : generatePassword(12);
    const passwordHash = await hashPassword(password);
    for (const account of demoAccounts) {
      const existing = await this.users.findByEmail(account.email);
      const audit = { actor: 'demo', address: null };
      if (!existing) {
        await this.users.create({ ...account, passwordHash, mustChangePassword: false }, audit);
      } else {
        await this.users.update(
          existing.id,
          { passwordHash, mustChangePassword: false, disabled: false },
          { ...audit, action: 'user.password-reset', entity: 'user', entityId: account.email },
          null,
        );
      }
    }
    return { password, generated: !given };
  }
}
