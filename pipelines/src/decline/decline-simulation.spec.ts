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
});
