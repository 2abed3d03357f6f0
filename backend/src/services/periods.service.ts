import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigSnapshot, ReportingPeriodConfig } from '@osl/data';
import { civilDateInZone } from '@osl/pipelines';
import type { RecordChange } from '@osl/prisma';
import { DomainError } from '../lib/domain-error.ts';
import { formatMessage } from '../lib/messages.ts';
import { currentLanguage } from '../lib/request-language.ts';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { protectDrillDown, protectPeriodFigures, type ShownFigure } from '../periods/period-disclosure.ts';
import { PeriodFiguresReader } from '../periods/period-figures.ts';
import { checkPeriodInput, periodState, versionInForce, type PeriodInput, type PeriodState } from '../periods/period-rules.ts';
import {
  comparePeriodFigures,
  compareDrillDowns,
  fingerprintOf,
  freezePeriod,
  type DrillDownDifference,
  type FigureDifference,
  type FrozenDrillDown,
  type FrozenPeriod,
} from '../periods/frozen-period.ts';
import { AuditQueryRepository } from '../repositories/audit.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { PeriodRepository, PeriodStateChanged, type PeriodVersionRecord, type ReportingPeriodRecord } from '../repositories/period.repository.ts';
import { ConfigurationService } from './configuration.service.ts';
import { PipelineService } from './pipeline.service.ts';

/** Who acts, as the audit trail records it, and whether they see the auditor's protected figures. */
export interface PeriodActor {
  actor: string;
  address: string | null;
  /** The auditor's view (and exports): small counts hidden. */
  protectedView: boolean;
}

/** A closed version as the API shows it (times as ISO text). */
export interface VersionView extends Omit<PeriodVersionRecord, 'closedAt' | 'endedAt' | 'signOffs' | 'id' | 'periodId'> {
  closedAt: string;
  endedAt: string | null;
  signOffs: { verdict: 'accepted' | 'remarks'; remarks: string | null; signedBy: string; signedAt: string; fingerprint: string }[];
}

export interface PeriodSummary extends Omit<ReportingPeriodRecord, 'createdAt'> {
  createdAt: string;
  state: PeriodState;
  /** The period's last day has passed (it can be closed). */
  over: boolean;
  inForce: VersionView | null;
  versions: VersionView[];
}

export interface Restatement {
  /** The figures a correction changed since the version in force was closed. */
  differences: FigureDifference[];
  drillDown: DrillDownDifference;
  /** The rows written after the frozen data version that touch the period's dates. */
  changes: { total: number; rows: RecordChange[] };
}

export interface PeriodDetail extends PeriodSummary {
  /** Figures now (the published analytics); null until a run has computed the period. */
  current: { figures: ShownFigure[]; asOf: string; dataVersion: number } | null;
  /** The version in force's frozen figures. */
  reported: { figures: ShownFigure[]; fingerprint: string } | null;
  restatement: Restatement | null;
}

export interface FrozenReport {
  content: FrozenPeriod;
  fingerprint: string;
  /** The stored text still gives the recorded fingerprint. */
  intact: boolean;
  shownFigures: ShownFigure[];
}

export interface FrozenVerdict {
  versions: number;
  intact: boolean;
  broken: { periodId: number; name: string; version: number; problem: 'fingerprint' | 'not_in_trail' | 'trail_differs' }[];
}

const changeRowsShown = 500;

/**
 * Reporting periods: their definitions (the director's), their figures within and to their end,
 * closing (figures and drill-down frozen and fingerprinted as the data stood), the auditor's
 * sign-off, reopening with a reason, and restatements when a later correction changes a figure.
 */
@Injectable()
export class PeriodsService {
  private readonly logger = new Logger('Periods');

  constructor(
    @Inject(PeriodRepository) private readonly periods: PeriodRepository,
    @Inject(PeriodFiguresReader) private readonly figures: PeriodFiguresReader,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
    @Inject(PipelineService) private readonly pipeline: PipelineService,
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(AuditQueryRepository) private readonly auditTrail: AuditQueryRepository,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
  ) {}

  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  private today(): string {
    return civilDateInZone(this.environment.now(), this.config.project.timeZone);
  }

