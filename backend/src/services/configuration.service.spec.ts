// ConfigurationService with its real repositories on a real, migrated SQLite database: the files
// seed what operators edit once, an edit is one audited transaction that writes no file and
// publishes a new snapshot, and a later change of the files does not override the database.
import type { PeriodRepository } from '../repositories/period.repository.ts';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultConfigDir, loadConfig, type OslConfig } from '@osl/data';
import { createOperationalDatabase, PipelineBusyError } from '@osl/prisma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../auth/viewer.ts';
import { readEnvironment } from '../lib/osl-environment.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { indicatorTargetsSection, OperatorConfigRepository } from '../repositories/operator-config.repository.ts';
import { ReferenceDataRepository } from '../repositories/reference-data.repository.ts';
import { ConfigurationService } from './configuration.service.ts';
import { DomainError } from '../lib/domain-error.ts';
import { IndicatorTargetsService, mergeTargets } from './indicator-targets.service.ts';
import type { PipelineService } from './pipeline.service.ts';

/** No reporting periods defined (their table is another repository's). */
const noPeriods = { list: async () => [] } as unknown as PeriodRepository;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-configuration-'));
const configDir = path.join(dataDir, 'config');
fs.cpSync(defaultConfigDir, configDir, { recursive: true });
const environment = readEnvironment({ ...process.env, OSL_DATA_DIR: dataDir, DATABASE_URL: '' });
let database: DatabaseRepository;
let audit: AuditRepository;
let operatorConfig: OperatorConfigRepository;

/** Every file of a folder with its content hash: what "no file was written" compares. */
function folderState(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs.readdirSync(dir).map((name) => [
      name,
      createHash('sha256')
        .update(fs.readFileSync(path.join(dir, name)))
        .digest('hex'),
    ]),
  );
}

function editIndicators(change: (indicators: OslConfig['indicators']) => void): void {
  const file = path.join(configDir, 'indicators.json');
  const indicators = JSON.parse(fs.readFileSync(file, 'utf8'));
  change(indicators);
  fs.writeFileSync(file, JSON.stringify(indicators, null, 2));
}

/** What a start does: reference data from the files, then the configuration service's load. */
async function start(): Promise<ConfigurationService> {
  const files = loadConfig(configDir);
  await new ReferenceDataRepository(database, audit).syncConfiguration(files, 'system');
  const configuration = new ConfigurationService(files, operatorConfig, noPeriods);
  await configuration.load();
  return configuration;
}

const director: Viewer = { email: 'dyrektor@test.osl' } as Viewer;
const busyPipeline = {
  start: () => Promise.reject(new PipelineBusyError({ pid: 1, runId: 7, since: '2026-12-07T08:00:00Z' } as never)),
} as unknown as PipelineService;

beforeAll(async () => {
  database = new DatabaseRepository(createOperationalDatabase(environment.env));
  await database.migrate();
  audit = new AuditRepository(database);
  operatorConfig = new OperatorConfigRepository(database, audit);
}, 120_000);

