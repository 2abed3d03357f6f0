// The baseline of the pipeline benchmark: the pipeline's aggregates written by hand as plain
// DuckDB queries over a Parquet file of the attendance rows (each row carrying its activity's
// date, community, type and group, and the participant code). Mirrors pipelines/src/sql:
// participation.sql (week, month, quarter, year × community and ALL × all, group, type:
// activities, named attendances, distinct participants, new and returning), participation-month.sql
// (the month table with people reached to date) and the attendance-based indicators
// (distinct_participants and activity_count by group or type) for every project year.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { OslConfig } from '@osl/data';

export interface RawStep {
  name: string;
  statements: string[];
}

const grains = ['week', 'month', 'quarter', 'year'] as const;

const groupingSets = (period: string) => `GROUPING SETS (
    (${period}, a.community), (${period}),
    (${period}, a.community, a.group_code), (${period}, a.group_code),
    (${period}, a.community, a.type_code), (${period}, a.type_code)
  )`;

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function indicatorWindow(config: OslConfig, cumulative: boolean, year: number, asOf: string): { from: string; to: string } | null {
  const { periodStart, periodEnd } = config.project;
  if (asOf < `${year}-01-01`) return null;
  const from = cumulative ? periodStart : [`${year}-01-01`, periodStart].sort()[1]!;
  const to = [`${year}-12-31`, periodEnd, asOf].sort()[0]!;
  return from <= to ? { from, to } : null;
}

/** The statements of the baseline, step by step; the results stay in tables of `connection`. */
export function rawSteps(parquet: string, config: OslConfig, asOf: string): RawStep[] {
  const source = `read_parquet(${literal(parquet)})`;
  const steps: RawStep[] = [
    {
      name: 'first attendance per person',
      statements: [
        `CREATE TABLE first_in_community AS SELECT participant_code, community, min(date) AS first_date FROM ${source} GROUP BY ALL`,
        `CREATE TABLE first_anywhere AS SELECT participant_code, min(date) AS first_date FROM ${source} GROUP BY ALL`,
      ],
    },
  ];
  for (const grain of grains) {
    const period = `date_trunc('${grain}', a.date)`;
    steps.push({
      name: `participation by ${grain}`,
      statements: [
        `CREATE TABLE raw_participation_${grain} AS
         SELECT period_start, community, breakdown, breakdown_value, activities, named_attendances, distinct_participants,
                CASE WHEN community = 'ALL' THEN new_anywhere ELSE new_in_community END AS new_participants,
                distinct_participants - CASE WHEN community = 'ALL' THEN new_anywhere ELSE new_in_community END AS returning_participants
         FROM (
           SELECT ${period}::DATE AS period_start,
                  CASE WHEN grouping(a.community) = 1 THEN 'ALL' ELSE a.community END AS community,
                  CASE WHEN grouping(a.group_code) = 0 THEN 'group' WHEN grouping(a.type_code) = 0 THEN 'type' ELSE 'all' END AS breakdown,
                  coalesce(a.group_code, a.type_code, '') AS breakdown_value,
                  count(DISTINCT a.activity_id) AS activities,
                  count(*) AS named_attendances,
                  count(DISTINCT a.participant_code) AS distinct_participants,
                  count(DISTINCT a.participant_code) FILTER (WHERE date_trunc('${grain}', c.first_date) = ${period}) AS new_in_community,
                  count(DISTINCT a.participant_code) FILTER (WHERE date_trunc('${grain}', w.first_date) = ${period}) AS new_anywhere
           FROM ${source} a
           JOIN first_in_community c ON c.participant_code = a.participant_code AND c.community = a.community
           JOIN first_anywhere w ON w.participant_code = a.participant_code
           GROUP BY ${groupingSets(period)}
         )`,
      ],
    });
  }
  steps.push({
    name: 'month table, people reached to date',
    statements: [
      `CREATE TABLE raw_participation_month_table AS
       WITH reached AS (
         SELECT community, date_trunc('month', first_date)::DATE AS month, count(*) AS n FROM first_in_community GROUP BY ALL
         UNION ALL
         SELECT 'ALL', date_trunc('month', first_date)::DATE, count(*) FROM first_anywhere GROUP BY ALL
       )
       SELECT p.community, p.period_start AS month, p.activities, p.named_attendances, p.distinct_participants, p.new_participants, p.returning_participants,
              sum(coalesce(r.n, 0)) OVER (PARTITION BY p.community ORDER BY p.period_start) AS cumulative_participants
       FROM raw_participation_month p
       LEFT JOIN reached r ON r.community = p.community AND r.month = p.period_start
       WHERE p.breakdown = 'all'`,
    ],
  });
  const indicators: string[] = ['CREATE TABLE raw_indicator (code VARCHAR, year INTEGER, scope VARCHAR, value BIGINT)'];
  const firstYear = Number(config.project.periodStart.slice(0, 4));
  const lastYear = Number(config.project.periodEnd.slice(0, 4));
  for (const indicator of config.indicators) {
    const computation = indicator.computation;
    for (let year = firstYear; year <= lastYear; year += 1) {
      const window = indicatorWindow(config, indicator.cumulative, year, asOf);
      if (!window) continue;
      const inWindow = `date BETWEEN DATE ${literal(window.from)} AND DATE ${literal(window.to)}`;
      const into = `INSERT INTO raw_indicator SELECT ${literal(indicator.code)}, ${year}, scope, value FROM`;
      if (computation.kind === 'distinct_participants') {
        indicators.push(
          `${into} (
             SELECT community AS scope, count(*) AS value FROM (
               SELECT community, participant_code FROM ${source} WHERE ${inWindow} GROUP BY ALL HAVING count(*) >= ${computation.minAttendances}
             ) GROUP BY ALL
             UNION ALL
             SELECT 'ALL', count(*) FROM (
               SELECT participant_code FROM ${source} WHERE ${inWindow} GROUP BY ALL HAVING count(*) >= ${computation.minAttendances}
             )
           )`,
        );
      } else if (computation.kind === 'activity_count' && computation.residentInitiative === undefined) {
        const filters = [inWindow];
        if (computation.groups?.length) filters.push(`group_code IN (${computation.groups.map(literal).join(', ')})`);
        if (computation.types?.length) filters.push(`type_code IN (${computation.types.map(literal).join(', ')})`);
        indicators.push(
          `${into} (
             SELECT coalesce(community, 'ALL') AS scope, count(DISTINCT activity_id) AS value
             FROM ${source} WHERE ${filters.join(' AND ')} GROUP BY ROLLUP (community)
           )`,
        );
      }
    }
  }
  steps.push({ name: 'indicators per year', statements: indicators });
  return steps;
}