  async list(): Promise<PeriodSummary[]> {
    const [periods, versions] = await Promise.all([this.periods.list(), this.periods.versions()]);
    const today = this.today();
    return periods.map((period) =>
      summary(
        period,
        versions.filter((v) => v.periodId === period.id),
        today,
      ),
    );
  }

  async detail(id: number, viewer: PeriodActor): Promise<PeriodDetail> {
    const period = await this.find(id);
    const versions = await this.periods.versions(id);
    const base = summary(period, versions, this.today());
    const config = this.config;
    const current = await this.figures.published(config, asConfig(period), { drillDown: false });
    const inForce = base.inForce;
    const frozen = inForce ? await this.frozenContent(period, inForce.version) : null;
    let restatement: Restatement | null = null;
    if (frozen && current) {
      const differences = comparePeriodFigures(frozen.content.figures, current.figures);
      // Only what the published analytics saw after the frozen version: older analytics cannot restate it.
      if (differences.length > 0 && current.dataVersion >= frozen.content.dataVersion) {
        // The drill-down is read only when a figure changed (it names the persons and activities).
        current.drillDown = (await this.figures.published(config, asConfig(period)))?.drillDown ?? current.drillDown;
        restatement = {
          differences: viewer.protectedView ? this.protectDifferences(differences, frozen.content, current.figures) : differences,
          drillDown: viewer.protectedView
            ? { activities: compareDrillDowns(frozen.content.drillDown, current.drillDown).activities, persons: [], leaders: [] }
            : compareDrillDowns(frozen.content.drillDown, current.drillDown),
          changes: await this.database.operational.recordChangesAfter(frozen.content.dataVersion, period.to, changeRowsShown),
        };
      }
    }
    return {
      ...base,
      current: current && { figures: this.shown(current.figures, viewer), asOf: current.asOf, dataVersion: current.dataVersion },
      reported: frozen && { figures: this.shown(frozen.content.figures, viewer), fingerprint: frozen.fingerprint },
      restatement,
    };
  }

  /** A version's frozen report (the one in force by default), checked against its fingerprint. */
  async report(id: number, version: number | null, viewer: PeriodActor): Promise<FrozenReport> {
    const period = await this.find(id);
    const versions = await this.periods.versions(id);
    const wanted = version ?? versionInForce(versions)?.version ?? versions[versions.length - 1]?.version;
    if (wanted === undefined) throw DomainError.conflict('period.not_closed', { name: period.name });
    const frozen = await this.frozenContent(period, wanted);
    const content = viewer.protectedView ? { ...frozen.content, drillDown: this.protectedDrillDown(frozen.content) } : frozen.content;
    return { content, fingerprint: frozen.fingerprint, intact: frozen.intact, shownFigures: this.shown(frozen.content.figures, viewer) };
  }

  /** The period's figures as the data stood at `moment` (a build of its own; as long as a full rebuild). */
  async figuresAt(
    id: number,
    moment: Date,
    viewer: PeriodActor,
  ): Promise<{ figures: ShownFigure[]; drillDown: FrozenDrillDown; asOf: string; dataVersion: number }> {
    const period = await this.find(id);
    const dataVersion = await this.database.operational.dataVersionAt(moment);
    const built = await this.figures.asOf(this.configWith(period), asConfig(period), moment, dataVersion);
    const shownFigures = this.shown(built.figures, viewer);
    const drillDown = viewer.protectedView ? protectDrillDown(built.drillDown, shownFigures, this.config.indicators) : built.drillDown;
    return { figures: shownFigures, drillDown, asOf: built.asOf, dataVersion };
  }

