import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { stableJson, type IndicatorConfig, type OslConfig } from '@osl/data';
import type { Prisma } from '@osl/prisma';
import { AuditRepository, type AuditEntry } from './audit.repository.ts';
import { DatabaseRepository } from './database.repository.ts';
import { configurationTransaction } from './transaction-options.ts';

/**
 * One kind of configuration that operators edit (baselines and targets now; reporting periods
 * next), kept in the operational database per key. The configuration files give its first values:
 * a key the database has never been seeded with takes the files' values once (`ConfigSeed`), and
 * from then on the database holds it.
 */
export interface OperatorConfigSection<T> {
  /** `ConfigSeed.section`. */
  readonly name: string;
  /** The audit trail's entity for a change of one key. */
  readonly entity: string;
  /** The values the configuration files give, per key. */
  fromFiles(files: OslConfig): Map<string, T>;
  /** The values the database holds, per key. */
  read(db: Prisma.TransactionClient): Promise<Map<string, T>>;
  /** Replaces one key's values in the database. */
  write(db: Prisma.TransactionClient, key: string, value: T): Promise<void>;
  /** The configuration with these values in place of the files' (a new object; `config` is not changed). */
  apply(config: OslConfig, values: ReadonlyMap<string, T>): OslConfig;
}

export interface SeedReport {
  /** Keys taken from the files now. */
  seeded: string[];
  /** Keys whose values in the files changed since they were taken: the database's stay. */
  fileChangedSinceSeed: { key: string; seededAt: Date }[];
}

/** Reads, seeds and changes operator-edited configuration; every change is audited in its transaction. */
@Injectable()
export class OperatorConfigRepository {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  /** Takes from the files every key of the section the database was never seeded with (one transaction). */
  async seed<T>(section: OperatorConfigSection<T>, files: OslConfig, actor: string): Promise<SeedReport> {
    return this.database.client.$transaction(async (tx) => {
      const seeds = new Map((await tx.configSeed.findMany({ where: { section: section.name } })).map((seed) => [seed.key, seed]));
      const stored = await section.read(tx);
      const report: SeedReport = { seeded: [], fileChangedSinceSeed: [] };
      const changes: AuditEntry[] = [];
      for (const [key, value] of section.fromFiles(files)) {
        const digest = digestOf(value);
        const seed = seeds.get(key);
        if (seed) {
          if (seed.digest !== digest) report.fileChangedSinceSeed.push({ key, seededAt: seed.seededAt });
          continue;
        }
        const before = stored.get(key);
        if (before === undefined || digestOf(before) !== digest) {
          await section.write(tx, key, value);
          changes.push({
            actor,
            action: before === undefined ? 'config.created' : 'config.updated',
            entity: section.entity,
            entityId: key,
            before,
            after: value,
          });
        }
        await tx.configSeed.create({ data: { section: section.name, key, digest } });
        report.seeded.push(key);
      }
      await this.audit.record(changes, tx);
      return report;
    }, configurationTransaction);
  }

  async read<T>(section: OperatorConfigSection<T>): Promise<Map<string, T>> {
    return section.read(this.database.client);
  }

  /**
   * Changes one key in one transaction: `change` gets the values the database holds at that moment
   * (the files' when it holds none), and the change is audited, old → new. Nothing else is written.
   */
  async update<T>(section: OperatorConfigSection<T>, key: string, change: (before: T) => T, files: OslConfig, actor: string): Promise<{ before: T; after: T }> {
    return this.database.client.$transaction(async (tx) => {
      const before = (await section.read(tx)).get(key) ?? section.fromFiles(files).get(key);
      if (before === undefined) throw new Error(`${section.name}: no ${key} to change`);
      const after = change(before);
      if (digestOf(after) === digestOf(before)) return { before, after: before };
      await section.write(tx, key, after);
      // A key changed before its seed would otherwise be seeded over at the next start.
      await tx.configSeed.upsert({
        where: { section_key: { section: section.name, key } },
        create: { section: section.name, key, digest: digestOf(section.fromFiles(files).get(key) ?? before) },
        update: {},
      });
      await this.audit.record([{ actor, action: 'config.updated', entity: section.entity, entityId: key, before, after }], tx);
      return { before, after };
    }, configurationTransaction);
  }
}

/** An indicator's baselines (per scope) and targets (per scope and year), as operators edit them. */
export type IndicatorTargetValues = Pick<IndicatorConfig, 'baseline' | 'targets'>;

/** Baselines and targets of every indicator: `IndicatorBaseline` and `IndicatorTarget`, keyed by indicator code. */
export const indicatorTargetsSection: OperatorConfigSection<IndicatorTargetValues> = {
  name: 'indicator-targets',
  entity: 'indicator',
  fromFiles: (files) => new Map(files.indicators.map((indicator) => [indicator.code, { baseline: indicator.baseline, targets: indicator.targets }])),
  async read(db) {
    const rows = await db.indicator.findMany({ include: { baselines: true, targets: true } });
    const values = new Map<string, IndicatorTargetValues>();
    for (const row of rows) {
      if (row.baselines.length === 0 && row.targets.length === 0) continue;
      const targets: IndicatorTargetValues['targets'] = {};
      for (const target of row.targets) (targets[target.scope] ??= {})[String(target.year)] = target.value;
      values.set(row.code, { baseline: Object.fromEntries(row.baselines.map((b) => [b.scope, b.value])), targets });
    }
    return values;
  },
  async write(db, code, value) {
    const row = await db.indicator.findUnique({ where: { code } });
    if (!row) throw new Error(`indicator ${code} is not in the database: its definition is synchronised first`);
    await db.indicatorBaseline.deleteMany({ where: { indicatorId: row.id } });
    await db.indicatorTarget.deleteMany({ where: { indicatorId: row.id } });
    await db.indicatorBaseline.createMany({ data: Object.entries(value.baseline).map(([scope, v]) => ({ indicatorId: row.id, scope, value: v })) });
    await db.indicatorTarget.createMany({
      data: Object.entries(value.targets).flatMap(([scope, years]) =>
        Object.entries(years).map(([year, v]) => ({ indicatorId: row.id, scope, year: Number(year), value: v })),
      ),
    });
  },
  apply: (config, values) => ({
    ...config,
    indicators: config.indicators.map((indicator) => {
      const stored = values.get(indicator.code);
      return stored ? { ...indicator, baseline: stored.baseline, targets: stored.targets } : indicator;
    }),
  }),
};

/** SHA-256 of the value's stable JSON: equal values, equal digests, whatever their key order. */
function digestOf(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}
