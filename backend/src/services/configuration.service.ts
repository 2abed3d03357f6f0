import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigStore, createConfigSnapshot, type ConfigSnapshot, type OslConfig } from '@osl/data';
import { OSL_CONFIG_FILES } from '../lib/osl-environment.ts';
import { indicatorTargetsSection, OperatorConfigRepository, type OperatorConfigSection } from '../repositories/operator-config.repository.ts';
import { PeriodRepository } from '../repositories/period.repository.ts';

/** Every section operators edit; a new one (reporting periods) is added here and nowhere else in this service. */
const operatorSections: readonly OperatorConfigSection<unknown>[] = [indicatorTargetsSection];

/**
 * The configuration every service, the pipeline and the CLI read: the files (validated at start)
 * with what operators edited, which the database holds, laid over them. Read `current()` each time;
 * a snapshot is deeply frozen and a change publishes a new one with a new version.
 *
 * The rule between files and database: at `load()`, every operator-edited key the database was
 * never seeded with (a new installation, a new indicator) takes the files' values; after that the
 * database is the truth, and a later change of the file does not override it (it is logged).
 */
@Injectable()
export class ConfigurationService {
  private readonly logger = new Logger('Configuration');
  private readonly files: ConfigSnapshot;
  private readonly store: ConfigStore;
  /** Refreshes started and the latest one published: an earlier read finishing late never replaces a later one. */
  private refreshesStarted = 0;
  private refreshPublished = 0;

  constructor(
    @Inject(OSL_CONFIG_FILES) files: OslConfig,
    @Inject(OperatorConfigRepository) private readonly operatorConfig: OperatorConfigRepository,
    @Inject(PeriodRepository) private readonly periods: PeriodRepository,
  ) {
    this.files = createConfigSnapshot(files);
    // Until load(): the files alone (what a process that never reads the database, the import worker, uses).
    this.store = new ConfigStore(this.files);
  }

  /** The configuration now in force. */
  current(): ConfigSnapshot {
    return this.store.current();
  }

  /** The configuration as the files give it, before operators' edits. */
  fromFiles(): ConfigSnapshot {
    return this.files;
  }

  /**
   * Seeds the database from the files where it holds nothing yet (reference data must be
   * synchronised first: an indicator's row exists before its targets), then publishes the files
   * with the database's values.
   */
  async load(actor = 'system'): Promise<ConfigSnapshot> {
    for (const section of operatorSections) {
      const report = await this.operatorConfig.seed(section, this.files, actor);
      if (report.seeded.length > 0) this.logger.log(`${section.name}: ${report.seeded.join(', ')} taken from the configuration files`);
      for (const { key, seededAt } of report.fileChangedSinceSeed) {
        this.logger.warn(
          `${section.name} of ${key}: the configuration files changed since they were taken into the database (${seededAt.toISOString()}); the database's values apply (edit them in the dashboard)`,
        );
      }
    }
    return this.refresh();
  }

  /** Publishes what the database holds now (another process may have changed it); the same content keeps the current snapshot. */
  async refresh(): Promise<ConfigSnapshot> {
    const ticket = ++this.refreshesStarted;
    let config: OslConfig = this.files;
    for (const section of operatorSections) config = section.apply(config, await this.operatorConfig.read(section));
    // The reporting periods the director defined: every run computes their figures.
    config = { ...config, periods: (await this.periods.list()).map(({ id, name, from, to }) => ({ id, name, from, to })) };
    if (ticket < this.refreshPublished) return this.store.current();
    this.refreshPublished = ticket;
    return this.store.replace(config);
  }

  /**
   * Changes one key of an operator-edited section: in one transaction, audited old → new, then
   * published as a new snapshot. No file is written; no snapshot is changed.
   */
  async edit<T>(section: OperatorConfigSection<T>, key: string, change: (before: T) => T, actor: string): Promise<ConfigSnapshot> {
    await this.operatorConfig.update(section, key, change, this.files, actor);
    return this.refresh();
  }
}