  async create(input: PeriodInput, viewer: PeriodActor): Promise<ReportingPeriodRecord> {
    const others = (await this.periods.list()).map((p) => p.name);
    const clean = this.checked(input, others);
    const created = await this.periods.create(clean, viewer);
    await this.recompute();
    return created;
  }

  async update(id: number, input: PeriodInput, viewer: PeriodActor): Promise<ReportingPeriodRecord> {
    const period = await this.find(id);
    if (periodState(await this.periods.versions(id)) !== 'open') throw DomainError.conflict('period.closed_cannot_change', { name: period.name });
    const others = (await this.periods.list()).filter((p) => p.id !== id).map((p) => p.name);
    const clean = this.checked(input, others);
    const updated = await this.refusedIfChanged(period, () => this.periods.update(id, clean, viewer));
    await this.recompute();
    return updated;
  }

  async remove(id: number, viewer: PeriodActor): Promise<void> {
    const period = await this.find(id);
    if ((await this.periods.versions(id)).length > 0) throw DomainError.conflict('period.closed_cannot_delete', { name: period.name });
    await this.refusedIfChanged(period, () => this.periods.remove(id, viewer));
    await this.recompute();
  }

  /**
   * Closes a period that is over: its figures and drill-down as the data stands now (the newest
   * import batch), frozen with their fingerprint; the audit trail records the fingerprint.
   */
  async close(id: number, viewer: PeriodActor): Promise<PeriodVersionRecord> {
    const period = await this.find(id);
    const versions = await this.periods.versions(id);
    const inForce = versionInForce(versions);
    if (inForce) throw DomainError.conflict('period.already_closed', { name: period.name, version: inForce.version });
    if (this.today() <= period.to) throw DomainError.conflict('period.not_over', { name: period.name, to: period.to });
    return this.freeze(period, versions, 'close', null, viewer);
  }

  /** Accepts a restatement: the version in force ends as restated and a new one is frozen from the data now. */
  async acceptRestatement(id: number, note: string | null, viewer: PeriodActor): Promise<PeriodVersionRecord> {
    const detail = await this.detail(id, { ...viewer, protectedView: false });
    if (!detail.inForce) throw DomainError.conflict('period.not_closed', { name: detail.name });
    if (!detail.restatement) throw DomainError.conflict('period.no_restatement', { name: detail.name });
    const period = await this.find(id);
    return this.freeze(period, await this.periods.versions(id), 'restatement', { version: detail.inForce.version, note: note?.trim() || null }, viewer);
  }

  async reopen(id: number, reason: string, viewer: PeriodActor): Promise<void> {
    const period = await this.find(id);
    const inForce = versionInForce(await this.periods.versions(id));
    if (!inForce) throw DomainError.conflict('period.not_closed', { name: period.name });
    if (!reason.trim()) throw DomainError.invalid('period.reason_required', {});
    await this.refusedIfChanged(period, () => this.periods.reopen(id, inForce.version, this.environment.now(), reason.trim(), viewer));
  }

  async signOff(id: number, input: { verdict: 'accepted' | 'remarks'; remarks?: string | null; fingerprint: string }, viewer: PeriodActor) {
    const period = await this.find(id);
    const inForce = versionInForce(await this.periods.versions(id));
    if (!inForce) throw DomainError.conflict('period.not_closed', { name: period.name });
    const remarks = input.remarks?.trim() || null;
    if (input.verdict === 'remarks' && !remarks) throw DomainError.invalid('period.remarks_required', {});
    if (inForce.fingerprint !== input.fingerprint) throw DomainError.conflict('period.fingerprint_changed', { name: period.name });
    return this.refusedIfChanged(period, () =>
      this.periods.signOff(id, { verdict: input.verdict, remarks, fingerprint: input.fingerprint, at: this.environment.now() }, viewer),
    );
  }

