import { describe, expect, it } from 'vitest';
import { seedOf, simulateCommunity, type SimulatedCommunity } from './decline-simulation.ts';
import { addIsoWeeks, isoWeeksBetween } from './iso-week.ts';
import { DEFAULT_LAPSING_SETTINGS, scanLapsing, type LapsingActivity } from './lapsing.ts';

/** One activity a week from `from`, `n` weeks (group '' unless given). */
const weekly = (from: string, n: number, group = ''): LapsingActivity[] => Array.from({ length: n }, (_, i) => ({ week: addIsoWeeks(from, i), group }));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

function sessionsOf(sim: SimulatedCommunity) {
  const activities = sim.sessions.map((s) => ({ week: sim.series[s.week]!.week, group: '' }));
  const byPerson = new Map<number, number[]>();
  sim.sessions.forEach((s, j) => {
    for (const p of s.attendees) byPerson.set(p, [...(byPerson.get(p) ?? []), j]);
  });
  return { activities, persons: [...byPerson].map(([person, attended]) => ({ person, activities: attended })) };
}

describe('lapsing regulars: one person', () => {
  it('gives the probability of their run of absences under their own rate, ends of the span left out', () => {
    // Weeks 10–22 of 2021 (no holidays): one activity a week; they came to the first ten, not the last three.
    const activities = weekly('2021-W10', 13);
    const { regulars } = scanLapsing(activities, [{ person: 'A', activities: range(0, 10) }]);
    const [a] = regulars;
    // Rate: 8 of the 8 activities strictly between their first and last visit; Beta(1 + 8, 1 + 0).
    expect(a).toMatchObject({ person: 'A', attended: 8, opportunities: 8, missed: 3, lastWeek: '2021-W19', missedSince: '2021-W20', lapsing: true });
    expect(a!.usualRate).toBeCloseTo(0.9, 12);
    // E[(1 − p)^3] = B(9, 4) / B(9, 1) = 3! · 9! / 12! = 6 / 1320.
    expect(a!.absenceProbability).toBeCloseTo(6 / 1320, 12);
  });

  it('counts an absence short for a monthly visitor as nothing unusual', () => {
    const activities = weekly('2021-W10', 16);
    // Every fourth week: rate about a quarter; three weeks away is their habit.
    const { regulars } = scanLapsing(activities, [{ person: 'M', activities: [0, 4, 8, 12] }]);
    expect(regulars[0]!.missed).toBe(3);
    expect(regulars[0]!.absenceProbability).toBeGreaterThan(0.3);
    expect(regulars[0]!.lapsing).toBe(false);
  });

  it('holds no opportunity in a week without activities, nor in the first year’s holidays', () => {
    // Activities in weeks 10–19, a gap, then weeks 24 and 25: two missed, not six.
    const activities = [...weekly('2021-W10', 10), ...weekly('2021-W24', 2)];
    expect(scanLapsing(activities, [{ person: 'B', activities: range(0, 10) }]).regulars[0]!.missed).toBe(2);
    // The same person, their next activities in the summer holidays of the first year: nothing missed yet.
    const summer = [...weekly('2021-W14', 10), ...weekly('2021-W28', 3)];
    const [b] = scanLapsing(summer, [{ person: 'B', activities: range(0, 10) }]).regulars;
    expect(b!.missed).toBe(0);
    expect(b!.absenceProbability).toBe(1);
  });

  it('counts only the activity groups a person came to', () => {
    const activities = [...weekly('2021-W10', 10, 'education'), ...weekly('2021-W20', 4, 'animation')];
    const [e] = scanLapsing(activities, [{ person: 'E', activities: range(0, 10) }]).regulars;
    expect(e).toMatchObject({ groups: ['education'], missed: 0, lapsing: false });
  });

  it('is not a regular after two visits, nor at a rate below minRate', () => {
    const activities = weekly('2021-W10', 30);
    const { regulars } = scanLapsing(activities, [
      { person: 'twice', activities: [0, 1] },
      { person: 'rare', activities: [0, 12, 25] },
    ]);
    expect(regulars.map((r) => r.person)).toEqual([]);
  });

  it('refuses activities out of order and visits that are not ascending indexes', () => {
    expect(() =>
      scanLapsing(
        [
          { week: '2021-W12', group: '' },
          { week: '2021-W11', group: '' },
        ],
        [],
      ),
    ).toThrow(RangeError);
    expect(() => scanLapsing(weekly('2021-W10', 3), [{ person: 'X', activities: [1, 1] }])).toThrow(/ascending/);
    expect(() => scanLapsing(weekly('2021-W10', 3), [{ person: 'X', activities: [3] }])).toThrow(/ascending/);
  });
});

describe('lapsing regulars: the community test', () => {
  it('raises an alert when a third of the regulars stop coming, dated near the fall, and lists them first', () => {
    const onset = '2023-W10';
    const sim = simulateCommunity({
      regulars: 40,
      seed: seedOf(11, 2),
      sessionsPerWeek: 2,
      recordSessions: true,
      drop: { fraction: 0.3, fromWeek: onset, kind: 'churn' },
    });
    const { activities, persons } = sessionsOf(sim);
    const scan = scanLapsing(activities, persons, DEFAULT_LAPSING_SETTINGS, { lastWeek: '2023-W20' });
    const raised = scan.checks.find((c) => c.status === 'alert' && c.week >= onset);
    expect(raised).toBeDefined();
    expect(isoWeeksBetween(onset, raised!.week)).toBeLessThan(6);
    expect(Math.abs(isoWeeksBetween(onset, raised!.since!))).toBeLessThanOrEqual(2);
    expect(raised!.lapsing).toBeGreaterThan(raised!.expected * 3);
    // Those lapsing now are churned regulars (the list is ranked by how unusual the absence is).
    const lapsing = scan.regulars.filter((r) => r.lapsing);
    expect(lapsing.length).toBeGreaterThanOrEqual(5);
    expect(lapsing.every((r) => sim.churned.includes(r.person))).toBe(true);
    for (let i = 1; i < scan.regulars.length; i++)
      expect(scan.regulars[i]!.absenceProbability).toBeGreaterThanOrEqual(scan.regulars[i - 1]!.absenceProbability);
  });

  it('stays quiet on a stable community across three years, summers and Christmas breaks included', () => {
    for (const rep of [1, 2, 3]) {
      const sim = simulateCommunity({ regulars: 40, seed: seedOf(12, rep), recordSessions: true });
      const { activities, persons } = sessionsOf(sim);
      const scan = scanLapsing(activities, persons, DEFAULT_LAPSING_SETTINGS, { lastWeek: sim.series.at(-1)!.week });
      expect(scan.checks.filter((c) => c.status === 'alert').map((c) => c.week)).toEqual([]);
      expect(scan.checks).toHaveLength(isoWeeksBetween(activities[0]!.week, sim.series.at(-1)!.week) + 1);
    }
  });

  it('gives the same checks from `from` on as a scan kept from the start', () => {
    const sim = simulateCommunity({ regulars: 20, seed: seedOf(13, 1), recordSessions: true });
    const { activities, persons } = sessionsOf(sim);
    const all = scanLapsing(activities, persons);
    const tail = scanLapsing(activities, persons, DEFAULT_LAPSING_SETTINGS, { from: '2023-W01' });
    expect(tail.checks).toEqual(all.checks.filter((c) => c.week >= '2023-W01'));
    expect(tail.regulars).toEqual(all.regulars);
  });
});
