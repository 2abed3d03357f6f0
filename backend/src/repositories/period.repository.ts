import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '@osl/prisma';
import { AuditRepository, type AuditEntry } from './audit.repository.ts';
import { DatabaseRepository } from './database.repository.ts';
import { configurationTransaction } from './transaction-options.ts';

export interface ReportingPeriodRecord {
  id: number;
  name: string;
  from: string;
  to: string;
  createdBy: string;
  createdAt: Date;
}

export interface SignOffRecord {
  id: number;
  verdict: 'accepted' | 'remarks';
  remarks: string | null;
  signedBy: string;
  signedAt: Date;
  fingerprint: string;
}

export type VersionEndReason = 'reopened' | 'restated';

export interface PeriodVersionRecord {
  id: number;
  periodId: number;
  version: number;
  closedAt: Date;
  closedBy: string;
  dataVersion: number;
  asOf: string;
  reason: 'close' | 'restatement';
  fingerprint: string;
  endedAt: Date | null;
  endedBy: string | null;
  endReason: VersionEndReason | null;
  endNote: string | null;
  signOffs: SignOffRecord[];
}

export interface NewPeriodVersion {
  closedAt: Date;
  closedBy: string;
  dataVersion: number;
  asOf: string;
  reason: 'close' | 'restatement';
  frozen: string;
  fingerprint: string;
}

/** Refused because another request changed the period first (checked inside the transaction). */
export class PeriodStateChanged extends Error {}

type VersionRow = Prisma.PeriodVersionGetPayload<{ include: { signOffs: true } }>;

const toPeriod = (row: { id: number; name: string; startsOn: string; endsOn: string; createdBy: string; createdAt: Date }): ReportingPeriodRecord => ({
  id: row.id,
  name: row.name,
  from: row.startsOn,
  to: row.endsOn,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
});

const toVersion = (row: VersionRow): PeriodVersionRecord => ({
  id: row.id,
  periodId: row.periodId,
  version: row.version,
  closedAt: row.closedAt,
  closedBy: row.closedBy,
  dataVersion: row.dataVersion,
  asOf: row.asOf,
  reason: row.reason as PeriodVersionRecord['reason'],
  fingerprint: row.fingerprint,
  endedAt: row.endedAt,
  endedBy: row.endedBy,
  endReason: row.endReason as VersionEndReason | null,
  endNote: row.endNote,
  signOffs: row.signOffs
    .sort((a, b) => a.id - b.id)
    .map((s) => ({
      id: s.id,
      verdict: s.verdict as SignOffRecord['verdict'],
      remarks: s.remarks,
      signedBy: s.signedBy,
      signedAt: s.signedAt,
      fingerprint: s.fingerprint,
    })),
});

/**
 * Reporting periods, their closed versions and the auditor's sign-offs. Every change is written
 * with its audit entry in one transaction; a closed version is never updated but to end it.
 */
@Injectable()
export class PeriodRepository {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  private get db() {
    return this.database.client;
  }

  async list(): Promise<ReportingPeriodRecord[]> {
    return (await this.db.reportingPeriod.findMany({ orderBy: [{ startsOn: 'asc' }, { id: 'asc' }] })).map(toPeriod);
  }

  async find(id: number): Promise<ReportingPeriodRecord | null> {
    const row = await this.db.reportingPeriod.findUnique({ where: { id } });
    return row ? toPeriod(row) : null;
  }

  async findByName(name: string): Promise<ReportingPeriodRecord | null> {
    const row = await this.db.reportingPeriod.findUnique({ where: { name } });
    return row ? toPeriod(row) : null;
  }

  /** Every version of every period (or of one), oldest first, with their sign-offs; not the frozen content. */
  async versions(periodId?: number): Promise<PeriodVersionRecord[]> {
    const rows = await this.db.periodVersion.findMany({
      where: periodId === undefined ? {} : { periodId },
      include: { signOffs: true },
      omit: { frozen: true },
      orderBy: [{ periodId: 'asc' }, { version: 'asc' }],
    });
    return rows.map((row) => toVersion({ ...row, frozen: '' }));
  }

