import { describe, expect, it } from 'vitest';
import { DEFAULT_DECLINE_CONFIG, resolveDeclineConfig } from './decline-config.ts';
import { completeWeeklySeries, detectDecline, scanDeclineHistory, type WeeklyParticipation } from './decline-detector.ts';
import { seedOf, simulateCommunity } from './decline-simulation.ts';
import { isoWeekRange, isoWeeksBetween, parseIsoWeek } from './iso-week.ts';

/** A deterministic wobble of ±10%, so counts are not flat but nothing is random. */
const wobble = (i: number) => 1 + (((i * 37) % 11) - 5) / 50;

interface Shape {
  /** Attendances per activity in an ordinary week. */
  turnout: number;
  /** Activities in an ordinary week. */
  perWeek: number;
  /** Multiplies the turnout from this week on (a decline). */
  drop?: { from: string; factor: number };
}

/**
 * A community's weeks: `perWeek` activities, fewer people in July–August (one activity a week, 25%
 * lower turnout), nothing in weeks 31–32 (the organizer's holiday) and over Christmas (weeks 52, 1).
 */
function community(from: string, to: string, shape: Shape): WeeklyParticipation[] {
  return isoWeekRange(from, to).map((week, i) => {
    const n = parseIsoWeek(week).week;
    const christmas = n >= 52 || n === 1;
    const summer = n >= 27 && n <= 35;
    const activities = christmas || n === 31 || n === 32 ? 0 : summer ? 1 : shape.perWeek;
    const declined = shape.drop && week >= shape.drop.from ? shape.drop.factor : 1;
    const turnout = shape.turnout * (summer ? 0.75 : 1) * declined * wobble(i);
    const attendances = Math.round(activities * turnout);
    return { week, activities, attendances, distinctParticipants: Math.round(attendances * (activities > 1 ? 0.7 : 1)) };
  });
}

const allAlerts = (series: WeeklyParticipation[], config = {}) => scanDeclineHistory(series, config).flatMap((s) => s.alerts);