  /**
   * Checks every closed version: its stored text gives its fingerprint, and the (hash-chained)
   * audit trail recorded that fingerprint when it was closed. A frozen value edited in the
   * database fails the first; an edited fingerprint as well fails the second.
   */
  async verifyFrozen(): Promise<FrozenVerdict> {
    const recorded = new Map<string, string>();
    for (const event of await this.auditTrail.byActions(['period.closed', 'period.restated'])) {
      const after = event.after as { version?: number; fingerprint?: string } | null;
      if (after?.version !== undefined && after.fingerprint) recorded.set(`${event.entityId}|${after.version}`, after.fingerprint);
    }
    const broken: FrozenVerdict['broken'] = [];
    const names = new Map((await this.periods.list()).map((p) => [p.id, p.name]));
    let count = 0;
    for await (const page of this.periods.allFrozen()) {
      for (const row of page) {
        count += 1;
        const trail = recorded.get(`${row.periodId}|${row.version}`);
        const problem =
          fingerprintOf(row.frozen) !== row.fingerprint ? 'fingerprint' : !trail ? 'not_in_trail' : trail !== row.fingerprint ? 'trail_differs' : null;
        if (problem) broken.push({ periodId: row.periodId, name: names.get(row.periodId) ?? String(row.periodId), version: row.version, problem });
      }
    }
    return { versions: count, intact: broken.length === 0, broken };
  }

  async find(id: number): Promise<ReportingPeriodRecord> {
    const period = await this.periods.find(id);
    if (!period) throw DomainError.notFound('period.not_found', { id });
    return period;
  }

  /** A period named (CLI) or numbered. */
  async findByNameOrId(key: string): Promise<ReportingPeriodRecord> {
    const period = /^\d+$/.test(key) ? await this.periods.find(Number(key)) : await this.periods.findByName(key);
    if (!period) throw DomainError.notFound('period.not_found', { id: key });
    return period;
  }

  private async freeze(
    period: ReportingPeriodRecord,
    versions: readonly PeriodVersionRecord[],
    reason: FrozenPeriod['reason'],
    replaces: { version: number; note: string | null } | null,
    viewer: PeriodActor,
  ): Promise<PeriodVersionRecord> {
    const closedAt = this.environment.now();
    const dataVersion = await this.database.operational.currentDataVersion();
    const config = this.configWith(period);
    const built = await this.figures.latest(config, asConfig(period), closedAt, dataVersion);
    const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
    const content: FrozenPeriod = {
      format: 1,
      project: { name: config.project.name, centre: config.project.centre, from: config.project.periodStart, to: config.project.periodEnd },
      period: asConfig(period),
      version,
      reason,
      dataVersion,
      asOf: built.asOf,
      closedAt: closedAt.toISOString(),
      closedBy: viewer.actor,
      indicators: config.indicators.map((i) => ({ code: i.code, namePl: i.namePl, nameEn: i.nameEn, kind: i.kind, unit: i.unit, cumulative: i.cumulative })),
      figures: built.figures,
      drillDown: built.drillDown,
    };
    const { frozen, fingerprint } = freezePeriod(content);
    const record = await this.refusedIfChanged(period, () =>
      this.periods.addVersion(period.id, { closedAt, closedBy: viewer.actor, dataVersion, asOf: built.asOf, reason, frozen, fingerprint }, replaces, viewer),
    );
    this.logger.log(`period ${period.id} version ${record.version} (${reason}) frozen at data version ${dataVersion}, fingerprint ${fingerprint}`);
    return record;
  }

  private async frozenContent(period: ReportingPeriodRecord, version: number): Promise<{ content: FrozenPeriod; fingerprint: string; intact: boolean }> {
    const stored = await this.periods.frozen(period.id, version);
    if (!stored) throw DomainError.notFound('period.version_not_found', { name: period.name, version });
    return { content: JSON.parse(stored.frozen) as FrozenPeriod, fingerprint: stored.fingerprint, intact: fingerprintOf(stored.frozen) === stored.fingerprint };
  }

