/**
 * Runs the decline detector, week by week, over the demo data's analytics store and prints the alerts
 * per community and activity group (expected: OST from about October/November 2022; none in WZG, LAZ).
 *
 *   rm -rf /tmp/decl && OSL_DATA_DIR=/tmp/decl npm run osl -- demo
 *   cd /work/main && OSL_DATA_DIR=/tmp/decl node --import tsx pipelines/scripts/demo-decline-check.ts [--config JSON] [--weeks]
 *
 * Weekly series: attendances = named attendances + anonymous head counts; distinct participants =
 * distinct participant codes that week; activities held. Weeks are ISO weeks of the activity date,
 * consecutive from the project's first to its last week (zeros where nothing happened).
 * --weeks also prints each community's weekly series and checks; --named-only leaves the anonymous
 * head counts of open events out of attendances.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  completeWeeklySeries,
  describeDecline,
  isoWeekOfDate,
  resolveDeclineConfig,
  scanDeclineHistory,
  type DeclineConfigInput,
  type DeclineFinding,
  type WeeklyParticipation,
} from '../src/decline/index.ts';
import { lapsingSettingsOf, scanLapsing } from '../src/decline/lapsing.ts';

const GROUP_NAMES: Record<string, string> = { animation: 'animacja', education: 'edukacja', action: 'akcje społecznościowe' };

interface Row {
  community: string;
  group_code: string | null;
  week: string;
  activities: number;
  attendances: number;
  distinct_participants: number;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let overrides: DeclineConfigInput = {};
  let showWeeks = false;
  let namedOnly = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--config') overrides = JSON.parse(argv[++i]!) as DeclineConfigInput;
    else if (argv[i] === '--weeks') showWeeks = true;
    else if (argv[i] === '--named-only') namedOnly = true;
    else throw new Error(`Unknown argument ${argv[i]}; use --config JSON, --weeks, --named-only`);
  }
  const dataDir = process.env.OSL_DATA_DIR ?? '/tmp/decl';
  const analyticsDir = path.join(dataDir, 'analytics');
  const current = JSON.parse(fs.readFileSync(path.join(analyticsDir, 'CURRENT.json'), 'utf8')) as { file: string };
  const instance = await DuckDBInstance.create(path.join(analyticsDir, current.file), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const read = async <T>(sql: string): Promise<T[]> => {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))) as T[];
  };

  const communities = await read<{ community: string; name: string }>('SELECT community, name FROM dim_community ORDER BY community');
  const rows = await read<Row>(`
    WITH acts AS (
      SELECT community, group_code, strftime(date, '%G-W%V') AS week,
             count(*) AS activities, sum(coalesce(headcount_anonymous, 0)) AS anonymous
      FROM fact_activity GROUP BY GROUPING SETS ((community, week), (community, group_code, week))
    ), named AS (
      SELECT community, group_code, strftime(date, '%G-W%V') AS week,
             count(*) AS named, count(DISTINCT participant_code) AS distinct_participants
      FROM fact_attendance GROUP BY GROUPING SETS ((community, week), (community, group_code, week))
    )
    SELECT a.community, a.group_code, a.week, a.activities,
           ${namedOnly ? '' : 'a.anonymous + '}coalesce(n.named, 0) AS attendances, coalesce(n.distinct_participants, 0) AS distinct_participants
    FROM acts a LEFT JOIN named n
      ON n.community = a.community AND n.week = a.week AND n.group_code IS NOT DISTINCT FROM a.group_code
    ORDER BY a.community, a.group_code NULLS FIRST, a.week`);
  // The lapsing test's input: each community's activities in date order and who came to them.
  const activityRows = await read<{ community: string; activity_id: number; week: string; group_code: string }>(
    "SELECT community, activity_id, strftime(date, '%G-W%V') AS week, coalesce(group_code, '') AS group_code FROM fact_activity ORDER BY community, date, activity_id",
  );
  const visitRows = await read<{ activity_id: number; participant_code: string }>('SELECT activity_id, participant_code FROM fact_attendance');
  const span = await read<{ first: string; last: string }>(
    "SELECT strftime(min(date), '%Y-%m-%d') AS first, strftime(max(date), '%Y-%m-%d') AS last FROM fact_activity",
  );
  connection.closeSync();
  instance.closeSync();

  // The project period from the configuration (the demo's is 2021–2023).
  const projectFile = [path.join(dataDir, 'config', 'project.json'), path.resolve(import.meta.dirname, '../../data/config/project.json')].find((f) =>
    fs.existsSync(f),
  );
  const project = projectFile ? (JSON.parse(fs.readFileSync(projectFile, 'utf8')) as { periodStart?: string; periodEnd?: string }) : {};
  const fromWeek = isoWeekOfDate(project.periodStart ?? span[0]!.first);
  const toWeek = isoWeekOfDate(project.periodEnd ?? span[0]!.last);
  const config = resolveDeclineConfig(overrides);
  console.log(`Demo decline check: ${path.join(analyticsDir, current.file)}, weeks ${fromWeek} … ${toWeek}`);
  console.log(`Attendances: ${namedOnly ? 'named only (anonymous head counts left out)' : 'named + anonymous head counts'}`);
  console.log(`Configuration: ${JSON.stringify(config)}`);

  const lapsingSettings = lapsingSettingsOf(config);
  for (const { community, name } of communities) {
    const acts = activityRows.filter((r) => r.community === community);
    const index = new Map(acts.map((a, i) => [a.activity_id, i]));
    const byPerson = new Map<string, number[]>();
    for (const v of visitRows) {
      const i = index.get(v.activity_id);
      if (i !== undefined) byPerson.set(v.participant_code, [...(byPerson.get(v.participant_code) ?? []), i]);
    }
    const persons = [...byPerson].map(([person, list]) => ({ person, activities: list.sort((a, b) => a - b) }));
    const scan = scanLapsing(
      acts.map((a) => ({ week: a.week, group: a.group_code })),
      persons,
      lapsingSettings,
      { lastWeek: toWeek },
    );
    const raised = scan.checks.filter((c, i) => c.status === 'alert' && scan.checks[i - 1]?.status !== 'alert');
    console.log('');
    console.log(`${community} (${name}) lapsing regulars: ${raised.length} alert(s)`);
    for (const c of raised) {
      const end = scan.checks.findIndex((x) => x.week > c.week && x.status !== 'alert');
      console.log(
        `  raised ${c.week}, since ${c.since}, ${c.lapsing} of ${c.regulars} regulars lapsing against ${c.expected.toFixed(1)} expected (p = ${c.pValue.toPrecision(2)}), active to ${end < 0 ? 'the end' : scan.checks[end - 1]!.week}`,
      );
    }
    const lapsingNow = scan.regulars.filter((r) => r.lapsing);
    console.log(
      `  as of ${toWeek}: ${lapsingNow.length} regulars lapsing: ${lapsingNow
        .slice(0, 8)
        .map(
          (r) =>
            `${r.person} (rate ${(100 * r.usualRate).toFixed(0)}%, missed ${r.missed.toFixed(1)} since ${r.missedSince}, p ${r.absenceProbability.toPrecision(2)})`,
        )
        .join('; ')}`,
    );
  }

  let total = 0;
  for (const { community, name } of communities) {
    const groups = [null, ...new Set(rows.filter((r) => r.community === community && r.group_code !== null).map((r) => r.group_code!))];
    for (const group of groups) {
      const weekly: WeeklyParticipation[] = rows
        .filter((r) => r.community === community && r.group_code === group)
        .map((r) => ({ week: r.week, attendances: r.attendances, distinctParticipants: r.distinct_participants, activities: r.activities }));
      const series = completeWeeklySeries(weekly, fromWeek, toWeek);
      const states = scanDeclineHistory(series, config);
      const label = group ? `${community} / ${group}` : `${community} (all activities)`;
      // Alert episodes: from the week an alert is raised to the last week it is active.
      const episodes: { first: DeclineFinding; last: DeclineFinding; strongest: DeclineFinding }[] = [];
      const open = new Map<string, (typeof episodes)[number]>();
      for (const state of states) {
        for (const measure of config.measures) {
          const finding = state.alerts.find((a) => a.measure === measure);
          const episode = open.get(measure);
          if (!finding) {
            open.delete(measure);
            continue;
          }
          if (episode) {
            episode.last = finding;
            if (finding.pValue < episode.strongest.pValue) episode.strongest = finding;
          } else {
            const fresh = { first: finding, last: finding, strongest: finding };
            episodes.push(fresh);
            open.set(measure, fresh);
          }
        }
      }
      const judged = states.filter((s) => s.checks.some((c) => c.status === 'alert' || c.status === 'no_decline' || c.status === 'watch')).length;
      const lowLevel = states.filter((s) => s.checks.every((c) => c.status === 'low_level')).length;
      console.log('');
      console.log(
        `${label}: ${series.reduce((s, r) => s + r.activities, 0)} activities, ${series.reduce((s, r) => s + r.attendances, 0)} attendances; judged in ${judged} weeks, too few to judge in ${lowLevel}; ${episodes.length} alert(s)`,
      );
      for (const e of episodes) {
        total++;
        console.log(
          `  ${e.first.measure}: raised ${e.first.raisedIn}, since ${e.first.since}, active to ${e.last.lastWeek}; ` +
            `strongest ${e.strongest.lastWeek}: drop ${(100 * e.strongest.drop).toFixed(0)}%, p = ${e.strongest.pValue.toPrecision(2)} (${e.strongest.baselineKind})`,
        );
        const groupName = group ? (GROUP_NAMES[group] ?? group) : undefined;
        console.log(`    ${describeDecline(e.first, { communityName: name, groupName, lang: 'pl' })}`);
      }
      if (showWeeks && group === null) {
        for (let i = 0; i < series.length; i++) {
          const r = series[i]!;
          if (r.activities === 0) continue;
          const checks = states[i]!.checks.map(
            (c) =>
              `${c.measure === 'attendances' ? 'att' : 'dp'} ${c.status}${c.status === 'insufficient_history' ? '' : ` O=${c.observed} E=${c.expected.toFixed(1)} d=${c.drop.toFixed(2)} p=${c.pValue.toFixed(3)} w=${c.seasonalWeight.toFixed(2)}`}`,
          );
          console.log(`    ${r.week} act ${r.activities} att ${r.attendances} dp ${r.distinctParticipants} | ${checks.join(' | ')}`);
        }
      }
    }
  }
  console.log('');
  console.log(`${total} alert(s) in all.`);
}

await main();