describe('detectDecline and scanDeclineHistory', () => {
  it('raises nothing on a stable seasonal series, summer dips and holidays included', () => {
    const series = community('2021-W01', '2023-W52', { turnout: 20, perWeek: 2 });
    const states = scanDeclineHistory(series);
    expect(states.flatMap((s) => s.alerts)).toEqual([]);
    // It did judge: from the first year on, and with the previous year(s) once there is one.
    const checks = states.flatMap((s) => s.checks);
    expect(checks.filter((c) => c.status === 'no_decline').length).toBeGreaterThan(250);
    expect(checks.some((c) => c.previousYears === 2 && c.status === 'no_decline')).toBe(true);
    expect(detectDecline(series)).toEqual([]);
  });

  it('does not count a summer dip that was there last year too, even a deep one', () => {
    // Summer: one activity a week at half the usual turnout, in every year.
    const series = community('2021-W01', '2023-W52', { turnout: 30, perWeek: 2 }).map((row) => {
      const n = parseIsoWeek(row.week).week;
      return n >= 27 && n <= 35
        ? { ...row, attendances: Math.round(row.attendances * 0.5), distinctParticipants: Math.round(row.distinctParticipants * 0.5) }
        : row;
    });
    const states = scanDeclineHistory(series);
    expect(states.flatMap((s) => s.alerts)).toEqual([]);
    const summer = states.filter((s) => s.week >= '2023-W28' && s.week <= '2023-W35').flatMap((s) => s.checks);
    expect(summer.every((c) => c.status === 'no_decline')).toBe(true);
    expect(summer.some((c) => c.baselineKind === 'previous_year')).toBe(true);
  });

  it('raises an alert on a sustained 40% fall in a community of 40 regulars, and dates it', () => {
    const series = community('2021-W01', '2023-W52', { turnout: 20, perWeek: 2, drop: { from: '2023-W10', factor: 0.6 } });
    const states = scanDeclineHistory(series);
    const first = states.find((s) => s.alerts.length > 0)!;
    expect(first).toBeDefined();
    expect(first.week >= '2023-W10' && first.week <= '2023-W13').toBe(true);
    const finding = first.alerts[0]!;
    expect(Math.abs(isoWeeksBetween('2023-W10', finding.since))).toBeLessThanOrEqual(1);
    expect(finding.raisedIn).toBe(first.week);
    expect(finding.drop).toBeGreaterThan(0.3);
    expect(finding.drop).toBeLessThan(0.5);
    expect(finding.pValue).toBeLessThanOrEqual(DEFAULT_DECLINE_CONFIG.significance);
    expect(finding.observed).toBeLessThan(finding.expected);
    // Nothing before the fall.
    expect(states.filter((s) => s.week < '2023-W10').flatMap((s) => s.alerts)).toEqual([]);
  });

  it('keeps one alert while the fall lasts: the same start and raising week', () => {
    const series = community('2021-W01', '2023-W52', { turnout: 20, perWeek: 2, drop: { from: '2023-W10', factor: 0.6 } });
    const attendance = scanDeclineHistory(series)
      .flatMap((s) => s.alerts)
      .filter((a) => a.measure === 'attendances');
    expect(attendance.length).toBeGreaterThan(4);
    expect(new Set(attendance.map((a) => `${a.since} ${a.raisedIn}`)).size).toBe(1);
    // Weeks in alert are consecutive (holiday weeks without activities keep the state).
    const weeks = attendance.map((a) => a.lastWeek);
    for (let i = 1; i < weeks.length; i++) expect(isoWeeksBetween(weeks[i - 1]!, weeks[i]!)).toBe(1);
  });

  it('never alerts on a fall from 3 to 1 person a week: too few to judge', () => {
    const series = community('2021-W01', '2023-W52', { turnout: 3, perWeek: 1, drop: { from: '2023-W10', factor: 1 / 3 } });
    const states = scanDeclineHistory(series);
    expect(states.flatMap((s) => s.alerts)).toEqual([]);
    expect(states.find((s) => s.week === '2023-W20')!.checks.every((c) => c.status === 'low_level')).toBe(true);
  });

  it('judges the first year by the recent level alone, leaving its holidays out', () => {
    const stable = community('2021-W01', '2021-W50', { turnout: 20, perWeek: 2 });
    const states = scanDeclineHistory(stable);
    expect(states.flatMap((s) => s.alerts)).toEqual([]);
    const judged = states.flatMap((s) => s.checks).filter((c) => c.status !== 'insufficient_history');
    expect(judged.length).toBeGreaterThan(0);
    expect(judged.every((c) => c.baselineKind === 'recent_level' && c.previousYears === 0)).toBe(true);
    // In the holiday weeks the state is that of the last week before them.
    const july = states.find((s) => s.week === '2021-W30')!.checks[0]!;
    expect(july.windowFrom! < '2021-W26').toBe(true);

    const falling = community('2021-W01', '2021-W50', { turnout: 20, perWeek: 2, drop: { from: '2021-W40', factor: 0.5 } });
    const found = detectDecline(falling);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.baselineKind === 'recent_level')).toBe(true);
    expect(found.find((f) => f.measure === 'attendances')!.since).toBe('2021-W40');
  });

  it('says nothing until there is enough history', () => {
    const series = community('2021-W01', '2021-W10', { turnout: 20, perWeek: 2, drop: { from: '2021-W09', factor: 0.3 } });
    const states = scanDeclineHistory(series);
    expect(states.flatMap((s) => s.alerts)).toEqual([]);
    expect(states.flatMap((s) => s.checks).every((c) => c.status === 'insufficient_history')).toBe(true);
    expect(detectDecline([])).toEqual([]);
  });

  it('leaves weeks before the first activity out', () => {
    const series = completeWeeklySeries(community('2021-W20', '2023-W20', { turnout: 20, perWeek: 2 }), '2020-W53', '2023-W20');
    expect(series[0]!.week).toBe('2020-W53');
    expect(allAlerts(series)).toEqual([]);
  });

  it('reports the state of the last week only in detectDecline', () => {
    const series = community('2021-W01', '2023-W20', { turnout: 20, perWeek: 2, drop: { from: '2023-W10', factor: 0.6 } });
    const states = scanDeclineHistory(series);
    expect(detectDecline(series)).toEqual(states[states.length - 1]!.alerts);
    expect(detectDecline(series).every((f) => f.lastWeek === '2023-W20')).toBe(true);
  });

  it('takes its thresholds from the configuration', () => {
    const series = community('2021-W01', '2023-W52', { turnout: 20, perWeek: 2, drop: { from: '2023-W10', factor: 0.6 } });
    expect(allAlerts(series, { minRelativeDrop: 0.5 })).toEqual([]);
    expect(allAlerts(series, { measures: ['distinctParticipants'] }).every((a) => a.measure === 'distinctParticipants')).toBe(true);
    expect(() => scanDeclineHistory(series, { significance: 0 })).toThrow(/significance/);
  });

  it('can raise on the likelihood ratio of a fall of targetDrop instead of the p-value', () => {
    const series = community('2021-W01', '2023-W52', { turnout: 20, perWeek: 2, drop: { from: '2023-W10', factor: 0.6 } });
    const config = { raiseTest: 'likelihoodRatio', minLogLikelihoodRatio: 2.2 } as const;
    const first = scanDeclineHistory(series, config).find((s) => s.alerts.length > 0)!;
    expect(first.week >= '2023-W10' && first.week <= '2023-W13').toBe(true);
    expect(
      scanDeclineHistory(series, config)
        .filter((s) => s.week < '2023-W10')
        .flatMap((s) => s.alerts),
    ).toEqual([]);
    // A threshold no window reaches: no alert.
    expect(allAlerts(series, { ...config, minLogLikelihoodRatio: 1e6 })).toEqual([]);
  });

  it('rejects a series with a gap or a negative count', () => {
    const series = community('2021-W01', '2021-W30', { turnout: 20, perWeek: 2 });
    expect(() => scanDeclineHistory([...series.slice(0, 5), ...series.slice(6)])).toThrow(/consecutive/);
    expect(() => scanDeclineHistory(series.map((r, i) => (i === 3 ? { ...r, attendances: -1 } : r)))).toThrow(/attendances/);
  });
});

