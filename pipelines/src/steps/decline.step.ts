import { LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { OslConfig } from '@osl/data';
import { appendRows, queryRows, querySqlFile, runSqlFile } from '../analytics/duckdb-sql.ts';
import {
  describeDecline,
  detectDeclineResuming,
  isoWeekOfDate,
  resolveDeclineConfig,
  type DeclineConfigInput,
  type ScanCheckpoint,
  type WeeklyParticipation,
} from '../decline/index.ts';
import type { PipelineStep } from './pipeline-step.ts';

/** An active decline as found by one run, with its sentence in both languages. */
export interface DetectedDecline {
  community: string;
  /** '' for all of the community's activities, else an activity group. */
  groupCode: string;
  /** The totals test's weekly counts, or the person-level test's lapsing regulars (lapsing.step.ts). */
  measure: 'attendances' | 'distinctParticipants' | 'lapsingRegulars';
  since: string;
  raisedIn: string;
  lastWeek: string;
  observed: number;
  expected: number;
  drop: number;
  pValue: number;
  baselineKind: string;
  sentencePl: string;
  sentenceEn: string;
}

// English names are adjectives: the sentence says "at animation activities" itself (describeDecline).
export const declineGroupNames: Record<string, { pl: string; en: string }> = {
  animation: { pl: 'działania animacyjne', en: 'animation' },
  education: { pl: 'działania edukacyjne', en: 'education' },
  action: { pl: 'akcje społecznościowe', en: 'community action' },
};

interface SeriesRow {
  community: string;
  group_code: string;
  weeks: string[];
  attendances: number[];
  distinctParticipants: number[];
  activities: number[];
}

const weeklyRows = (row: SeriesRow): WeeklyParticipation[] =>
  row.weeks.map((week, i) => ({ week, attendances: row.attendances[i]!, distinctParticipants: row.distinctParticipants[i]!, activities: row.activities[i]! }));

/** A weekly series' key, as `onlySeries` names it: 'community|group'. */
export const seriesKey = (community: string, group: string) => `${community}|${group}`;

/**
 * Runs the decline detection on the weekly participation of every community, in total and per
 * activity group, up to the last complete week before `asOf`; or only on the series `onlySeries`
 * names ('community|group', group '' for the community in total). Each series resumes the scan its
 * previous run kept (decline_scan) at its first changed week, and keeps this scan for the next run;
 * the result is the same as scanning every series from its start. Also says how many weekly rows
 * were tested (what the resumption saves shows there).
 */
export async function detectDeclines(
  db: DuckDBConnection,
  config: OslConfig,
  asOf: string,
  onlySeries: ReadonlySet<string> | null = null,
): Promise<{ declines: DetectedDecline[]; weeksTested: number }> {
  const settings = resolveDeclineConfig(config.decline as DeclineConfigInput);
  const asked = onlySeries ? listValue([...onlySeries]) : null;
  await runSqlFile(db, 'decline-series', [asOf, asked], [VARCHAR, LIST(VARCHAR)]);
  const rows = await queryRows<SeriesRow>(db, 'SELECT * FROM decline_series_now ORDER BY community, group_code');
  const previous = new Map(
    (await querySqlFile<SeriesRow & { checkpoint: string }>(db, 'decline-scan-previous')).map((row) => [
      seriesKey(row.community, row.group_code),
      { series: weeklyRows(row), checkpoint: JSON.parse(row.checkpoint) as ScanCheckpoint },
    ]),
  );
  const found: DetectedDecline[] = [];
  const checkpoints: [string, string, string][] = [];
  let weeksTested = 0;
  for (const row of rows) {
    const { community, group_code: groupCode } = row;
    const weeks = weeklyRows(row);
    const scan = detectDeclineResuming(weeks, settings, previous.get(seriesKey(community, groupCode)) ?? null);
    weeksTested += weeks.length - scan.resumedAt;
    checkpoints.push([community, groupCode, JSON.stringify(scan.checkpoint)]);
    const communityName = config.communities.find((c) => c.code === community)?.name ?? community;
    for (const finding of scan.findings) {
      const group = groupCode ? declineGroupNames[groupCode] : undefined;
      found.push({
        community,
        groupCode,
        measure: finding.measure,
        since: finding.since,
        raisedIn: finding.raisedIn,
        lastWeek: finding.lastWeek,
        observed: finding.observed,
        expected: finding.expected,
        drop: finding.drop,
        pValue: finding.pValue,
        baselineKind: finding.baselineKind,
        sentencePl: describeDecline(finding, { communityName, groupName: group?.pl, lang: 'pl' }),
        sentenceEn: describeDecline(finding, { communityName, groupName: group?.en, lang: 'en' }),
      });
    }
  }
  const appender = await db.createAppender('decline_checkpoint_now');
  try {
    for (const [community, groupCode, checkpoint] of checkpoints) {
      appender.appendVarchar(community);
      appender.appendVarchar(groupCode);
      appender.appendVarchar(checkpoint);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  await runSqlFile(db, 'decline-scan-save', [asked], [LIST(VARCHAR)]);
  return { declines: found, weeksTested };
}

/** The last complete ISO week before `asOf`, which the series end with. */
export function lastCompleteWeek(asOf: string): string {
  const day = new Date(`${asOf}T00:00:00Z`);
  const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000 - 7 * 86_400_000);
  return isoWeekOfDate(monday.toISOString().slice(0, 10));
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

function fromStored(f: StoredFinding): DetectedDecline {
  return {
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
  };
}

/**
 * The declines in weekly participation active as of the last complete week. Within the same week,
 * an unchanged series gives the same findings (unless the facts' span of days changed: then every
 * series gains or loses weeks): an incremental run keeps them and scans only the series its rows
 * change, each resuming its previous scan at its first changed week (detectDeclines).
 */
export const declineStep: PipelineStep = {
  name: 'decline',
  label: () => ({ key: 'decline' }),
  reads: ['agg_participation', 'dim_activity_type', 'fact_activity', 'previous_fact_span', 'affected_series'],
  writes: ['decline_finding', 'decline_scan'],
  readsPrevious: ['decline_finding', 'decline_scan'],
  sql: ['fact-span-unchanged', 'decline-series', 'decline-scan-previous', 'decline-scan-save'],
  async run({ db, config, mode, asOf, previousMeta, state }) {
    let weeksTested: number;
    const [span] = mode === 'incremental' ? await querySqlFile<{ same: boolean }>(db, 'fact-span-unchanged') : [];
    if (mode === 'incremental' && previousMeta?.declineWeek === lastCompleteWeek(asOf) && span?.same) {
      const affected = new Set(
        (await queryRows<{ community: string; group_code: string }>(db, 'SELECT community, group_code FROM affected_series')).map((r) =>
          seriesKey(r.community, r.group_code),
        ),
      );
      const kept = (await queryRows<StoredFinding>(db, 'SELECT * FROM decline_finding'))
        .filter((f) => !affected.has(seriesKey(f.community, f.group_code)))
        .map(fromStored);
      const detected = await detectDeclines(db, config, asOf, affected);
      state.declines = [...kept, ...detected.declines];
      weeksTested = detected.weeksTested;
    } else {
      const detected = await detectDeclines(db, config, asOf);
      state.declines = detected.declines;
      weeksTested = detected.weeksTested;
    }
    await db.run('DELETE FROM decline_finding');
    await appendRows(db, 'decline_finding', state.declines, (a, d) => {
      for (const text of [d.community, d.groupCode, d.measure, d.since, d.raisedIn, d.lastWeek]) a.appendVarchar(text);
      for (const number of [d.observed, d.expected, d.drop, d.pValue]) a.appendDouble(number);
      for (const text of [d.baselineKind, d.sentencePl, d.sentenceEn]) a.appendVarchar(text);
    });
    return { rowsRead: weeksTested, rowsWritten: state.declines.length };
  },
};