/** The indicator codes the baseline computes (those measured on attendance rows alone). */
export function rawIndicatorCodes(config: OslConfig): string[] {
  return config.indicators
    .filter(
      (i) => i.computation.kind === 'distinct_participants' || (i.computation.kind === 'activity_count' && i.computation.residentInitiative === undefined),
    )
    .map((i) => i.code);
}

type Checksums = Record<string, number>;

/** Runs each query (one row per key, a column per figure) and gathers "key figure" → value. */
async function sums(connection: DuckDBConnection, queries: readonly string[]): Promise<Checksums> {
  const out: Checksums = {};
  for (const sql of queries) {
    const reader = await connection.runAndReadAll(sql);
    for (const row of reader.getRowObjectsJS()) {
      const { key, ...values } = row as Record<string, unknown>;
      for (const [name, value] of Object.entries(values)) out[`${String(key)} ${name}`] = Number(value ?? 0);
    }
  }
  return out;
}

const participationSums = `sum(activities) AS activities, sum(named_attendances) AS named, sum(distinct_participants) AS distinct_people,
  sum(new_participants) AS new, sum(returning_participants) AS returning, count(*) FILTER (WHERE distinct_participants > 0) AS non_empty`;

/** Sums over the baseline's tables, comparable with `publishedChecksums`. */
export function rawChecksums(connection: DuckDBConnection, codes: string[]): Promise<Checksums> {
  return sums(connection, [
    ...grains.map(
      (grain) => `SELECT '${grain}/' || breakdown || '/' || (CASE WHEN community = 'ALL' THEN 'ALL' ELSE 'communities' END) AS key, ${participationSums}
         FROM raw_participation_${grain} GROUP BY ALL`,
    ),
    `SELECT 'month table/' || (community = 'ALL') AS key, max(cumulative_participants) AS max_cumulative, sum(new_participants) AS new FROM raw_participation_month_table GROUP BY ALL`,
    ...(codes.length > 0
      ? [
          `SELECT 'indicator ' || code || ' ' || year AS key, sum(value) FILTER (WHERE scope <> 'ALL') AS communities, sum(value) FILTER (WHERE scope = 'ALL') AS "ALL" FROM raw_indicator GROUP BY ALL`,
        ]
      : []),
  ]);
}

/** The same sums over a published analytics file's tables. */
export function publishedChecksums(connection: DuckDBConnection, codes: string[]): Promise<Checksums> {
  return sums(connection, [
    `SELECT grain || '/' || breakdown || '/' || (CASE WHEN community = 'ALL' THEN 'ALL' ELSE 'communities' END) AS key, ${participationSums}
       FROM agg_participation GROUP BY ALL`,
    `SELECT 'month table/' || (community = 'ALL') AS key, max(cumulative_participants) AS max_cumulative, sum(new_participants) AS new FROM agg_participation_month GROUP BY ALL`,
    ...(codes.length > 0
      ? [
          `SELECT 'indicator ' || code || ' ' || year AS key, sum(value) FILTER (WHERE community <> 'ALL') AS communities, sum(value) FILTER (WHERE community = 'ALL') AS "ALL"
         FROM indicator_value WHERE code IN (${codes.map(literal).join(', ')}) AND value IS NOT NULL GROUP BY ALL`,
        ]
      : []),
  ]);
}

/** Every row of an analytics file's indicator_value, as a count and a digest of the rows in order. */
export async function indicatorChecksum(connection: DuckDBConnection): Promise<string> {
  const reader = await connection.runAndReadAll(
    `SELECT count(*) AS n, md5(coalesce(string_agg(CAST(i AS VARCHAR), '|' ORDER BY CAST(i AS VARCHAR)), '')) AS digest FROM indicator_value i`,
  );
  const { n, digest } = reader.getRowObjectsJS()[0]!;
  return `${n} rows, md5 ${digest}`;
}
