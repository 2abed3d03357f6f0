// Can the auditor undo small-count suppression (issue 11)? An installation whose history is full of
// counts of one and two persons; the auditor asks for everything the API gives them (metrics at
// every grain, dimension and measure, the participation series, activities, indicators with their
// status, value sources, alerts, CSV exports); an attacker (support/disclosure-attack.ts) turns the
// numbers into equations and inequalities and solves for the hidden ones. It must recover nothing,
// while the auditor still sees the large figures.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportService, PipelineService, startServer, type IndicatorFigures, type RunningServer } from '@osl/backend';
import { createUser, signIn, type ApiSession } from '../support/api-session.ts';
import { attack, type Constraint } from '../support/disclosure-attack.ts';
import { temporaryEnvironment, writeCsv } from '../support/installation.ts';
import { indicatorStatusLabels, indicatorUnitLabels } from '@osl/data';

const communities = ['WZG', 'OST', 'LAZ'] as const;
const scopes = ['ALL', ...communities];
const personMeasures = ['attendances', 'namedAttendances', 'anonymousAttendances', 'distinctParticipants', 'newParticipants', 'returningParticipants'] as const;
const allMeasures = ['activities', ...personMeasures, 'turnout'] as const;

let server: RunningServer;
let auditor: ApiSession;
let director: ApiSession;

/** A small deterministic pseudo-random stream (the history must be the same in every run). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Fourteen months (2022-01 … 2023-02) of three small communities: most months have one to four
 * activities of one to six persons (now and then someone from the next community, now and then
 * a few without a list), a festival now and then with many; a few leaders. "Today" is 2023-03-15.
 */
function writeSmallHistory(dir: string): string[] {
  const next = random(11);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const people = communities.flatMap((c) => Array.from({ length: 16 }, (_, i) => ({ code: `${c}-${i + 1}`, community: c })));
  const register = [
    ['kod', 'spolecznosc', 'lider', 'lider_od'],
    ...people.map((p, i) => [
      p.code,
      p.community,
      i % 5 === 0 ? 'tak' : '',
      i % 5 === 0 ? `${String(1 + (i % 27)).padStart(2, '0')}.0${1 + (i % 9)}.2022` : '',
    ]),
  ];
  const log: (string | number)[][] = [['id', 'data', 'spolecznosc', 'typ', 'tytul', 'liczba_osob_bez_listy']];
  const lists: string[][] = [['id_dzialania', 'kod']];
  let serial = 0;
  for (let month = 0; month < 14; month += 1) {
    const year = 2022 + Math.floor(month / 12);
    for (const [c, community] of communities.entries()) {
      const count = pick([0, 1, 1, 2, 2, 3, 4]);
      for (let n = 0; n < count; n += 1) {
        serial += 1;
        const id = `D${serial}`;
        const festival = next() < 0.1;
        const day = String(1 + Math.floor(next() * 27)).padStart(2, '0');
        log.push([
          id,
          `${day}.${String((month % 12) + 1).padStart(2, '0')}.${year}`,
          community,
          pick(['WARSZTAT', 'ANIM_KULT', 'IMPREZA', 'AKCJA']),
          `Działanie ${id}`,
          festival ? 6 : pick([0, 0, 0, 1, 2]),
        ]);
        const size = festival ? 9 : pick([1, 2, 2, 3, 4, 5, 6]);
        const present = new Set<string>();
        for (let k = 0; k < size; k += 1) {
          const from = next() < 0.15 ? communities[(c + 1) % 3]! : community;
          present.add(`${from}-${1 + Math.floor(next() * 16)}`);
        }
        for (const code of present) lists.push([id, code]);
      }
    }
  }
  return [writeCsv(dir, 'rejestr.csv', register), writeCsv(dir, 'dziennik.csv', log), writeCsv(dir, 'lista.csv', lists)];
}

