import { Inject, Injectable } from '@nestjs/common';
import type { ConfigSnapshot, IndicatorComputation, IndicatorConfig } from '@osl/data';
import { DomainError } from '../lib/domain-error.ts';
import type { Viewer } from '../auth/viewer.ts';
import { AnalyticsRepository } from '../repositories/analytics.repository.ts';
import { ImportRepository } from '../repositories/import.repository.ts';
import { ParticipantRepository, type RegisterEntry } from '../repositories/participant.repository.ts';
import { ConfigurationService } from './configuration.service.ts';
import { IndicatorsService } from './indicators.service.ts';
import {
  leaderTraceRows,
  personTraceRows,
  surveyAnswerTraceRows,
  type LeaderTraceRow,
  type PersonTraceRow,
  type SurveyAnswerTraceRow,
  type TraceViewer,
} from './indicator-trace.ts';
import { SurveyResultsService } from './survey-results.service.ts';

type Kind = IndicatorComputation['kind'];

/** What every trace answers with: the value it explains, and whether the viewer is shown it at all. */
export interface TraceHead {
  indicator: { code: string; namePl: string; nameEn: string; computation: Kind };
  community: string;
  year: number;
  window: { from: string; to: string } | null;
  /** The value as the viewer sees it (null where hidden or not measured). */
  value: number | null;
  /** The auditor's figure is hidden (small counts): so is everything the trace would list. */
  hidden: boolean;
}

export interface PersonsTrace extends TraceHead {
  minAttendances: number;
  persons: PersonTraceRow[];
}

export interface SurveyAnswersTrace extends TraceHead {
  survey: string;
  question: string;
  minValue: number;
  /** The answers the share is taken over, and how many of them are counted (≥ minValue); null where hidden. */
  answered: number | null;
  counted: number | null;
  answers: SurveyAnswerTraceRow[];
}

export interface LeadersTrace extends TraceHead {
  leaders: LeaderTraceRow[];
}

/**
 * The rows behind one indicator value (a year and a scope): the persons of P1 and R1, the survey
 * answers of R2, the register's leaders of P5. Read from the published analytics (the same rows
 * the value was computed from), with the files and rows of the operational database beside them.
 */
