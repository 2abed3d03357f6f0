import { describe, expect, it } from 'vitest';
import { evaluateOracle } from './decline-evaluation.ts';
import { seedOf, simulateCommunity } from './decline-simulation.ts';

describe('simulated communities: the truth behind the counts', () => {
  it('gives each week the expectation and variance of its attendances as if there were no decline', () => {
    const stable = simulateCommunity({ regulars: 40, seed: seedOf(7, 1) });
    const fallen = simulateCommunity({ regulars: 40, seed: seedOf(7, 1), drop: { fraction: 0.3, fromWeek: '2023-W10' } });
    // Up to the decline the two series are the same draws; after it, the truth is still the undeclined one.
    const from = fallen.series.findIndex((r) => r.week === '2023-W10');
    expect(fallen.truth.slice(0, from)).toEqual(stable.truth.slice(0, from));
    let fallenObserved = 0;
    let fallenExpected = 0;
    fallen.series.forEach((row, t) => {
      if (t < from) return;
      fallenObserved += row.attendances;
      fallenExpected += fallen.truth[t]!.expectedAttendances;
    });
    expect(fallenObserved / fallenExpected).toBeGreaterThan(0.6);
    expect(fallenObserved / fallenExpected).toBeLessThan(0.8);
    expect(stable.truth).toHaveLength(stable.series.length);
    stable.series.forEach((row, t) => {
      if (row.activities === 0) expect(stable.truth[t]).toEqual({ expectedAttendances: 0, varianceAttendances: 0 });
    });
    // Over the weeks with activities the counts scatter around the expectation with the stated variance.
    let z2 = 0;
    let n = 0;
    let observed = 0;
    let expected = 0;
    stable.series.forEach((row, t) => {
      const { expectedAttendances: e, varianceAttendances: v } = stable.truth[t]!;
      if (row.activities === 0) return;
      z2 += (row.attendances - e) ** 2 / v;
      n++;
      observed += row.attendances;
      expected += e;
    });
    expect(observed / expected).toBeGreaterThan(0.95);
    expect(observed / expected).toBeLessThan(1.05);
    expect(z2 / n).toBeGreaterThan(0.6);
    expect(z2 / n).toBeLessThan(1.6);
  });

  it('bounds the detection of a test that knew the expectation (evaluateOracle)', () => {
    const [strict, loose] = evaluateOracle({ reps: 10, size: 40, significances: [0.001, 0.05], seed: 3 });
    expect(strict!.runs).toBe(10);
    expect(loose!.within6).toBeGreaterThanOrEqual(strict!.within6);
    expect(loose!.falseAlarmsPerYear).toBeGreaterThanOrEqual(strict!.falseAlarmsPerYear);
    expect(loose!.within6).toBeGreaterThanOrEqual(7);
  });

  it('records who came to each session, the same draws as the weekly totals', () => {
    const sim = simulateCommunity({ regulars: 30, seed: seedOf(7, 2), recordSessions: true });
    const plain = simulateCommunity({ regulars: 30, seed: seedOf(7, 2) });
    expect(sim.series).toEqual(plain.series);
    expect(sim.sessions).toHaveLength(sim.series.reduce((n, r) => n + r.activities, 0));
    sim.series.forEach((row, t) => {
      const held = sim.sessions.filter((s) => s.week === t);
      expect(held.reduce((n, s) => n + s.attendees.length, 0)).toBe(row.attendances);
      expect(new Set(held.flatMap((s) => s.attendees)).size).toBe(row.distinctParticipants);
    });
  });

  it('churn: the chosen regulars never come again, the others as before; mixed: half of each', () => {
    const fromWeek = '2023-W10';
    const churn = simulateCommunity({ regulars: 40, seed: seedOf(7, 3), recordSessions: true, drop: { fraction: 0.3, fromWeek, kind: 'churn' } });
    // Whole groups (families) leave until at least 30% of the regulars have: 12, or one or two more.
    expect(churn.churned.length).toBeGreaterThanOrEqual(12);
    expect(churn.churned.length).toBeLessThanOrEqual(14);
    const onset = churn.series.findIndex((r) => r.week === fromWeek);
    const after = churn.sessions.filter((s) => s.week >= onset);
    expect(after.length).toBeGreaterThan(20);
    expect(after.some((s) => s.attendees.some((p) => churn.churned.includes(p)))).toBe(false);
    const before = churn.sessions.filter((s) => s.week < onset);
    expect(before.some((s) => s.attendees.some((p) => churn.churned.includes(p)))).toBe(true);
    // Up to the onset, churn and a stable community are the same draws.
    const stable = simulateCommunity({ regulars: 40, seed: seedOf(7, 3), recordSessions: true });
    expect(churn.series.slice(0, onset)).toEqual(stable.series.slice(0, onset));
    const mixed = simulateCommunity({ regulars: 40, seed: seedOf(7, 3), drop: { fraction: 0.3, fromWeek, kind: 'mixed' } });
    expect(mixed.churned.length).toBeGreaterThanOrEqual(6);
    expect(mixed.churned.length).toBeLessThanOrEqual(8);
    expect(simulateCommunity({ regulars: 40, seed: seedOf(7, 3), drop: { fraction: 0.3, fromWeek } }).churned).toEqual([]);
  });
});