beforeAll(async () => {
  const environment = temporaryEnvironment('2023-03-15T10:00:00Z', { OSL_DASHBOARD_DIR: '' });
  server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
  const files = writeSmallHistory(path.join(environment.dataDir, 'fixtures'));
  const reports = await server.app.get(ImportService).importPaths(files, { source: 'cli', importedBy: 'test' });
  if (reports.some((r) => r.status !== 'imported')) throw new Error(`fixture import failed: ${JSON.stringify(reports.map((r) => r.errors))}`);
  const run = await server.app.get(PipelineService).run('api', 'full');
  if (run.status !== 'succeeded') throw new Error(`fixture pipeline failed: ${run.error}`);
  await createUser(server.app, 'audytor@test.osl', 'auditor');
  await createUser(server.app, 'dyrektor@test.osl', 'director');
  auditor = await signIn(server.url, 'audytor@test.osl');
  director = await signIn(server.url, 'dyrektor@test.osl');
}, 180_000);

afterAll(async () => {
  await server?.close();
});

// ------------------------------------------------------------------------------------------ what an answer shows

/** Every figure any answer gave, by the attacker's name for it: a number, or null where it was hidden. */
class Figures {
  readonly cells = new Map<string, number | null>();
  readonly turnout = new Map<string, number>();
  readonly activities = new Map<string, number>();
  readonly activityList = new Map<string, { date: string; community: string; lists: Set<string> }>();
  readonly indicators = new Map<string, { achievement: number | null; status: string | null; target: number | null; expected: number | null }>();
  readonly refused: string[] = [];