afterAll(async () => {
  await database?.onModuleDestroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('ConfigurationService on a migrated database', () => {
  let first: ConfigurationService;

  it('seeds an empty database with the files’ baselines and targets, once', async () => {
    first = await start();
    const files = loadConfig(configDir);
    const stored = await operatorConfig.read(indicatorTargetsSection);
    expect(stored.get('P2')).toEqual({ baseline: files.indicators[1]!.baseline, targets: files.indicators[1]!.targets });
    expect((await database.client.configSeed.findMany()).map((s) => s.key).sort()).toEqual(files.indicators.map((i) => i.code).sort());
    expect(first.current().indicators).toEqual(first.fromFiles().indicators);
    const seededEvents = await database.client.auditEvent.count({ where: { entity: 'indicator', actor: 'system' } });
    // A second start seeds nothing and records nothing.
    await start();
    expect(await database.client.auditEvent.count({ where: { entity: 'indicator', actor: 'system' } })).toBe(seededEvents);
  });

  it('writes an edit in the database with its audit entry, publishes a new snapshot and writes no file', async () => {
    const filesBefore = folderState(configDir);
    const dataDirBefore = fs.readdirSync(dataDir).sort();
    const old = first.current();
    const oldTarget = old.indicators.find((i) => i.code === 'P2')!.targets.OST!['2022'];
    expect(oldTarget).not.toBe(1);
    const service = new IndicatorTargetsService(first, busyPipeline);
    const { indicator, pipelineRunId } = await service.update(director, 'p2', { targets: { OST: { '2022': 1 } }, baseline: { LAZ: 2 } });
    expect(pipelineRunId).toBeNull();
    expect(indicator.targets.OST!['2022']).toBe(1);
    const now = first.current();
    expect(now).not.toBe(old);
    expect(now.version).not.toBe(old.version);
    expect(now.indicators.find((i) => i.code === 'P2')).toMatchObject({ baseline: { LAZ: 2 }, targets: { OST: { '2022': 1 } } });
    // The old snapshot is untouched and both are frozen.
    expect(old.indicators.find((i) => i.code === 'P2')!.targets.OST!['2022']).toBe(oldTarget);
    expect(Object.isFrozen(now.indicators.find((i) => i.code === 'P2')!.targets.OST)).toBe(true);
    // The other targets of P2 are kept.
    expect(now.indicators.find((i) => i.code === 'P2')!.targets.ALL).toEqual(old.indicators.find((i) => i.code === 'P2')!.targets.ALL);
    const [event] = await database.client.auditEvent.findMany({ where: { entity: 'indicator', entityId: 'P2' }, orderBy: { id: 'desc' }, take: 1 });
    expect(event).toMatchObject({ actor: 'dyrektor@test.osl', action: 'config.updated' });
    expect((event!.before as { targets: Record<string, Record<string, number>> }).targets.OST!['2022']).toBe(oldTarget);
    expect((event!.after as { targets: Record<string, Record<string, number>> }).targets.OST!['2022']).toBe(1);
    expect(folderState(configDir)).toEqual(filesBefore);
    expect(fs.readdirSync(dataDir).sort()).toEqual(dataDirBefore);
    expect((await operatorConfig.read(indicatorTargetsSection)).get('P2')!.targets.OST!['2022']).toBe(1);
  });

  it('refuses a wrong value with the field and writes nothing', async () => {
    const events = await database.client.auditEvent.count();
    const version = first.current().version;
    const service = new IndicatorTargetsService(first, busyPipeline);
    await expect(service.update(director, 'P2', { targets: { OST: { '2022': -3 } } })).rejects.toThrow(DomainError);
    await expect(service.update(director, 'P2', { targets: { OST: { '2022': -3 } } })).rejects.toMatchObject({
      kind: 'invalid',
      message: 'The 2022 target (Mieszkańcy bloków przy ul. Ostrowieckiej) must be a number ≥ 0',
    });
    await expect(service.update(director, 'P2', { targets: { XYZ: { '2022': 3 } } })).rejects.toThrow(
      /^The targets: unknown scope "XYZ"; use ALL, WZG, OST, LAZ$/,
    );
    await expect(service.update(director, 'P2', { baseline: { OST: 1.5 } })).rejects.toThrow(
      'The baseline (Mieszkańcy bloków przy ul. Ostrowieckiej) counts activities: a whole number',
    );
    await expect(service.update(director, 'P2', {})).rejects.toThrow('send baseline and/or targets');
    expect(await database.client.auditEvent.count()).toBe(events);
    expect(first.current().version).toBe(version);
  });

  it('keeps the database’s values at the next start when the file changes them, and seeds an indicator new to the file', async () => {
    editIndicators((indicators) => {
      indicators[1]!.targets.OST!['2022'] = 77;
      indicators[2]!.targets.ALL!['2023'] = 999;
      indicators.push({ ...structuredClone(indicators[1]!), code: 'P9', targets: { ALL: { '2023': 5 } }, baseline: { ALL: 1 } });
    });
    const restarted = await start();
    const byCode = (code: string) => restarted.current().indicators.find((i) => i.code === code)!;
    expect(byCode('P2').targets.OST!['2022']).toBe(1);
    expect(byCode('P2').baseline.LAZ).toBe(2);
    // Seeded once: an indicator no operator edited keeps what it was seeded with, too.
    expect(byCode('P3').targets.ALL!['2023']).not.toBe(999);
    expect(byCode('P9')).toMatchObject({ targets: { ALL: { '2023': 5 } }, baseline: { ALL: 1 } });
    expect(await database.client.configSeed.count({ where: { key: 'P9' } })).toBe(1);
    // Another process's edit is seen at the next refresh (what a pipeline run does before it starts).
    await restarted.edit(
      indicatorTargetsSection,
      'P9',
      (before) => mergeTargets(before, { baseline: {}, targets: { ALL: { '2023': 6 } } }),
      'dyrektor@test.osl',
    );
    expect(first.current().indicators.find((i) => i.code === 'P9')).toBeUndefined();
    const before = restarted.current();
    expect(await restarted.refresh()).toBe(before);
    const other = new ConfigurationService(loadConfig(configDir), operatorConfig, noPeriods);
    expect(other.current().indicators.find((i) => i.code === 'P9')!.targets.ALL!['2023']).toBe(5);
    expect((await other.refresh()).indicators.find((i) => i.code === 'P9')!.targets.ALL!['2023']).toBe(6);
  });
});

describe('ConfigurationService.refresh', () => {
  it('never lets an earlier read that finishes late replace what a later one published', async () => {
    const reads: ((values: Map<string, unknown>) => void)[] = [];
    const repository = { read: () => new Promise<Map<string, unknown>>((resolve) => reads.push(resolve)) } as unknown as OperatorConfigRepository;
    const service = new ConfigurationService(loadConfig(defaultConfigDir), repository, noPeriods);
    const target = (value: number) => new Map([['P2', { baseline: {}, targets: { ALL: { '2022': value } } }]]);
    const early = service.refresh();
    const late = service.refresh();
    reads[1]!(target(2));
    await late;
    reads[0]!(target(1));
    expect(await early).toBe(service.current());
    expect(service.current().indicators.find((i) => i.code === 'P2')!.targets.ALL!['2022']).toBe(2);
  });
});