@Injectable()
export class IndicatorTraceService {
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(ParticipantRepository) private readonly participants: ParticipantRepository,
    @Inject(ImportRepository) private readonly imports: ImportRepository,
    @Inject(IndicatorsService) private readonly indicators: IndicatorsService,
    @Inject(SurveyResultsService) private readonly surveyResults: SurveyResultsService,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
  ) {}

  async persons(code: string, raw: { year?: string; community?: string }, viewer: Viewer): Promise<PersonsTrace> {
    const { indicator, head } = await this.head(code, 'distinct_participants', raw, viewer);
    const computation = indicator.computation as Extract<IndicatorComputation, { kind: 'distinct_participants' }>;
    const base = { ...head, minAttendances: computation.minAttendances };
    if (head.hidden || !head.window) return { ...base, persons: [] };
    const records = await this.analytics.personsBehind(head.window, computation.minAttendances, scopeCommunity(head.community));
    const withNames = !isSuppressed(viewer) && (viewer.role === 'director' || viewer.role === 'organizer');
    const register = withNames
      ? byId(
          await this.participants.registerEntries(
            records.map((r) => r.participantId),
            true,
          ),
        )
      : new Map<number, RegisterEntry>();
    return { ...base, persons: personTraceRows(records, register, traceViewer(viewer)) };
  }

  async surveyAnswers(code: string, raw: { year?: string; community?: string }, viewer: Viewer): Promise<SurveyAnswersTrace> {
    const { indicator, head } = await this.head(code, 'survey_share', raw, viewer);
    const computation = indicator.computation as Extract<IndicatorComputation, { kind: 'survey_share' }>;
    const base = { ...head, survey: computation.survey, question: computation.question, minValue: computation.minValue };
    if (head.hidden || !head.window) return { ...base, answered: head.hidden ? null : 0, counted: head.hidden ? null : 0, answers: [] };
    const scale = this.config.project.answerScales.likert5;
    const records = await this.analytics.surveyAnswersBehind(
      head.window,
      { survey: computation.survey, question: computation.question, scaleMin: scale.min, scaleMax: scale.max },
      scopeCommunity(head.community),
    );
    const [files, rows] = await Promise.all([
      this.imports.batchFileNames(records.map((r) => r.importBatchId)),
      this.imports.surveyResponseRows([...new Set(records.map((r) => r.responseId))]),
    ]);
    let auditor = null;
    if (isSuppressed(viewer)) {
      const disclosure = await this.surveyResults.shareDisclosure(head.year);
      const shown = await this.shownCommunities(indicator.code, head.year);
      auditor = { survey: computation.survey, question: computation.question, shownCommunities: shown, surveyHidden: disclosure.surveyHidden };
    }
    const answers = surveyAnswerTraceRows(records, computation.minValue, { files, rows }, auditor);
    return { ...base, answered: answers.length, counted: answers.filter((a) => a.counted).length, answers };
  }

  async leaders(code: string, raw: { year?: string; community?: string }, viewer: Viewer): Promise<LeadersTrace> {
    const { indicator, head } = await this.head(code, 'leaders', raw, viewer);
    if (head.hidden || !head.window) return { ...head, leaders: [] };
    const records = await this.analytics.leadersBehind(head.window, scopeCommunity(head.community));
    const [files, register] = await Promise.all([
      this.imports.batchFileNames(records.map((r) => r.importBatchId)),
      this.participants.registerEntries(
        records.map((r) => r.participantId),
        false,
      ),
    ]);
    const shown = isSuppressed(viewer) ? await this.shownCommunities(indicator.code, head.year) : null;
    return { ...head, leaders: leaderTraceRows(records, { files, register: byId(register) }, shown) };
  }

  /** The indicator, its value as the viewer sees it and its window; refuses another kind and an organizer's whole project. */
  private async head(
    code: string,
    kind: Kind,
    raw: { year?: string; community?: string },
    viewer: Viewer,
  ): Promise<{ indicator: IndicatorConfig; head: TraceHead }> {
    const indicator = this.config.indicators.find((i) => i.code === code.toUpperCase());
    if (!indicator) throw DomainError.notFound('indicator.unknown', { code, allowed: this.config.indicators.map((i) => i.code).join(', ') });
    if (indicator.computation.kind !== kind) {
      const allowed = this.config.indicators.filter((i) => i.computation.kind === kind).map((i) => i.code);
      throw DomainError.invalid('indicator.trace_kind', { code: indicator.code, kind: indicator.computation.kind, allowed: allowed.join(', ') || '—' });
    }
    const filter = this.indicators.parseFilter({ year: raw.year ?? 'to-date', community: raw.community ?? 'ALL' });
    const year = filter.year!;
    const community = filter.community ?? 'ALL';
    // The guard lets an organizer name only their communities; the whole project would list the others' persons.
    if (viewer.scope === 'assigned' && community === 'ALL') {
      throw DomainError.forbidden('indicator.trace_whole_project', { allowed: viewer.communities.join(', ') || '—' });
    }
    const [values, window] = await Promise.all([this.indicators.list({ year }, viewer.scope), this.analytics.indicatorWindow(indicator.code, community, year)]);
    const ofIndicator = values.filter((v) => v.code === indicator.code);
    const row = ofIndicator.find((v) => v.community === community);
    // Hidden exactly where the auditor's figure is: one decision (the mask) for the value and its trace.
    // The whole project's list also goes with a hidden community's figure: codes, files and rows
    // would tell which of its rows are that community's.
    const isHidden = (v: { suppressed?: string[] } | undefined) => v?.suppressed?.includes('value') ?? false;
    const hidden = isHidden(row) || (community === 'ALL' && ofIndicator.some(isHidden));
    return {
      indicator,
      head: {
        indicator: { code: indicator.code, namePl: indicator.namePl, nameEn: indicator.nameEn, computation: indicator.computation.kind },
        community,
        year,
        window,
        value: row?.value ?? null,
        hidden,
      },
    };
  }

  /** The communities whose value of the indicator in the year the auditor is shown. */
  private async shownCommunities(code: string, year: number): Promise<Set<string>> {
    const values = await this.indicators.list({ year }, 'suppressed');
    return new Set(values.filter((v) => v.code === code && v.community !== 'ALL' && !v.suppressed?.includes('value')).map((v) => v.community));
  }
}

function isSuppressed(viewer: Viewer): boolean {
  return viewer.scope === 'suppressed';
}

function traceViewer(viewer: Viewer): TraceViewer {
  return { role: viewer.role, communities: viewer.communities, suppressed: isSuppressed(viewer) };
}

function scopeCommunity(community: string): string | null {
  return community === 'ALL' ? null : community;
}

function byId(entries: readonly RegisterEntry[]): Map<number, RegisterEntry> {
  return new Map(entries.map((e) => [e.id, e]));
}
