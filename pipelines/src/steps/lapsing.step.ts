import { LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { OslConfig } from '@osl/data';
import { appendNullable, appendRows, queryRows, runSqlFile } from '../analytics/duckdb-sql.ts';
import {
  describeLapsing,
  lapsingSettingsOf,
  resolveDeclineConfig,
  scanLapsing,
  type DeclineConfigInput,
  type LapsingActivity,
  type LapsingSettings,
} from '../decline/index.ts';
import { lastCompleteWeek, type DetectedDecline } from './decline.step.ts';
import type { PipelineStep } from './pipeline-step.ts';

/** A community's input to the person-level test, as lapsing-input.sql lists it. */
export interface LapsingInput {
  community: string;
  /** Its activities in date order: ISO week, activity group and civil date. */
  weeks: readonly string[];
  groups: readonly string[];
  dates: readonly string[];
  persons: readonly { participantId: number; participantCode: string; positions: readonly number[] }[];
}

/** One row of lapsing_regular: a regular's standing as of the last complete week (codes only). */
export interface LapsingRegularRow {
  community: string;
  participantId: number;
  participantCode: string;
  usualRate: number;
  attended: number;
  opportunities: number;
  lastDate: string;
  lastWeek: string;
  missedSince: string | null;
  missed: number;
  absenceProbability: number;
  lapsing: boolean;
  /** Counted among the community's lapsing now: last visit within poolWeeks weeks with activities. */
  counted: boolean;
  groups: string[];
  /** 1 for the most unusual absence of the community. */
  rank: number;
}

export interface CommunityLapsing {
  regulars: LapsingRegularRow[];
  /** The community's lapsing alert as of `lastWeek`, worded; null when the test raises none. */
  finding: DetectedDecline | null;
}

/** The median of a non-empty list. */
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Runs the person-level test on one community up to `lastWeek` and maps it to its stored rows: the
 * regulars, most unusual absence first, and the alert (as a decline finding, measure
 * 'lapsingRegulars': observed the lapsing regulars, expected their expected count, drop the share
 * of the regulars lapsing).
 */
export function assessCommunityLapsing(input: LapsingInput, settings: LapsingSettings, lastWeek: string, communityName: string): CommunityLapsing {
  const activities: LapsingActivity[] = input.weeks.map((week, i) => ({ week, group: input.groups[i]! }));
  if (activities.length === 0 || activities[0]!.week > lastWeek) return { regulars: [], finding: null };
  const scan = scanLapsing(
    activities,
    input.persons.map((p) => ({ person: p, activities: p.positions })),
    settings,
    { lastWeek, from: lastWeek },
  );
  // The ordinal of each week with activities, to tell who the community test counts now.
  const activeOrdinal = new Map<string, number>();
  for (const week of input.weeks) if (!activeOrdinal.has(week)) activeOrdinal.set(week, activeOrdinal.size);
  const lastOrdinal = activeOrdinal.size - 1;
  const regulars = scan.regulars.map((r, i): LapsingRegularRow => ({
    community: input.community,
    participantId: r.person.participantId,
    participantCode: r.person.participantCode,
    usualRate: r.usualRate,
    attended: r.attended,
    opportunities: r.opportunities,
    lastDate: input.dates[r.lastActivity]!,
    lastWeek: r.lastWeek,
    missedSince: r.missedSince,
    missed: r.missed,
    absenceProbability: r.absenceProbability,
    lapsing: r.lapsing,
    counted: r.lapsing && lastOrdinal - activeOrdinal.get(r.lastWeek)! < settings.poolWeeks,
    groups: r.groups,
    rank: i + 1,
  }));
  const check = scan.checks[scan.checks.length - 1];
  if (!check || check.status !== 'alert' || !check.since || !check.raisedIn) return { regulars, finding: null };
  const counted = regulars.filter((r) => r.counted);
  const figures = {
    lapsing: check.lapsing,
    regulars: check.regulars,
    expected: check.expected,
    since: check.since,
    medianRate: counted.length ? median(counted.map((r) => r.usualRate)) : 0,
  };
  return {
    regulars,
    finding: {
      community: input.community,
      groupCode: '',
      measure: 'lapsingRegulars',
      since: check.since,
      raisedIn: check.raisedIn,
      lastWeek,
      observed: check.lapsing,
      expected: check.expected,
      drop: check.regulars > 0 ? check.lapsing / check.regulars : 0,
      pValue: check.pValue,
      baselineKind: 'regular_rates',
      sentencePl: describeLapsing(figures, { communityName, lang: 'pl' }),
      sentenceEn: describeLapsing(figures, { communityName, lang: 'en' }),
    },
  };
}

interface ActivityListRow {
  community: string;
  weeks: string[];
  groups: string[];
  dates: string[];
}

interface PersonListRow {
  community: string;
  participant_id: number;
  participant_code: string;
  positions: number[];
}

/**
 * The person-level test on every community (or only `onlyCommunities`) up to the last complete week
 * before `asOf`: writes their regulars and findings to lapsing_regular_now and lapsing_finding_now
 * (lapsing-save keeps them) and returns the findings and how many persons were assessed.
 */
async function assessLapsing(
  db: DuckDBConnection,
  config: OslConfig,
  asOf: string,
  onlyCommunities: readonly string[] | null,
): Promise<{ findings: DetectedDecline[]; persons: number }> {
  const settings = lapsingSettingsOf(resolveDeclineConfig(config.decline as DeclineConfigInput));
  const lastWeek = lastCompleteWeek(asOf);
  const asked = onlyCommunities ? listValue([...onlyCommunities]) : null;
  await runSqlFile(db, 'lapsing-input', [asOf, asked], [VARCHAR, LIST(VARCHAR)]);
  const activityLists = await queryRows<ActivityListRow>(db, 'SELECT * FROM lapsing_activity_lists ORDER BY community');
  const personsOf = new Map<string, LapsingInput['persons'][number][]>();
  for (const p of await queryRows<PersonListRow>(db, 'SELECT * FROM lapsing_person_lists ORDER BY community, participant_id')) {
    let list = personsOf.get(p.community);
    if (!list) personsOf.set(p.community, (list = []));
    list.push({ participantId: p.participant_id, participantCode: p.participant_code, positions: p.positions });
  }
  const findings: DetectedDecline[] = [];
  const regulars: LapsingRegularRow[] = [];
  let persons = 0;
  for (const row of activityLists) {
    const input: LapsingInput = { ...row, persons: personsOf.get(row.community) ?? [] };
    persons += input.persons.length;
    const communityName = config.communities.find((c) => c.code === row.community)?.name ?? row.community;
    const assessed = assessCommunityLapsing(input, settings, lastWeek, communityName);
    regulars.push(...assessed.regulars);
    if (assessed.finding) findings.push(assessed.finding);
  }
  await appendRows(db, 'lapsing_regular_now', regulars, (a, r) => {
    a.appendVarchar(r.community);
    a.appendInteger(r.participantId);
    a.appendVarchar(r.participantCode);
    for (const n of [r.usualRate, r.attended, r.opportunities]) a.appendDouble(n);
    a.appendVarchar(r.lastDate);
    a.appendVarchar(r.lastWeek);
    appendNullable(a, r.missedSince, (v) => a.appendVarchar(v));
    a.appendDouble(r.missed);
    a.appendDouble(r.absenceProbability);
    a.appendBoolean(r.lapsing);
    a.appendBoolean(r.counted);
    a.appendList(listValue(r.groups), LIST(VARCHAR));
    a.appendInteger(r.rank);
  });
  await appendRows(db, 'lapsing_finding_now', findings, appendFinding);
  await runSqlFile(db, 'lapsing-save', [asked], [LIST(VARCHAR)]);
  return { findings, persons };
}

function appendFinding(a: Parameters<Parameters<typeof appendRows>[3]>[0], d: DetectedDecline) {
  for (const text of [d.community, d.groupCode, d.measure, d.since, d.raisedIn, d.lastWeek]) a.appendVarchar(text);
  for (const number of [d.observed, d.expected, d.drop, d.pValue]) a.appendDouble(number);
  for (const text of [d.baselineKind, d.sentencePl, d.sentenceEn]) a.appendVarchar(text);
}

interface StoredFinding {
  community: string;
  group_code: string;
  measure: DetectedDecline['measure'];
  since: string;
  raised_in: string;
  last_week: string;
  observed: number;
  expected: number;
  drop: number;
  p_value: number;
  baseline_kind: string;
  sentence_pl: string;
  sentence_en: string;
}

const fromStored = (f: StoredFinding): DetectedDecline => ({
  community: f.community,
  groupCode: f.group_code,
  measure: f.measure,
  since: f.since,
  raisedIn: f.raised_in,
  lastWeek: f.last_week,
  observed: f.observed,
  expected: f.expected,
  drop: f.drop,
  pValue: f.p_value,
  baselineKind: f.baseline_kind,
  sentencePl: f.sentence_pl,
  sentenceEn: f.sentence_en,
});

const byCommunity = (findings: DetectedDecline[]) => findings.sort((a, b) => (a.community < b.community ? -1 : a.community > b.community ? 1 : 0));

/**
 * Lapsing regulars (the person-level half of the decline detection, decline/lapsing.ts): each
 * community's regulars as of the last complete week and its lapsing alert, added to the run's
 * declines beside the totals test's own findings, so either kind of fall raises an alert. Within the
 * same week an incremental run rescans only the communities whose rows changed and keeps the others'
 * rows; a new week rescans every community (each person's absence grows with it).
 */
export const lapsingStep: PipelineStep = {
  name: 'lapsing',
  label: () => ({ key: 'lapsing' }),
  reads: ['fact_activity', 'fact_attendance', 'affected_series'],
  writes: ['lapsing_regular', 'lapsing_finding'],
  readsPrevious: ['lapsing_regular', 'lapsing_finding'],
  sql: ['lapsing-input', 'lapsing-save'],
  async run({ db, config, mode, asOf, previousMeta, state }) {
    let findings: DetectedDecline[];
    let persons: number;
    if (mode === 'incremental' && previousMeta?.declineWeek === lastCompleteWeek(asOf)) {
      const affected = (await queryRows<{ community: string }>(db, "SELECT DISTINCT community FROM affected_series WHERE group_code = ''")).map(
        (r) => r.community,
      );
      const kept = (await queryRows<StoredFinding>(db, 'SELECT * FROM lapsing_finding')).filter((f) => !affected.includes(f.community)).map(fromStored);
      const assessed = await assessLapsing(db, config, asOf, affected);
      findings = byCommunity([...kept, ...assessed.findings]);
      persons = assessed.persons;
    } else {
      const assessed = await assessLapsing(db, config, asOf, null);
      findings = byCommunity(assessed.findings);
      persons = assessed.persons;
    }
    state.declines = [...state.declines, ...findings];
    return { rowsRead: persons, rowsWritten: findings.length };
  },
};
