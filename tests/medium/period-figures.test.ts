// Reporting-period figures (docs/spec/indicators.md, "Reporting periods") built by the pipeline on
// a small history written by hand, against every indicator's value within each period and
// cumulative to its end worked out by hand; and an incremental run after more rows equal to a
// full rebuild. The history goes straight into the staging tables (an extract of our own): the
// operational database has no say in these numbers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { createConfigSnapshot, defaultConfigDir, loadConfig, type ReportingPeriodConfig } from '@osl/data';
import {
  AnalyticsStore,
  computePeriodIndicatorValues,
  endOfMonth,
  monthWindows,
  readPeriodDrillDown,
  readPeriodIndicatorValues,
  runAggregation,
  type OperationalExtract,
  type PeriodIndicatorValueRow,
  type StagedExtract,
} from '@osl/pipelines';

type Participant = [id: number, code: string, home: string, leaderSince: string | null];
type Activity = [id: number, externalId: string, date: string, community: string, type: string, anonymous: number, residentInitiative: boolean];
type Answer = [id: number, date: string, community: string, value: number];

interface History {
  participants: [batch: number, Participant][];
  activities: [batch: number, Activity][];
  attendances: [batch: number, activityId: number, participantId: number][];
  answers: [batch: number, Answer][];
}

/** An operational database of arrays: rows of batches after `sinceBatch` go into the staging tables. */
class HandWrittenExtract implements OperationalExtract {
  constructor(private readonly history: History) {}

  async stage(connection: DuckDBConnection, _workDir: string, sinceBatch: number): Promise<StagedExtract> {
    const { participants, activities, attendances, answers } = this.history;
    const after = <T extends [number, ...unknown[]]>(rows: T[]) => rows.filter(([batch]) => batch > sinceBatch);
    const stagedActivities = new Set(after(activities).map(([, a]) => a[0]));
    // An activity comes with its whole list, as the database's extract gives it.
    const stagedAttendances = attendances.filter(([batch, activityId]) => batch > sinceBatch || stagedActivities.has(activityId));
    for (const [batch, [id, code, home, leaderSince]] of after(participants)) {
      await connection.run('INSERT INTO stage_participant VALUES ($1, $2, $3, NULL, NULL, $4, $5, $6)', [
        id,
        code,
        home,
        leaderSince !== null,
        leaderSince,
        batch,
      ]);
    }
    for (const [batch, [id, externalId, date, community, type, anonymous, resident]] of after(activities)) {
      await connection.run('INSERT INTO stage_activity VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $1)', [
        id,
        externalId,
        date,
        community,
        type,
        anonymous,
        resident,
        batch,
      ]);
    }
    for (const [batch, activityId, participantId] of stagedAttendances) {
      await connection.run('INSERT INTO stage_attendance VALUES ($1, $2, $3)', [activityId, participantId, batch]);
    }
    for (const [batch, [id, date, community, value]] of after(answers)) {
      await connection.run("INSERT INTO stage_survey_answer VALUES ($1, $1, 'ANK-ROCZNA', 'JAKOSC_ZYCIA', $2, $3, $4, $5)", [
        id,
        date,
        community,
        value,
        batch,
      ]);
    }
    return {
      staged: {
        participants: after(participants).length,
        activities: stagedActivities.size,
        attendances: stagedAttendances.length,
        surveyAnswers: after(answers).length,
      },
      totals: { participants: participants.length, activities: activities.length, attendances: attendances.length, surveyAnswers: answers.length },
      watermark: Math.max(...[...participants, ...activities, ...attendances, ...answers].map(([batch]) => batch)),
    };
  }
}