  record(cell: string, value: unknown): void {
    const shown =
      typeof value === 'number' ? value : typeof value === 'string' && value !== '<3' && value !== '' && !Number.isNaN(Number(value)) ? Number(value) : null;
    const before = this.cells.get(cell);
    if (typeof before === 'number' && shown !== null && before !== shown) throw new Error(`two answers disagree on ${cell}: ${before} and ${shown}`);
    if (typeof before !== 'number') this.cells.set(cell, shown);
  }
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i += 1) {
      const ch = line[i]!;
      if (quoted && ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = !quoted;
      else if (ch === ';' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += ch;
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

const monthOf = (date: string) => date.slice(0, 7);

function recordActivities(
  figures: Figures,
  activities: {
    externalId: string;
    date: string;
    community: string;
    attendances: number | null;
    namedAttendances: number | null;
    anonymousAttendances: number | null;
    attendanceLists: { file: string; attendances: number | null }[];
  }[],
) {
  for (const a of activities) {
    figures.record(`a|${a.externalId}|attendances`, a.attendances);
    figures.record(`a|${a.externalId}|namedAttendances`, a.namedAttendances);
    figures.record(`a|${a.externalId}|anonymousAttendances`, a.anonymousAttendances);
    const entry = figures.activityList.get(a.externalId) ?? { date: a.date, community: a.community, lists: new Set<string>() };
    for (const list of a.attendanceLists) {
      figures.record(`a|${a.externalId}|list|${list.file}`, list.attendances);
      entry.lists.add(list.file);
    }
    figures.activityList.set(a.externalId, entry);
  }
}

/** Asks for everything the role may see and keeps every figure. */
async function collect(session: ApiSession): Promise<Figures> {
  const figures = new Figures();
  const measureSets = [...allMeasures.map((m) => [m]), [...allMeasures], ['activities', 'turnout']];
  const dimensionSets = [[], ['community'], ['group'], ['type'], ['community', 'group'], ['community', 'type']];
  for (const grain of ['week', 'month', 'quarter', 'year']) {
    for (const dimensions of dimensionSets) {
      for (const measures of measureSets) {
        const byCommunity = dimensions.includes('community');
        for (const community of byCommunity ? [scopes.join(',')] : scopes) {
          const query = `measures=${measures.join(',')}&grain=${grain}${dimensions.length ? `&dimensions=${dimensions.join(',')}` : ''}&communities=${community}`;
          const { status, body } = await session.get(`/api/metrics?${query}`);
          if (status !== 200) {
            expect(status, query).toBe(400);
            figures.refused.push(query);
            continue;
          }
          // Figures per kind of activity are no cells of the attacker's table (only activities are given that way).
          if (dimensions.includes('group') || dimensions.includes('type') || (grain !== 'month' && grain !== 'year')) continue;
          for (const row of body.rows as Record<string, unknown>[]) {
            const scope = byCommunity ? String(row.community) : community;
            for (const measure of measures) {
              if (measure === 'activities') figures.activities.set(`${row.period}|${scope}`, row.activities as number);
              else if (measure === 'turnout') {
                if (typeof row.turnout === 'number') figures.turnout.set(`${row.period}|${scope}`, row.turnout);
              } else figures.record(`m|${row.period}|${scope}|${measure}`, row[measure]);
            }
          }
        }
      }
    }
  }
  for (const scope of scopes) {
    const { body } = await session.get(`/api/communities/${scope}/participation`);
    for (const period of body.periods as Record<string, unknown>[]) {
      figures.activities.set(`${period.period}|${scope}`, period.activities as number);
      if (typeof period.turnout === 'number') figures.turnout.set(`${period.period}|${scope}`, period.turnout);
      for (const measure of personMeasures) figures.record(`m|${period.period}|${scope}|${measure}`, period[measure]);
    }
  }
  const all = await session.get('/api/activities');
  expect(all.body.truncated).toBe(false);
  recordActivities(figures, all.body.activities);
  const months = [...new Set((all.body.activities as { date: string }[]).map((a) => monthOf(a.date)))];
  for (const community of communities) {
    recordActivities(figures, (await session.get(`/api/activities?community=${community}`)).body.activities);
    for (const month of months)
      recordActivities(figures, (await session.get(`/api/activities?community=${community}&from=${month}-01&to=${month}-28`)).body.activities);
  }
  const indicatorAnswers = [(await session.get('/api/indicators')).body];
  for (const year of [2021, 2022, 2023])
    for (const scope of scopes) indicatorAnswers.push((await session.get(`/api/indicators?year=${year}&community=${scope}`)).body);
  for (const answer of indicatorAnswers) {
    for (const v of answer as (IndicatorFigures & { target: number | null; expected: number | null })[]) {
      if (v.unit !== 'persons') continue;
      const key = `i|${v.code}|${v.community}|${v.year}`;
      figures.record(key, v.value);
      const known = figures.indicators.get(key);
      figures.indicators.set(key, {
        achievement: v.achievement ?? known?.achievement ?? null,
        status: v.status ?? known?.status ?? null,
        target: v.target,
        expected: v.expected,
      });
    }
  }
  for (const code of ['P1', 'R1', 'P5']) {
    for (const year of [2022, 2023]) {
      for (const scope of scopes) {
        const sources = await session.get(`/api/indicators/${code}/sources?year=${year}&community=${scope}`);
        recordActivities(figures, sources.body.activities);
        const csv = parseCsv(await (await session.fetch(`/api/exports/indicators/${code}/sources?year=${year}&community=${scope}&format=csv`)).text());
        for (const row of csv.slice(1)) {
          const [, id, , , , attendances, named, anonymous, , , , , lists] = row;
          figures.record(`a|${id}|attendances`, attendances);
          figures.record(`a|${id}|namedAttendances`, named);
          figures.record(`a|${id}|anonymousAttendances`, anonymous);
          for (const list of (lists ?? '').split('; ').filter(Boolean)) {
            const match = /^(.*) \((.*)\)$/.exec(list)!;
            figures.record(`a|${id}|list|${match[1]}`, match[2]);
          }
        }
      }
    }
  }
  // The export words its scopes, units and statuses, and writes numbers as Polish Excel reads them (decimal comma, "87%").
  const config = (await session.get('/api/config')).body as { communities: { code: string; name: string }[] };
  const scopeOf = new Map<string, string>([['Cały projekt', 'ALL'], ...config.communities.map((c) => [c.name, c.code] as [string, string])]);
  const statusOf = new Map(Object.entries(indicatorStatusLabels).map(([code, words]) => [words.pl, code]));
  const decimal = (text: string | undefined) => (text === undefined || text === '' ? null : Number(text.replace('%', '').replace(',', '.')));
  const table = parseCsv(await (await session.fetch('/api/exports/indicators?format=csv')).text());
  for (const [code, , scopeName, year, unit, , target, value, expected, achievement, status] of table.slice(1)) {
    if (unit !== indicatorUnitLabels.persons.pl) continue;
    const community = scopeOf.get(scopeName!);
    expect(community, scopeName).toBeDefined();
    const key = `i|${code}|${community}|${year}`;
    figures.record(key, value);
    const known = figures.indicators.get(key)!;
    const shownAchievement = achievement !== '' && achievement !== '<3' ? decimal(achievement)! / 100 : null;
    figures.indicators.set(key, {
      achievement: known.achievement ?? shownAchievement,
      status: known.status ?? (status && status !== '<3' ? statusOf.get(status)! : null),
      target: decimal(target),
      expected: decimal(expected),
    });
  }
  const alerts = (await session.get('/api/alerts')).body as { observed: number | null }[];
  // The fixture's counts are too small for a decline alert (minBaselineLevel): none to attack.
  expect(alerts.filter((a) => a.observed !== null && a.observed > 0 && a.observed < 3)).toEqual([]);
  return figures;
}

// ------------------------------------------------------------------------------------------ what the figures mean

/** The attacker's equations and inequalities, from what the figures mean and the numbers shown. */
function constraintsOf(figures: Figures): Constraint[] {
  const out: Constraint[] = [];
  const eq = (terms: [string, number][], constant = 0) => out.push({ terms, op: '=', constant });
  const le = (terms: [string, number][], constant = 0) => out.push({ terms, op: '<=', constant });
  const m = (period: string, scope: string, measure: string) => `m|${period}|${scope}|${measure}`;
  const monthsList = [...new Set([...figures.cells.keys()].filter((k) => /^m\|\d{4}-\d{2}\|/.test(k)).map((k) => k.split('|')[1]!))].sort();
  const years = [...new Set(monthsList.map((p) => p.slice(0, 4)))];
  for (const period of [...monthsList, ...years]) {
    for (const scope of scopes) {
      eq([
        [m(period, scope, 'attendances'), 1],
        [m(period, scope, 'namedAttendances'), -1],
        [m(period, scope, 'anonymousAttendances'), -1],
      ]);
      eq([
        [m(period, scope, 'distinctParticipants'), 1],
        [m(period, scope, 'newParticipants'), -1],
        [m(period, scope, 'returningParticipants'), -1],
      ]);
      // Each person counted has at least one attendance on a list.
      le([
        [m(period, scope, 'distinctParticipants'), 1],
        [m(period, scope, 'namedAttendances'), -1],
      ]);
      const activities = figures.activities.get(`${period}|${scope}`);
      const turnout = figures.turnout.get(`${period}|${scope}`);
      if (activities !== undefined && turnout !== undefined && activities > 0) {
        // Turnout is attendances per activity, rounded to two places.
        le([[m(period, scope, 'attendances'), 1]], activities * (turnout + 0.005));
        le([[m(period, scope, 'attendances'), -1]], -activities * (turnout - 0.005));
      }
      if (activities === 0) le([[m(period, scope, 'attendances'), 1]], 0);
    }
    for (const measure of ['attendances', 'namedAttendances', 'anonymousAttendances'])
      eq([...communities.map((c) => [m(period, c, measure), 1] as [string, number]), [m(period, 'ALL', measure), -1]]);
    // A person is counted once in ALL, and in each community they came to.
    le([[m(period, 'ALL', 'distinctParticipants'), 1], ...communities.map((c) => [m(period, c, 'distinctParticipants'), -1] as [string, number])]);
    for (const c of communities)
      le([
        [m(period, c, 'distinctParticipants'), 1],
        [m(period, 'ALL', 'distinctParticipants'), -1],
      ]);
    le([[m(period, 'ALL', 'newParticipants'), 1], ...communities.map((c) => [m(period, c, 'newParticipants'), -1] as [string, number])]);
  }
  for (const year of years) {
    const inYear = monthsList.filter((p) => p.startsWith(`${year}-`));
    for (const scope of scopes) {
      // Attendances and first attendances add up over the months; persons do not.
      for (const measure of ['attendances', 'namedAttendances', 'anonymousAttendances', 'newParticipants'])
        eq([...inYear.map((p) => [m(p, scope, measure), 1] as [string, number]), [m(year, scope, measure), -1]]);
      le([[m(year, scope, 'distinctParticipants'), 1], ...inYear.map((p) => [m(p, scope, 'distinctParticipants'), -1] as [string, number])]);
      for (const p of inYear)
        le([
          [m(p, scope, 'distinctParticipants'), 1],
          [m(year, scope, 'distinctParticipants'), -1],
        ]);
    }
  }
  // Activities: named + unlisted; the lists make the named; a community's month is the sum of its activities.
  const byMonth = new Map<string, string[]>();
  for (const [id, activity] of figures.activityList) {
    const a = (field: string) => `a|${id}|${field}`;
    eq([
      [a('attendances'), 1],
      [a('namedAttendances'), -1],
      [a('anonymousAttendances'), -1],
    ]);
    if (activity.lists.size > 0) eq([...[...activity.lists].map((file) => [a(`list|${file}`), 1] as [string, number]), [a('namedAttendances'), -1]]);
    const key = `${monthOf(activity.date)}|${activity.community}`;
    byMonth.set(key, [...(byMonth.get(key) ?? []), id]);
    // Nobody is on one activity's list twice.
    le([
      [a('namedAttendances'), 1],
      [m(monthOf(activity.date), activity.community, 'distinctParticipants'), -1],
    ]);
  }
  for (const [key, ids] of byMonth) {
    const [month, community] = key.split('|') as [string, string];
    for (const field of ['attendances', 'namedAttendances', 'anonymousAttendances'])
      eq([...ids.map((id) => [`a|${id}|${field}`, 1] as [string, number]), [m(month, community, field), -1]]);
  }
  // Indicators: P1 persons reached since the project start (the data start with it), R1 persons with
  // three attendances in the year, P5 leaders by home community.
  const i = (code: string, scope: string, year: number) => `i|${code}|${scope}|${year}`;
  for (const year of [2021, 2022, 2023]) {
    for (const scope of scopes) {
      eq([
        [i('P1', scope, year), 1],
        ...(year > 2021 ? [[i('P1', scope, year - 1), -1] as [string, number]] : []),
        [m(String(year), scope, 'newParticipants'), -1],
      ]);
      le([
        [i('R1', scope, year), 1],
        [m(String(year), scope, 'distinctParticipants'), -1],
      ]);
      le([
        [i('R1', scope, year), 3],
        [m(String(year), scope, 'namedAttendances'), -1],
      ]);
      if (year > 2021)
        le([
          [i('P5', scope, year - 1), 1],
          [i('P5', scope, year), -1],
        ]);
    }
    for (const c of communities)
      for (const code of ['P1', 'R1'])
        le([
          [i(code, c, year), 1],
          [i(code, 'ALL', year), -1],
        ]);
    le([[i('P1', 'ALL', year), 1], ...communities.map((c) => [i('P1', c, year), -1] as [string, number])]);
    eq([...communities.map((c) => [i('P5', c, year), 1] as [string, number]), [i('P5', 'ALL', year), -1]]);
  }
  // An achievement is value / target truncated to four places; a status compares the value with 0.9
  // and 0.75 of the expected, or (a year that is over) with the target.
  for (const [key, { achievement, status, target, expected }] of figures.indicators) {
    if (achievement !== null && target) {
      le([[key, 1]], target * (achievement + 0.0001));
      le([[key, -1]], -target * achievement);
    }
    if (status && target !== null) {
      if (status === 'achieved') le([[key, -1]], -target);
      if (status === 'not_achieved') le([[key, 1]], Math.ceil(target) - 1);
    }
    if (status && expected && expected > 0) {
      if (status === 'on_track') le([[key, -1]], -0.9 * expected);
      if (status === 'at_risk') {
        le([[key, -1]], -0.75 * expected);
        le([[key, 1]], Math.ceil(0.9 * expected) - 1);
      }
      if (status === 'behind') le([[key, 1]], Math.ceil(0.75 * expected) - 1);
    }
  }
  return out;
}

/**
 * What the attacker knows of a hidden cell beforehand: every hidden figure is shown the same way
 * ("<3"), and nothing that is 0 is hidden, so it is at least 1. (Were the 1–2 counts told apart,
 * [1, 2] of a "<3" total with two "<3" parts would give 1 + 1 = 2 whatever else is hidden.)
 */
function boundsOf(hidden: readonly string[], truth: Figures): Map<string, [number, number]> {
  return new Map(
    hidden.map((cell) => {
      const value = truth.cells.get(cell);
      if (typeof value !== 'number') throw new Error(`the director does not see ${cell}`);
      return [cell, [value > 0 ? 1 : 0, Infinity]];
    }),
  );
}

// ------------------------------------------------------------------------------------------ the attack

describe('the auditor’s answers together', () => {
  let seen: Figures;
  let truth: Figures;
  let hidden: string[];
  let shown: Map<string, number>;
  let constraints: Constraint[];

  beforeAll(async () => {
    seen = await collect(auditor);
    truth = await collect(director);
    hidden = [...seen.cells].filter(([, v]) => v === null).map(([cell]) => cell);
    shown = new Map([...seen.cells].filter((e): e is [string, number] => typeof e[1] === 'number'));
    constraints = constraintsOf(seen);
  }, 240_000);

  it('hide every count of one or two persons, and show the large ones', () => {
    const smallShown = [...shown].filter(([, v]) => v === 1 || v === 2).map(([cell]) => cell);
    expect(smallShown).toEqual([]);
    const small = [...truth.cells].filter(([, v]) => v === 1 || v === 2);
    // The history is meant to be full of small counts, and the auditor's answers to hide them.
    expect(small.length).toBeGreaterThan(100);
    expect(hidden.length).toBeGreaterThanOrEqual(small.length);
    for (const cell of ['m|2022|ALL|attendances', 'm|2022|ALL|distinctParticipants', 'i|P1|ALL|2022', 'i|P1|ALL|2023']) {
      expect(shown.get(cell), cell).toBe(truth.cells.get(cell));
      expect(shown.get(cell)!).toBeGreaterThan(10);
    }
    // Everything the auditor does see is the director's figure.
    for (const [cell, value] of shown) expect(value, cell).toBe(truth.cells.get(cell));
    // Grains and breakdowns that would add totals are refused for persons, not for activities.
    expect(seen.refused).toContain('measures=attendances&grain=week&communities=ALL');
    expect(seen.refused).toContain('measures=turnout&grain=quarter&communities=OST');
    expect(seen.refused.some((q) => q.startsWith('measures=activities&'))).toBe(false);
  });

  it('let the attacker recover no hidden cell', () => {
    const { recovered } = attack(constraints, shown, boundsOf(hidden, truth));
    // What it recovers is right (the attack is sound), and there is nothing.
    for (const [cell, value] of recovered) expect(value, cell).toBe(truth.cells.get(cell));
    expect([...recovered.keys()].sort(), `${recovered.size} of ${hidden.length} hidden cells recovered`).toEqual([]);
  });

  it('the attacker does find a hidden cell that one more figure would give away', () => {
    // A hidden community month of attendances, with the rest of its month told: the attack must get it.
    const target = hidden.find((cell) => /^m\|\d{4}-\d{2}\|(WZG|OST|LAZ)\|attendances$/.test(cell))!;
    expect(target).toBeDefined();
    const [, month] = target.split('|');
    const told = new Map(shown);
    for (const scope of scopes) {
      const cell = `m|${month}|${scope}|attendances`;
      if (cell !== target) told.set(cell, truth.cells.get(cell) as number);
    }
    const { recovered } = attack(
      constraints,
      told,
      boundsOf(
        hidden.filter((cell) => !told.has(cell)),
        truth,
      ),
    );
    expect(recovered.get(target)).toBe(truth.cells.get(target));
  });
});
