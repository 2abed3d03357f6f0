import { LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { OslConfig } from '@osl/data';
import { querySqlFile } from '../analytics/duckdb-sql.ts';
import { describeDecline, detectDecline, isoWeekOfDate, resolveDeclineConfig, type DeclineConfigInput, type WeeklyParticipation } from '../decline/index.ts';

/** An active decline as found by one run, with its sentence in both languages. */
export interface DetectedDecline {
  community: string;
  /** '' for all of the community's activities, else an activity group. */
  groupCode: string;
  measure: 'attendances' | 'distinctParticipants';
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

const groupNames: Record<string, { pl: string; en: string }> = {
  animation: { pl: 'działania animacyjne', en: 'animation activities' },
  education: { pl: 'działania edukacyjne', en: 'education activities' },
  action: { pl: 'akcje społecznościowe', en: 'community actions' },
};

/**
 * Runs the decline detection on the weekly participation of every community, in total and per
 * activity group, up to the last complete week before `asOf`; or only on the series `onlySeries`
 * names ('community|group', group '' for the community in total).
 */
export async function detectDeclines(db: DuckDBConnection, config: OslConfig, asOf: string, onlySeries: ReadonlySet<string> | null = null): Promise<DetectedDecline[]> {
  const settings = resolveDeclineConfig(config.decline as DeclineConfigInput);
  const rows = await querySqlFile<{ community: string; group_code: string; weeks: string[]; attendances: number[]; distinctParticipants: number[]; activities: number[] }>(
    db,
    'decline-series',
    [asOf, onlySeries ? listValue([...onlySeries]) : null],
    [VARCHAR, LIST(VARCHAR)],
  );
  const series = new Map<string, WeeklyParticipation[]>();
  for (const row of rows) {
    series.set(
      `${row.community}|${row.group_code}`,
      row.weeks.map((week, i) => ({ week, attendances: row.attendances[i]!, distinctParticipants: row.distinctParticipants[i]!, activities: row.activities[i]! })),
    );
  }
  const found: DetectedDecline[] = [];
  for (const [key, weeks] of series) {
    const [community, groupCode] = key.split('|') as [string, string];
    const communityName = config.communities.find((c) => c.code === community)?.name ?? community;
    for (const finding of detectDecline(weeks, settings)) {
      const group = groupCode ? groupNames[groupCode] : undefined;
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
  return found;
}

/** The last complete ISO week before `asOf`, which the series end with. */
export function lastCompleteWeek(asOf: string): string {
  const day = new Date(`${asOf}T00:00:00Z`);
  const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000 - 7 * 86_400_000);
  return isoWeekOfDate(monday.toISOString().slice(0, 10));
}