const history: History = {
  participants: [
    [1, [1, 'WZG-0001', 'WZG', '2021-03-10']],
    [1, [2, 'WZG-0002', 'WZG', '2021-09-01']],
    [1, [3, 'OST-0001', 'OST', '2022-02-15']],
    // A leader since before the project: never counted.
    [1, [4, 'OST-0002', 'OST', '2020-06-01']],
    // A leader since after the second period's end.
    [1, [5, 'WZG-0003', 'WZG', '2022-08-01']],
  ],
  activities: [
    [1, [1, 'A01', '2021-03-15', 'WZG', 'WARSZTAT', 0, false]],
    [1, [2, 'A02', '2021-08-10', 'WZG', 'IMPREZA', 10, true]],
    [1, [3, 'A03', '2021-09-20', 'OST', 'AKCJA', 0, false]],
    [1, [4, 'A04', '2021-11-05', 'WZG', 'WARSZTAT', 0, false]],
    [1, [5, 'A05', '2021-12-15', 'OST', 'ANIM_KULT', 5, false]],
    [1, [6, 'A06', '2022-01-20', 'WZG', 'SPOTKANIE', 0, false]],
    [1, [7, 'A07', '2022-03-10', 'OST', 'IMPREZA', 0, true]],
    [1, [8, 'A08', '2022-05-05', 'WZG', 'AKCJA', 0, false]],
    [1, [9, 'A09', '2022-06-30', 'OST', 'WARSZTAT', 0, false]],
    [1, [10, 'A10', '2022-08-20', 'WZG', 'ANIM_SPORT', 0, false]],
  ],
  attendances: [
    [1, 1, 1],
    [1, 1, 2],
    [1, 2, 1],
    [1, 2, 2],
    [1, 2, 3],
    [1, 3, 3],
    [1, 3, 4],
    [1, 4, 1],
    [1, 4, 2],
    [1, 5, 3],
    [1, 5, 1],
    [1, 6, 1],
    [1, 6, 4],
    [1, 7, 3],
    [1, 7, 4],
    [1, 8, 1],
    [1, 8, 3],
    [1, 9, 4],
    [1, 9, 3],
    [1, 10, 1],
    [1, 10, 2],
  ],
  answers: [
    [1, [1, '2021-05-10', 'WZG', 5]],
    [1, [2, '2021-10-10', 'WZG', 4]],
    [1, [3, '2021-10-10', 'WZG', 2]],
    [1, [4, '2021-10-12', 'OST', 3]],
    [1, [5, '2022-04-01', 'WZG', 5]],
    [1, [6, '2022-04-01', 'OST', 4]],
    [1, [7, '2022-04-02', 'OST', 1]],
    // Off the 1–5 scale: not an answer to count.
    [1, [9, '2022-05-01', 'OST', 0]],
    [1, [8, '2022-08-01', 'WZG', 4]],
  ],
};

const secondHalf2021: ReportingPeriodConfig = { id: 1, name: 'WNP 1', from: '2021-07-01', to: '2021-12-31' };
const firstHalf2022: ReportingPeriodConfig = { id: 2, name: 'WNP 2', from: '2022-01-01', to: '2022-06-30' };
// Running on 15 September 2022: its figures change with the date.
const secondHalf2022: ReportingPeriodConfig = { id: 3, name: 'WNP 3', from: '2022-07-01', to: '2022-12-31' };
const config = createConfigSnapshot({ ...loadConfig(defaultConfigDir), periods: [secondHalf2021, firstHalf2022, secondHalf2022] });
// As of 15 September 2022 (Europe/Warsaw): the first two periods are over.
const now = new Date('2022-09-15T10:00:00Z');
const asOf = '2022-09-15';
const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function run(dataDir: string, runId: number, mode: 'full' | 'incremental', rows: History, at = now) {
  return runAggregation({ extract: new HandWrittenExtract(rows), config, dataDir, runId, now: at, mode });
}

