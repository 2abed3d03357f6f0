// R2 (the share of ANK-ROCZNA/JAKOSC_ZYCIA answers ≥ 4) and the survey results together (issue 14):
// the indicators route gives the auditor the share, the survey route gives n and the distribution,
// and the indicator export gives the share again. From them an attacker recomputes the number of
// answers ≥ 4 (share × n) and below 4 (n − that), and solves for the hidden counts with the share's
// numerator as one more equation. Nothing of 1–2 persons may come out, and R2 computed from 1–2
// answers is not shown at all.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportService, PipelineService, startServer, type RunningServer } from '@osl/backend';
import { createUser, signIn, type ApiSession } from '../support/api-session.ts';
import { attack, type Constraint } from '../support/disclosure-attack.ts';
import { temporaryEnvironment, writeCsv } from '../support/installation.ts';
import { indicatorStatusLabels } from '@osl/data';

const communities = ['WZG', 'OST', 'LAZ'] as const;
const scopes = ['ALL', ...communities] as const;
const values = [5, 4, 3, 2, 1] as const;

type Counts = Record<(typeof values)[number], number>;
/**
 * The answers to JAKOSC_ZYCIA per year and community (counts of 5, 4, 3, 2, 1). 2022: OST has 10
 * answers, 9 of them ≥ 4 (one below), the others only counts of 3 or more. 2023: WZG has 2 answers;
 * LAZ 13 with a single 5 (R2 itself is large there, but with it the 5 follows from the 4s).
 */
const answers: Record<number, Record<(typeof communities)[number], Counts>> = {
  2022: {
    OST: { 5: 5, 4: 4, 3: 1, 2: 0, 1: 0 },
    WZG: { 5: 4, 4: 3, 3: 3, 2: 0, 1: 0 },
    LAZ: { 5: 3, 4: 6, 3: 3, 2: 3, 1: 0 },
  },
  2023: {
    OST: { 5: 3, 4: 3, 3: 3, 2: 0, 1: 0 },
    WZG: { 5: 1, 4: 1, 3: 0, 2: 0, 1: 0 },
    LAZ: { 5: 1, 4: 6, 3: 3, 2: 3, 1: 0 },
  },
};
const years = [2022, 2023] as const;
const truth = (year: number, scope: string, value: number) =>
  scope === 'ALL' ? communities.reduce((s, c) => s + answers[year]![c][value as 5], 0) : answers[year]![scope as 'OST'][value as 5];
const truthN = (year: number, scope: string) => values.reduce((s, v) => s + truth(year, scope, v), 0);
const truthTop = (year: number, scope: string) => truth(year, scope, 5) + truth(year, scope, 4);
const isSmall = (v: number) => v === 1 || v === 2;

let server: RunningServer;
let auditor: ApiSession;

beforeAll(async () => {
  const environment = temporaryEnvironment('2023-12-15T10:00:00Z', { OSL_DASHBOARD_DIR: '' });
  server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
  const rows: (string | number)[][] = [['ankieta', 'data', 'spolecznosc', 'JAKOSC_ZYCIA', 'POLECAM']];
  for (const year of years)
    for (const community of communities)
      for (const value of values)
        for (let i = 0; i < answers[year]![community][value]; i += 1) rows.push(['ANK-ROCZNA', `12.11.${year}`, community, value, 'tak']);
  const file = writeCsv(path.join(environment.dataDir, 'fixtures'), 'ankieta-roczna.csv', rows);
  const reports = await server.app.get(ImportService).importPaths([file], { source: 'cli', importedBy: 'test' });
  if (reports.some((r) => r.status !== 'imported')) throw new Error(`fixture import failed: ${JSON.stringify(reports.map((r) => r.errors))}`);
  const run = await server.app.get(PipelineService).run('api', 'full');
  if (run.status !== 'succeeded') throw new Error(`fixture pipeline failed: ${run.error}`);
  await createUser(server.app, 'audytor@test.osl', 'auditor');
  auditor = await signIn(server.url, 'audytor@test.osl');
}, 180_000);

afterAll(async () => {
  await server?.close();
});

/** Achievement as the exports show it at least: whole percent, truncated. */
const wholePercent = (fraction: number | null) => (fraction === null ? null : Math.trunc(fraction * 100 + 1e-6));