describe('on simulated communities (person level, overdispersed, seasonal)', () => {
  it('raises few false alarms on stable communities of 40 regulars', () => {
    let onsets = 0;
    let weeks = 0;
    for (let rep = 0; rep < 20; rep++) {
      const { series } = simulateCommunity({ regulars: 40, seed: seedOf(42, rep) });
      const states = scanDeclineHistory(series);
      states.forEach((s, t) => {
        if (s.alerts.length > 0 && (t === 0 || states[t - 1]!.alerts.length === 0)) onsets++;
      });
      weeks += states.filter((s) => s.checks.some((c) => c.status !== 'insufficient_history')).length;
    }
    expect(onsets / (weeks / 52.18)).toBeLessThan(0.5);
  });

  it('finds a sustained 40% fall in communities of 40 regulars meeting twice a week', () => {
    let within6 = 0;
    for (let rep = 0; rep < 20; rep++) {
      const { series } = simulateCommunity({ regulars: 40, seed: seedOf(43, rep), sessionsPerWeek: 2, drop: { fraction: 0.4, fromWeek: '2023-W12' } });
      const first = scanDeclineHistory(series).find((s) => s.week >= '2023-W12' && s.alerts.length > 0);
      if (first && isoWeeksBetween('2023-W12', first.week) < 6) within6++;
    }
    expect(within6).toBeGreaterThanOrEqual(18);
  });
});

describe('configuration', () => {
  it('fills in the defaults and merges the elasticity per measure', () => {
    const config = resolveDeclineConfig({ windowWeeks: 8, activityElasticity: { distinctParticipants: 0.7 } });
    expect(config.windowWeeks).toBe(8);
    expect(config.activityElasticity).toEqual({ attendances: 1, distinctParticipants: 0.7 });
    expect(config.significance).toBe(DEFAULT_DECLINE_CONFIG.significance);
  });

  it('names the field that is out of range', () => {
    expect(() => resolveDeclineConfig({ minRelativeDrop: 1.5 })).toThrow(/minRelativeDrop/);
    expect(() => resolveDeclineConfig({ minWindowWeeks: 9 })).toThrow(/minWindowWeeks/);
    expect(() => resolveDeclineConfig({ measures: [] })).toThrow(/measures/);
    expect(() => resolveDeclineConfig({ holidayWeeks: [54] })).toThrow(/holidayWeeks/);
    expect(() => resolveDeclineConfig({ raiseTest: 'cusum' as never })).toThrow(/raiseTest/);
    expect(() => resolveDeclineConfig({ targetDrop: 1 })).toThrow(/targetDrop/);
    expect(() => resolveDeclineConfig({ minLogLikelihoodRatio: -1 })).toThrow(/minLogLikelihoodRatio/);
    expect(() => resolveDeclineConfig({ minRelativeDrop: 1.5 })).toThrow('Decline configuration: minRelativeDrop must be a number in [0, 1], got 1.5');
    expect(() => resolveDeclineConfig({ windowWeek: 6 } as never)).toThrow('Decline configuration: unknown field windowWeek');
  });

  it('has the documented defaults, frozen', () => {
    expect(DEFAULT_DECLINE_CONFIG).toMatchObject({
      windowWeeks: 6,
      minWindowWeeks: 3,
      referenceWeeks: 26,
      minReferenceWeeks: 8,
      minBaselineLevel: 5,
      significance: 0.01,
      clearSignificance: 0.2,
    });
    expect(DEFAULT_DECLINE_CONFIG.holidayWeeks).toEqual([1, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 52, 53]);
    expect(Object.isFrozen(DEFAULT_DECLINE_CONFIG.holidayWeeks)).toBe(true);
    expect(resolveDeclineConfig({})).toEqual(DEFAULT_DECLINE_CONFIG);
  });
});