async function openPublished<T>(dataDir: string, read: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const store = new AnalyticsStore(dataDir);
  const instance = await DuckDBInstance.create(path.join(store.dir, store.current()!.file), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return await read(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function newDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-periods-'));
  dirs.push(dir);
  return dir;
}

type Scoped = { ALL: number | null; WZG: number | null; OST: number | null; LAZ: number | null };
const scoped = (ALL: number | null, WZG: number | null, OST: number | null, LAZ: number | null = 0): Scoped => ({ ALL, WZG, OST, LAZ });

function valuesOf(rows: PeriodIndicatorValueRow[], periodId: number, code: string, measure: 'valueWithin' | 'valueCumulative'): Scoped {
  const of = (scope: string) => rows.find((r) => r.periodId === periodId && r.code === code && r.community === scope)![measure];
  return { ALL: of('ALL'), WZG: of('WZG'), OST: of('OST'), LAZ: of('LAZ') };
}

// Persons 1–5 are WZG-0001, WZG-0002, OST-0001, OST-0002, WZG-0003. Activities A02–A05 fall in
// the second half of 2021 (A01 before it), A06–A09 in the first half of 2022, A10 after both.
const expected: Record<number, Record<string, { within: Scoped; cumulative: Scoped }>> = {
  1: {
    // Within: A02 WZG {1,2,3}, A04 WZG {1,2}, A03 OST {3,4}, A05 OST {3,1} → WZG 3, OST 3, ALL {1,2,3,4} 4.
    // Cumulative to 2021-12-31 adds A01 WZG {1,2}: the same persons.
    P1: { within: scoped(4, 3, 3), cumulative: scoped(4, 3, 3) },
    // Animation: A02 WZG, A05 OST; annual, 2021 to its end: the same.
    P2: { within: scoped(2, 1, 1), cumulative: scoped(2, 1, 1) },
    // Education: A04 within; A01 + A04 cumulative (both WZG).
    P3: { within: scoped(1, 1, 0), cumulative: scoped(2, 2, 0) },
    // AKCJA: A03 OST.
    P4: { within: scoped(1, 0, 1), cumulative: scoped(1, 0, 1) },
    // Leaders: WZG-0002 (2021-09-01) within; + WZG-0001 (2021-03-10) from the project start; OST-0002 (2020) never.
    P5: { within: scoped(1, 1, 0), cumulative: scoped(2, 2, 0) },
    // ≥ 3 attendances. Within: person 1 WZG 2 + OST 1 = 3, person 3 WZG 1 + OST 2 = 3, person 2 WZG 2:
    // no community reaches 3, ALL {1,3} = 2. 2021 to its end adds A01: person 1 WZG 3, person 2 WZG 3
    // → WZG 2, ALL {1,2,3} = 3.
    R1: { within: scoped(2, 0, 0), cumulative: scoped(3, 2, 0) },
    // ≥ 4 of 1–5. Within: WZG 4, 2 → 1/2 = 50.0; OST 3 → 0/1 = 0; ALL 1/3 = 33.3; LAZ no answers.
    // 2021 to its end adds WZG 5 (May): WZG 2/3 = 66.7, ALL 2/4 = 50.0.
    R2: { within: scoped(33.3, 50, 0, null), cumulative: scoped(50, 66.7, 0, null) },
    // Resident initiatives: A02 WZG.
    R3: { within: scoped(1, 1, 0), cumulative: scoped(1, 1, 0) },
  },
  2: {
    // Within: A06 WZG {1,4}, A08 WZG {1,3}, A07 OST {3,4}, A09 OST {4,3} → WZG 3, OST 2, ALL {1,3,4} 3.
    // Cumulative from 2021-01-01 to 2022-06-30: WZG {1,2,3,4} 4, OST {3,4,1} 3, ALL 4.
    P1: { within: scoped(3, 3, 2), cumulative: scoped(4, 4, 3) },
    // Animation: A07 OST; annual: 2022-01-01 to 2022-06-30, the period itself.
    P2: { within: scoped(1, 0, 1), cumulative: scoped(1, 0, 1) },
    // Education: A06 WZG, A09 OST within; + A01, A04 (WZG) cumulative → WZG 3, OST 1, ALL 4.
    P3: { within: scoped(2, 1, 1), cumulative: scoped(4, 3, 1) },
    // AKCJA: A08 WZG within; + A03 OST cumulative.
    P4: { within: scoped(1, 1, 0), cumulative: scoped(2, 1, 1) },
    // Leaders: OST-0001 (2022-02-15) within; + WZG-0001, WZG-0002 cumulative; WZG-0003 (2022-08-01) after the end.
    P5: { within: scoped(1, 0, 1), cumulative: scoped(3, 2, 1) },
    // Within (= annual to 2022-06-30): person 1 WZG 2; person 3 OST 2 + WZG 1 = 3; person 4 WZG 1 + OST 2 = 3
    // → no community reaches 3, ALL {3,4} = 2.
    R1: { within: scoped(2, 0, 0), cumulative: scoped(2, 0, 0) },
    // WZG 5 → 1/1 = 100; OST 4, 1 (0 is off the scale) → 1/2 = 50; ALL 2/3 = 66.7. Annual: the same.
    R2: { within: scoped(66.7, 100, 50, null), cumulative: scoped(66.7, 100, 50, null) },
    // Resident initiatives: A07 OST within; + A02 WZG cumulative.
    R3: { within: scoped(1, 0, 1), cumulative: scoped(2, 1, 1) },
  },
};

describe('reporting-period figures on a hand-made history', () => {
  const dataDir = newDataDir();
  let published: PeriodIndicatorValueRow[] = [];

  it('give every indicator its value within each period and cumulative to its end, per community and ALL', async () => {
    const result = await run(dataDir, 1, 'full', history);
    expect(result.asOf).toBe(asOf);
    published = await openPublished(dataDir, async (c) => [...(await readPeriodIndicatorValues(c, 1)), ...(await readPeriodIndicatorValues(c, 2))]);
    expect(published).toHaveLength(2 * config.indicators.length * 4);
    for (const [periodId, byCode] of Object.entries(expected)) {
      for (const [code, values] of Object.entries(byCode)) {
        // The code and period ride along so that a failure says which.
        expect({ code, periodId, within: valuesOf(published, Number(periodId), code, 'valueWithin') }).toEqual({ code, periodId, within: values.within });
        expect({ code, periodId, cumulative: valuesOf(published, Number(periodId), code, 'valueCumulative') }).toEqual({
          code,
          periodId,
          cumulative: values.cumulative,
        });
      }
    }
    expect(Object.keys(expected[1]!).sort()).toEqual(config.indicators.map((i) => i.code).sort());
  });

  it('give the windows, the target at the period end, achievement and a status of a period that is over', async () => {
    const row = (periodId: number, code: string, scope: string) => published.find((r) => r.periodId === periodId && r.code === code && r.community === scope)!;
    // P1 ALL to 2021-12-31: the 2021 target, 90; 4 / 90 = 0.0444 (truncated).
    expect(row(1, 'P1', 'ALL')).toMatchObject({
      target: 90,
      expected: 90,
      achievement: 0.0444,
      status: 'not_achieved',
      withinFrom: '2021-07-01',
      withinTo: '2021-12-31',
      cumulativeFrom: '2021-01-01',
      cumulativeTo: '2021-12-31',
    });
    // P1 ALL to 2022-06-30 (day 181 of 365): 90 + 90 × 181/365 = 134.63; 4 / 134.63 = 0.0297.
    expect(row(2, 'P1', 'ALL')).toMatchObject({ target: 134.63, achievement: 0.0297, status: 'not_achieved', cumulativeFrom: '2021-01-01' });
    // P2 (annual) to 2022-06-30: 45 × 181/365 = 22.32; the cumulative window is the period's year.
    expect(row(2, 'P2', 'ALL')).toMatchObject({ target: 22.32, cumulativeFrom: '2022-01-01', cumulativeTo: '2022-06-30' });
    // R3 WZG in 2021: target 1, value 1 → achieved.
    expect(row(1, 'R3', 'WZG')).toMatchObject({ target: 1, achievement: 1, status: 'achieved' });
    // R2 (a percentage): the year's target; 66.7 / 60 = 1.1116; LAZ has no answers.
    expect(row(2, 'R2', 'ALL')).toMatchObject({ target: 60, achievement: 1.1116, status: 'achieved' });
    expect(row(2, 'R2', 'LAZ')).toMatchObject({ valueWithin: null, valueCumulative: null, achievement: null, status: 'no_data' });
  });

  it('are what computePeriodIndicatorValues gives on the published facts, and a running period has a traffic light', async () => {
    const { recomputed, running } = await openPublished(dataDir, async (c) => ({
      recomputed: await computePeriodIndicatorValues(c, config, asOf, [secondHalf2021, firstHalf2022]),
      running: await computePeriodIndicatorValues(c, config, asOf, [{ id: 3, name: 'WNP 3', from: '2022-07-01', to: '2022-12-31' }]),
    }));
    const order = (rows: PeriodIndicatorValueRow[]) =>
      [...rows].sort((a, b) => `${a.periodId}|${a.code}|${a.community}`.localeCompare(`${b.periodId}|${b.code}|${b.community}`));
    expect(order(recomputed)).toEqual(order(published));
    // Within 2022-07-01…asOf: A10 WZG {1,2}; to date: everyone; P1 ALL expected on 2022-09-15 (day 258):
    // 90 + 90 × 258/365 = 153.62, 4 of it → behind; the target at 2022-12-31 is 180.
    expect(running.find((r) => r.code === 'P1' && r.community === 'ALL')).toMatchObject({
      valueWithin: 2,
      valueCumulative: 4,
      target: 180,
      expected: 153.62,
      status: 'behind',
      withinTo: asOf,
    });
  });

  it("give every indicator its value to each month's end: a one-month period's cumulative value, null after the run's date", async () => {
    type MonthRow = { code: string; community: string; month: string; value_to_month_end: number | null; answers: number | null; measured_to: string | null };
    const { stored, oracle } = await openPublished(dataDir, async (c) => {
      const months = monthWindows(config.project, true, asOf).filter((m) => m.window !== null);
      const periods = months.map((m, i) => ({ id: i + 1, name: m.month, from: `${m.month}-01`, to: endOfMonth(m.month) }));
      return {
        stored: (await c.runAndReadAll('SELECT * FROM indicator_month_value')).getRowObjectsJS() as unknown as MonthRow[],
        oracle: await computePeriodIndicatorValues(c, config, asOf, periods),
      };
    });
    // 36 project months × 8 indicators × 4 scopes.
    expect(stored).toHaveLength(36 * config.indicators.length * 4);
    const key = (code: string, community: string, month: string) => `${code}|${community}|${month}`;
    const byKey = new Map(stored.map((r) => [key(r.code, r.community, r.month), r]));
    // Through September 2022: the months begun by asOf (21 of them), each equal to the period machinery's value.
    expect(oracle).toHaveLength(21 * config.indicators.length * 4);
    for (const o of oracle) {
      const month = o.cumulativeTo!.slice(0, 7);
      const row = byKey.get(key(o.code, o.community, month))!;
      expect({ value: row.value_to_month_end, to: row.measured_to }, `${o.code} ${o.community} ${month}`).toEqual({
        value: o.valueCumulative,
        to: o.cumulativeTo,
      });
    }
    // Worked by hand above: to 2021-12-31 P1 ALL 4, P5 WZG 2, R2 ALL 50.0 of 4 answers; annual P2 ALL to 2022-06-30: 1.
    expect(byKey.get(key('P1', 'ALL', '2021-12'))).toMatchObject({ value_to_month_end: 4, answers: null, measured_to: '2021-12-31' });
    expect(byKey.get(key('P5', 'WZG', '2021-12'))).toMatchObject({ value_to_month_end: 2 });
    expect(byKey.get(key('R2', 'ALL', '2021-12'))).toMatchObject({ value_to_month_end: 50, answers: 4 });
    expect(byKey.get(key('R2', 'LAZ', '2021-12'))).toMatchObject({ value_to_month_end: null, answers: 0 });
    expect(byKey.get(key('P2', 'ALL', '2022-06'))).toMatchObject({ value_to_month_end: 1 });
    // The running month is measured to asOf; later months have no value.
    expect(byKey.get(key('P1', 'ALL', '2022-09'))).toMatchObject({ measured_to: asOf });
    expect(byKey.get(key('P1', 'ALL', '2022-10'))).toMatchObject({ value_to_month_end: null, measured_to: null });
  });

  it('have a drill-down of codes and ids that adds up to the figures', async () => {
    const drill = await openPublished(dataDir, (c) => readPeriodDrillDown(c, config, secondHalf2021, asOf));
    expect(drill.activities).toEqual([
      { activityId: 'A02', date: '2021-08-10', community: 'WZG', type: 'IMPREZA', group: 'animation', named: 3, anonymous: 10, residentInitiative: true },
      { activityId: 'A03', date: '2021-09-20', community: 'OST', type: 'AKCJA', group: 'action', named: 2, anonymous: 0, residentInitiative: false },
      { activityId: 'A04', date: '2021-11-05', community: 'WZG', type: 'WARSZTAT', group: 'education', named: 2, anonymous: 0, residentInitiative: false },
      { activityId: 'A05', date: '2021-12-15', community: 'OST', type: 'ANIM_KULT', group: 'animation', named: 2, anonymous: 5, residentInitiative: false },
    ]);
    expect(drill.persons).toEqual([
      { code: 'OST-0001', community: 'OST', attendances: 2 },
      { code: 'OST-0002', community: 'OST', attendances: 1 },
      { code: 'WZG-0001', community: 'OST', attendances: 1 },
      { code: 'OST-0001', community: 'WZG', attendances: 1 },
      { code: 'WZG-0001', community: 'WZG', attendances: 2 },
      { code: 'WZG-0002', community: 'WZG', attendances: 2 },
    ]);
    expect(drill.regulars).toEqual([
      { code: 'OST-0001', community: 'ALL', attendances: 3 },
      { code: 'WZG-0001', community: 'ALL', attendances: 4 },
      { code: 'WZG-0002', community: 'ALL', attendances: 3 },
      { code: 'WZG-0001', community: 'WZG', attendances: 3 },
      { code: 'WZG-0002', community: 'WZG', attendances: 3 },
    ]);
    expect(drill.leaders).toEqual([
      { code: 'WZG-0001', community: 'WZG', leaderSince: '2021-03-10' },
      { code: 'WZG-0002', community: 'WZG', leaderSince: '2021-09-01' },
    ]);
    expect(drill.surveyAnswers).toEqual([
      { survey: 'ANK-ROCZNA', question: 'JAKOSC_ZYCIA', community: 'ALL', window: 'within', answers: 3, atLeast: 1 },
      { survey: 'ANK-ROCZNA', question: 'JAKOSC_ZYCIA', community: 'OST', window: 'within', answers: 1, atLeast: 0 },
      { survey: 'ANK-ROCZNA', question: 'JAKOSC_ZYCIA', community: 'WZG', window: 'within', answers: 2, atLeast: 1 },
      { survey: 'ANK-ROCZNA', question: 'JAKOSC_ZYCIA', community: 'ALL', window: 'cumulative', answers: 4, atLeast: 2 },
      { survey: 'ANK-ROCZNA', question: 'JAKOSC_ZYCIA', community: 'OST', window: 'cumulative', answers: 1, atLeast: 0 },
      { survey: 'ANK-ROCZNA', question: 'JAKOSC_ZYCIA', community: 'WZG', window: 'cumulative', answers: 3, atLeast: 2 },
    ]);
  });

  it('after an incremental run with more rows equal a full rebuild of the same rows', async () => {
    const more: History = {
      participants: history.participants,
      // A second AKCJA in the second half of 2021 (OST), attended by WZG-0002; a low answer in March 2022.
      activities: [...history.activities, [2, [11, 'A11', '2021-11-20', 'OST', 'AKCJA', 0, false]]],
      attendances: [...history.attendances, [2, 11, 2]],
      answers: [...history.answers, [2, [10, '2022-03-01', 'WZG', 1]]],
    };
    const incremental = await run(dataDir, 2, 'incremental', more);
    expect(incremental.mode).toBe('incremental');
    const fullDir = newDataDir();
    await run(fullDir, 1, 'full', more);
    const dump = (dir: string) =>
      openPublished(dir, async (c) =>
        [
          ...(await c.runAndReadAll('SELECT * FROM indicator_period_value ORDER BY ALL')).getRowObjectsJson(),
          ...(await c.runAndReadAll('SELECT * FROM indicator_month_value ORDER BY ALL')).getRowObjectsJson(),
        ].map((r) => JSON.stringify(r)),
      );
    const [afterIncremental, afterFull] = [await dump(dataDir), await dump(fullDir)];
    expect(afterIncremental).toEqual(afterFull);
    const rows = await openPublished(dataDir, async (c) => [...(await readPeriodIndicatorValues(c, 1)), ...(await readPeriodIndicatorValues(c, 2))]);
    // P4 OST: A03 + A11 in the second half of 2021, and to mid-2022; P1 OST gains WZG-0002 in 2021.
    expect(valuesOf(rows, 1, 'P4', 'valueWithin')).toEqual(scoped(2, 0, 2));
    expect(valuesOf(rows, 2, 'P4', 'valueCumulative')).toEqual(scoped(3, 1, 2));
    expect(valuesOf(rows, 1, 'P1', 'valueWithin')).toEqual(scoped(4, 3, 4));
    // R2 WZG in the first half of 2022: 5 and 1 → 1/2 = 50; ALL 2/4 = 50.
    expect(valuesOf(rows, 2, 'R2', 'valueWithin')).toEqual(scoped(50, 50, 50, null));
    // Untouched: P3 of both periods.
    expect(valuesOf(rows, 2, 'P3', 'valueCumulative')).toEqual(expected[2]!.P3!.cumulative);

    // A later day with nothing new: the periods that are over keep their rows, the running one moves on.
    const later = new Date('2022-10-20T10:00:00Z');
    expect((await run(dataDir, 3, 'incremental', more, later)).mode).toBe('incremental');
    const laterFullDir = newDataDir();
    await run(laterFullDir, 1, 'full', more, later);
    expect(await dump(dataDir)).toEqual(await dump(laterFullDir));
    const running = await openPublished(dataDir, (c) => readPeriodIndicatorValues(c, 3));
    expect(running.find((r) => r.code === 'P1' && r.community === 'ALL')).toMatchObject({ withinTo: '2022-10-20', cumulativeTo: '2022-10-20' });
  });
});