interface ShownR2 {
  value: number | null;
  achievement: number | null;
  status: string | null;
}

/** R2 per year and scope (`2022|OST`), as every answer and export gives it (each must be given alike). */
async function shownR2(session: ApiSession): Promise<Map<string, ShownR2[]>> {
  const out = new Map<string, ShownR2[]>(years.flatMap((y) => scopes.map((s) => [`${y}|${s}`, []] as [string, ShownR2[]])));
  const answersOf = [(await session.get('/api/indicators')).body];
  for (const year of years) {
    answersOf.push((await session.get(`/api/indicators?year=${year}`)).body);
    for (const scope of scopes) answersOf.push((await session.get(`/api/indicators?year=${year}&community=${scope}`)).body);
  }
  for (const answer of answersOf)
    for (const v of answer as (ShownR2 & { code: string; community: string; year: number })[])
      if (v.code === 'R2' && out.has(`${v.year}|${v.community}`))
        out.get(`${v.year}|${v.community}`)!.push({ value: v.value, achievement: wholePercent(v.achievement), status: v.status });
  // The export words its scopes and statuses and writes percentages as Polish Excel reads them ("71,4%").
  const config = (await session.get('/api/config')).body as { communities: { code: string; name: string }[] };
  const scopeOf = new Map<string, string>([['Cały projekt', 'ALL'], ...config.communities.map((c) => [c.name, c.code] as [string, string])]);
  const statusOf = new Map(Object.entries(indicatorStatusLabels).map(([code, words]) => [words.pl, code]));
  const csv = (await (await session.fetch('/api/exports/indicators?format=csv')).text()).replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const line of csv) {
    const cells = line.split(';').map((c) => c.replace(/^"|"$/g, ''));
    const scope = scopeOf.get(cells[2] ?? '');
    if (cells[0] !== 'R2' || !out.has(`${cells[3]}|${scope}`)) continue;
    const percent = (text: string | undefined) => (text === undefined || text === '' || text === '<3' ? null : Number(text.replace('%', '').replace(',', '.')));
    const status = cells[10] === '<3' || cells[10] === '' ? null : statusOf.get(cells[10]!)!;
    const achievement = percent(cells[9]);
    out.get(`${cells[3]}|${scope}`)!.push({ value: percent(cells[7]), achievement: achievement === null ? null : Math.trunc(achievement), status });
  }
  return out;
}

type SurveyScope = { community: string; n: number | null; mean: number | null; share: number | null; distribution: { value: number; count: number | null }[] };

