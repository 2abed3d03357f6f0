// What an indicator value is made of, person by person, answer by answer, register row by register
// row, as each role may see it. Pure: the service reads the rows, these decide what is shown.
import { surveyCell } from '../auth/report-disclosure.ts';
import { maySeeNames, type Role } from '../auth/roles.ts';
import type { CellId } from '../auth/auditor-disclosure.ts';
import type { LeaderBehindRecord, PersonBehindRecord, SurveyAnswerBehindRecord } from '../repositories/analytics.repository.ts';
import type { RegisterEntry } from '../repositories/participant.repository.ts';

/** Who asks, as far as a trace cares: the role, their communities, and whether small counts are hidden from them. */
export interface TraceViewer {
  role: Role;
  communities: readonly string[];
  suppressed: boolean;
}

export interface PersonTraceRow {
  code: string;
  /** Attendances in the window and scope, and the first of them; null for the auditor (see personTraceRows). */
  attendances: number | null;
  firstDate: string | null;
  /** Present only where the viewer may see the person's names (domain.md: the director, the organizer of their home community). */
  firstName?: string | null;
  lastName?: string | null;
}

/**
 * The persons behind a count of distinct participants. The auditor gets the codes alone: each
 * person's attendances and first date would give figures the mask may hide (how many came three
 * times — R1 beside P1 of the same window — or first came in a month), which the codes do not.
 */
export function personTraceRows(records: readonly PersonBehindRecord[], register: ReadonlyMap<number, RegisterEntry>, viewer: TraceViewer): PersonTraceRow[] {
  return records.map((record) => {
    if (viewer.suppressed) return { code: record.code, attendances: null, firstDate: null };
    const entry = register.get(record.participantId);
    const names = entry !== undefined && maySeeNames(viewer.role, viewer.communities, entry.homeCommunity);
    return {
      code: record.code,
      attendances: record.attendances,
      firstDate: record.firstDate,
      ...(names ? { firstName: entry.firstName, lastName: entry.lastName } : {}),
    };
  });
}

export interface SurveyAnswerTraceRow {
  date: string;
  /** Null where the auditor is not shown the community's share (it would give it away within ALL). */
  community: string | null;
  /** Null where the auditor is not shown how many answers of this value the community has. */
  value: number | null;
  /** Whether the answer is ≥ the indicator's least value (counted in the numerator). */
  counted: boolean;
  file: string | null;
  row: number | null;
}

/** What the auditor is shown of the survey figures beside the trace (survey-share-disclosure.ts's decision). */
export interface SurveyAuditorView {
  survey: string;
  question: string;
  /** The communities whose share (R2) of this year the auditor is shown. */
  shownCommunities: ReadonlySet<string>;
  /** The survey cells hidden from the auditor this year. */
  surveyHidden: ReadonlySet<CellId>;
}

/**
 * The answers a survey share is taken over, with the file and row each came from; never who answered.
 * For the auditor (a view given) each answer keeps only what the figures shown to them already
 * tell: its community where that community's share is shown, its value where the count of that
 * value in that community is shown.
 */
export function surveyAnswerTraceRows(
  records: readonly SurveyAnswerBehindRecord[],
  minValue: number,
  provenance: { files: ReadonlyMap<number, string>; rows: ReadonlyMap<number, number> },
  auditor: SurveyAuditorView | null,
): SurveyAnswerTraceRow[] {
  return records.map((record) => {
    const communityShown = !auditor || auditor.shownCommunities.has(record.community);
    const valueShown = !auditor || (communityShown && !auditor.surveyHidden.has(surveyCell(auditor.survey, auditor.question, record.community, record.value)));
    return {
      date: record.date,
      community: communityShown ? record.community : null,
      value: valueShown ? record.value : null,
      counted: record.value >= minValue,
      file: provenance.files.get(record.importBatchId) ?? null,
      row: provenance.rows.get(record.responseId) ?? null,
    };
  });
}

export interface LeaderTraceRow {
  code: string;
  /** Null where the auditor is not shown that community's count of leaders (it would give it away within ALL). */
  homeCommunity: string | null;
  leaderSince: string;
  file: string | null;
  row: number | null;
}

/** The register entries behind a count of leaders, with the file and row that wrote each. */
export function leaderTraceRows(
  records: readonly LeaderBehindRecord[],
  provenance: { files: ReadonlyMap<number, string>; register: ReadonlyMap<number, RegisterEntry> },
  shownCommunities: ReadonlySet<string> | null,
): LeaderTraceRow[] {
  return records.map((record) => ({
    code: record.code,
    homeCommunity: !shownCommunities || shownCommunities.has(record.homeCommunity) ? record.homeCommunity : null,
    leaderSince: record.leaderSince,
    file: provenance.files.get(record.importBatchId) ?? null,
    row: provenance.register.get(record.participantId)?.sourceRow ?? null,
  }));
}