  /** A version's frozen content (canonical JSON) and its recorded fingerprint. */
  async frozen(periodId: number, version: number): Promise<{ frozen: string; fingerprint: string } | null> {
    return this.db.periodVersion.findUnique({ where: { periodId_version: { periodId, version } }, select: { frozen: true, fingerprint: true } });
  }

  /** Every version's frozen content, a page at a time (for verification). */
  async *allFrozen(pageSize = 20): AsyncGenerator<{ periodId: number; version: number; frozen: string; fingerprint: string }[]> {
    let after = 0;
    for (;;) {
      const rows = await this.db.periodVersion.findMany({
        where: { id: { gt: after } },
        orderBy: { id: 'asc' },
        take: pageSize,
        select: { id: true, periodId: true, version: true, frozen: true, fingerprint: true },
      });
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1]!.id;
    }
  }

  async create(period: { name: string; from: string; to: string }, audit: Pick<AuditEntry, 'actor' | 'address'>): Promise<ReportingPeriodRecord> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.reportingPeriod.create({ data: { name: period.name, startsOn: period.from, endsOn: period.to, createdBy: audit.actor } });
      await this.audit.record([{ ...audit, action: 'period.created', entity: 'period', entityId: String(row.id), after: period }], tx);
      return toPeriod(row);
    }, configurationTransaction);
  }

  /** Changes an open period (no version in force); refuses with PeriodStateChanged otherwise. */
  async update(id: number, change: { name: string; from: string; to: string }, audit: Pick<AuditEntry, 'actor' | 'address'>): Promise<ReportingPeriodRecord> {
    return this.db.$transaction(async (tx) => {
      await this.ensureOpen(tx, id);
      const before = await tx.reportingPeriod.findUniqueOrThrow({ where: { id } });
      const row = await tx.reportingPeriod.update({ where: { id }, data: { name: change.name, startsOn: change.from, endsOn: change.to } });
      const was = { name: before.name, from: before.startsOn, to: before.endsOn };
      const changed = (Object.keys(change) as (keyof typeof change)[]).filter((key) => was[key] !== change[key]);
      if (changed.length > 0) {
        await this.audit.record(
          [
            {
              ...audit,
              action: 'period.updated',
              entity: 'period',
              entityId: String(id),
              before: Object.fromEntries(changed.map((key) => [key, was[key]])),
              after: Object.fromEntries(changed.map((key) => [key, change[key]])),
            },
          ],
          tx,
        );
      }
      return toPeriod(row);
    }, configurationTransaction);
  }

  /** Removes a period that was never closed; refuses with PeriodStateChanged otherwise. */
  async remove(id: number, audit: Pick<AuditEntry, 'actor' | 'address'>): Promise<void> {
    await this.db.$transaction(async (tx) => {
      if ((await tx.periodVersion.count({ where: { periodId: id } })) > 0) throw new PeriodStateChanged('closed before');
      const row = await tx.reportingPeriod.delete({ where: { id } });
      await this.audit.record(
        [{ ...audit, action: 'period.deleted', entity: 'period', entityId: String(id), before: { name: row.name, from: row.startsOn, to: row.endsOn } }],
        tx,
      );
    }, configurationTransaction);
  }

  /**
   * Adds the next version of a period: a closing (the period must be open) or an accepted
   * restatement (the version in force, `replaces`, is ended as restated in the same transaction).
   */
  async addVersion(
    periodId: number,
    version: NewPeriodVersion,
    replaces: { version: number; note: string | null } | null,
    audit: Pick<AuditEntry, 'actor' | 'address'>,
  ): Promise<PeriodVersionRecord> {
    return this.db.$transaction(async (tx) => {
      const inForce = await tx.periodVersion.findFirst({ where: { periodId, endedAt: null }, select: { version: true, fingerprint: true } });
      if (replaces ? inForce?.version !== replaces.version : inForce) throw new PeriodStateChanged('the version in force changed');
      const latest = await tx.periodVersion.aggregate({ where: { periodId }, _max: { version: true } });
      const number = (latest._max.version ?? 0) + 1;
      if (replaces) {
        await tx.periodVersion.update({
          where: { periodId_version: { periodId, version: replaces.version } },
          data: { endedAt: version.closedAt, endedBy: audit.actor, endReason: 'restated', endNote: replaces.note },
        });
      }
      const row = await tx.periodVersion.create({ data: { periodId, version: number, ...version }, include: { signOffs: true } });
      await this.audit.record(
        [
          {
            ...audit,
            action: replaces ? 'period.restated' : 'period.closed',
            entity: 'period',
            entityId: String(periodId),
            before: replaces ? { version: replaces.version, fingerprint: inForce!.fingerprint } : null,
            after: {
              version: number,
              dataVersion: version.dataVersion,
              asOf: version.asOf,
              fingerprint: version.fingerprint,
              ...(replaces?.note ? { note: replaces.note } : {}),
            },
          },
        ],
        tx,
      );
      return toVersion(row);
    }, configurationTransaction);
  }

  /** Ends the version in force as reopened, with the director's reason. */
  async reopen(periodId: number, version: number, at: Date, reason: string, audit: Pick<AuditEntry, 'actor' | 'address'>): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const ended = await tx.periodVersion.updateMany({
        where: { periodId, version, endedAt: null },
        data: { endedAt: at, endedBy: audit.actor, endReason: 'reopened', endNote: reason },
      });
      if (ended.count !== 1) throw new PeriodStateChanged('not in force');
      await this.audit.record(
        [{ ...audit, action: 'period.reopened', entity: 'period', entityId: String(periodId), before: { version }, after: { reason } }],
        tx,
      );
    }, configurationTransaction);
  }

  /** Records the auditor's verdict on the version in force, if it is still the one with `fingerprint`. */
  async signOff(
    periodId: number,
    signOff: { verdict: SignOffRecord['verdict']; remarks: string | null; fingerprint: string; at: Date },
    audit: Pick<AuditEntry, 'actor' | 'address'>,
  ): Promise<SignOffRecord> {
    return this.db.$transaction(async (tx) => {
      const inForce = await tx.periodVersion.findFirst({ where: { periodId, endedAt: null }, select: { id: true, version: true, fingerprint: true } });
      if (!inForce || inForce.fingerprint !== signOff.fingerprint) throw new PeriodStateChanged('not the version in force');
      const row = await tx.periodSignOff.create({
        data: {
          periodVersionId: inForce.id,
          verdict: signOff.verdict,
          remarks: signOff.remarks,
          signedBy: audit.actor,
          signedAt: signOff.at,
          fingerprint: signOff.fingerprint,
        },
      });
      await this.audit.record(
        [
          {
            ...audit,
            action: 'period.signed',
            entity: 'period',
            entityId: String(periodId),
            after: {
              version: inForce.version,
              verdict: signOff.verdict,
              fingerprint: signOff.fingerprint,
              ...(signOff.remarks ? { remarks: signOff.remarks } : {}),
            },
          },
        ],
        tx,
      );
      return { id: row.id, verdict: signOff.verdict, remarks: row.remarks, signedBy: row.signedBy, signedAt: row.signedAt, fingerprint: row.fingerprint };
    }, configurationTransaction);
  }

  private async ensureOpen(tx: Prisma.TransactionClient, periodId: number): Promise<void> {
    if (await tx.periodVersion.findFirst({ where: { periodId, endedAt: null }, select: { id: true } })) throw new PeriodStateChanged('closed');
  }
}