describe('R2 and the survey results shown to the auditor together', () => {
  let r2: Map<string, ShownR2[]>;
  const survey = new Map<number, SurveyScope[]>();

  beforeAll(async () => {
    r2 = await shownR2(auditor);
    for (const year of years) {
      const results = (await auditor.get(`/api/surveys/results?year=${year}`)).body;
      survey.set(
        year,
        results.surveys.find((s: { code: string }) => s.code === 'ANK-ROCZNA').questions.find((q: { code: string }) => q.code === 'JAKOSC_ZYCIA').scopes,
      );
    }
  }, 120_000);

  it('hide R2 (value, achievement and status) where its answers, those ≥ 4 or those below 4 number 1–2, alike in every answer and export', () => {
    for (const year of years)
      for (const scope of scopes) {
        const shown = r2.get(`${year}|${scope}`)!;
        expect(shown.length, `${year} ${scope}`).toBeGreaterThanOrEqual(3);
        const n = truthN(year, scope);
        const top = truthTop(year, scope);
        // Every answer and export gives the same: the value with its achievement and status, or none of them.
        for (const v of shown) expect(v, `${year} ${scope}`).toEqual(shown[0]);
        // Hidden exactly where a count of 1–2 stands behind it; else the director's value.
        if (isSmall(n) || isSmall(top) || isSmall(n - top)) expect(shown[0], `${year} ${scope}`).toEqual({ value: null, achievement: null, status: null });
        else expect(shown[0]!.value, `${year} ${scope}`).toBe(Math.round((1000 * top) / n) / 10);
      }
    // The fixture's point: OST 2022 (one answer below 4) and WZG 2023 (two answers) are hidden, the others not.
    expect(r2.get('2022|OST')![0]!.value).toBeNull();
    expect(r2.get('2023|WZG')![0]!.value).toBeNull();
    expect(r2.get('2022|ALL')![0]).toMatchObject({ value: 71.4, status: expect.any(String) });
    expect(r2.get('2023|LAZ')![0]!.value).toBe(53.8);
  });

  it.each(years)('let no count of 1–2 of %i be recomputed from n, the distribution, the mean, the share and R2', (year) => {
    const shown = new Map<string, number>();
    const hiddenBounds = new Map<string, [number, number]>();
    const put = (cell: string, value: number | null, real: number) => {
      if (value === null) hiddenBounds.set(cell, [real > 0 ? 1 : 0, Infinity]);
      else {
        expect(value, cell).toBe(real);
        shown.set(cell, value);
      }
    };
    const constraints: Constraint[] = [];
    for (const scope of scopes) {
      const row = survey.get(year)!.find((s) => s.community === scope)!;
      put(`n|${scope}`, row.n, truthN(year, scope));
      put(`top|${scope}`, null, truthTop(year, scope));
      put(`rest|${scope}`, null, truthN(year, scope) - truthTop(year, scope));
      for (const v of values) put(`v${v}|${scope}`, row.distribution.find((d) => d.value === v)!.count, truth(year, scope, v));
      constraints.push({ terms: [[`n|${scope}`, 1], ...values.map((v) => [`v${v}|${scope}`, -1] as [string, number])], op: '=', constant: 0 });
      constraints.push({
        terms: [
          [`top|${scope}`, 1],
          [`v5|${scope}`, -1],
          [`v4|${scope}`, -1],
        ],
        op: '=',
        constant: 0,
      });
      constraints.push({
        terms: [
          [`rest|${scope}`, 1],
          [`v3|${scope}`, -1],
          [`v2|${scope}`, -1],
          [`v1|${scope}`, -1],
        ],
        op: '=',
        constant: 0,
      });
      // Share and mean beside a shown n give the numerator and the sum.
      if (row.n !== null && row.share !== null) constraints.push({ terms: [[`top|${scope}`, 1]], op: '=', constant: Math.round((row.share * row.n) / 100) });
      if (row.n !== null && row.mean !== null)
        constraints.push({ terms: values.map((v) => [`v${v}|${scope}`, v] as [string, number]), op: '=', constant: Math.round(row.mean * row.n) });
      // R2 from the indicators route and the export, p = 100 · top / n rounded to one decimal:
      // (p − 0.05) · n ≤ 100 · top ≤ (p + 0.05) · n, whichever of top and n is known.
      const published = r2.get(`${year}|${scope}`)!.find((v) => v.value !== null)?.value;
      if (typeof published === 'number') {
        constraints.push({
          terms: [
            [`n|${scope}`, published - 0.05],
            [`top|${scope}`, -100],
          ],
          op: '<=',
          constant: 0,
        });
        constraints.push({
          terms: [
            [`top|${scope}`, 100],
            [`n|${scope}`, -(published + 0.05)],
          ],
          op: '<=',
          constant: 0,
        });
      }
    }
    for (const cell of ['n', 'top', 'rest', ...values.map((v) => `v${v}`)])
      constraints.push({ terms: [...communities.map((c) => [`${cell}|${c}`, 1] as [string, number]), [`${cell}|ALL`, -1]], op: '=', constant: 0 });
    const { recovered } = attack(constraints, shown, hiddenBounds);
    const real = (cell: string) => {
      const [what, scope] = cell.split('|') as [string, string];
      if (what === 'n') return truthN(year, scope);
      if (what === 'top') return truthTop(year, scope);
      if (what === 'rest') return truthN(year, scope) - truthTop(year, scope);
      return truth(year, scope, Number(what.slice(1)));
    };
    // What the attacker recovers is right (the attack is sound), and none of it is small.
    for (const [cell, value] of recovered) expect(value, cell).toBe(real(cell));
    expect([...recovered].filter(([, v]) => isSmall(v)).map(([cell]) => cell)).toEqual([]);
    // Nothing small is shown outright either.
    expect([...shown].filter(([, v]) => isSmall(v))).toEqual([]);
  });
});