  private shown(figures: FrozenPeriod['figures'], viewer: PeriodActor): ShownFigure[] {
    if (!viewer.protectedView) return figures.map((f) => ({ ...f }));
    const config = this.config;
    return protectPeriodFigures(
      figures,
      config.indicators,
      config.project.smallCounts.limit,
      config.communities.map((c) => c.code),
    );
  }

  private protectedDrillDown(content: FrozenPeriod): FrozenDrillDown {
    return protectDrillDown(content.drillDown, this.shown(content.figures, { actor: '', address: null, protectedView: true }), this.config.indicators);
  }

  /** Differences with the values either side hides left out as null (and marked by the shown figures). */
  private protectDifferences(differences: FigureDifference[], frozen: FrozenPeriod, current: FrozenPeriod['figures']): FigureDifference[] {
    const viewer = { actor: '', address: null, protectedView: true };
    const hidden = new Set<string>();
    for (const f of [...this.shown(frozen.figures, viewer), ...this.shown(current, viewer)]) {
      for (const field of f.suppressed ?? []) hidden.add(`${f.code}|${f.community}|${field}`);
    }
    return differences.map((d) => {
      const within = hidden.has(`${d.code}|${d.community}|valueWithin`);
      const cumulative = hidden.has(`${d.code}|${d.community}|valueCumulative`);
      return {
        ...d,
        ...(within ? { reportedWithin: null, currentWithin: null, differenceWithin: null } : {}),
        ...(cumulative
          ? { reportedCumulative: null, currentCumulative: null, differenceCumulative: null, reportedStatus: 'suppressed', currentStatus: 'suppressed' }
          : {}),
      };
    });
  }

  private checked(input: PeriodInput, others: string[]): PeriodInput {
    const clean = { name: input.name.trim(), from: input.from.trim(), to: input.to.trim() };
    const problems = checkPeriodInput(clean, this.config.project, others);
    if (problems.length > 0) {
      throw DomainError.invalid(
        'period.invalid',
        { count: problems.length },
        {
          details: {
            errors: problems.map((p) => ({ field: p.field, key: p.key, params: p.params, message: formatMessage(p.key, currentLanguage(), p.params) })),
          },
        },
      );
    }
    return clean;
  }

  /** The configuration now with this period's definition (as stored now) in it. */
  private configWith(period: ReportingPeriodRecord): ConfigSnapshot {
    const config = this.config;
    if (config.periods.some((p) => p.id === period.id && p.from === period.from && p.to === period.to)) return config;
    return { ...config, periods: [...config.periods.filter((p) => p.id !== period.id), asConfig(period)] };
  }

  /**
   * The periods are part of the configuration: publish the new set, and queue a run (after the
   * one in progress, if any) that computes their figures. Not awaited: the answer does not wait.
   */
  private async recompute(): Promise<void> {
    await this.configuration.refresh();
    void this.pipeline.runAfterImport(await this.database.operational.currentDataVersion());
  }

  private async refusedIfChanged<T>(period: ReportingPeriodRecord, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof PeriodStateChanged) throw DomainError.conflict('period.changed_meanwhile', { name: period.name });
      throw error;
    }
  }
}

function asConfig(period: ReportingPeriodRecord): ReportingPeriodConfig {
  return { id: period.id, name: period.name, from: period.from, to: period.to };
}

function summary(period: ReportingPeriodRecord, versions: PeriodVersionRecord[], today: string): PeriodSummary {
  const views = versions.map(versionView);
  return {
    ...period,
    createdAt: period.createdAt.toISOString(),
    state: periodState(versions),
    over: today > period.to,
    inForce: views.find((v) => v.endedAt === null) ?? null,
    versions: views,
  };
}

function versionView({ id: _id, periodId: _period, closedAt, endedAt, signOffs, ...rest }: PeriodVersionRecord): VersionView {
  return {
    ...rest,
    closedAt: closedAt.toISOString(),
    endedAt: endedAt?.toISOString() ?? null,
    signOffs: signOffs.map(({ id: _sign, signedAt, ...s }) => ({ ...s, signedAt: signedAt.toISOString() })),
  };
}
