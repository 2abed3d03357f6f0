/**
 * Evaluation of the decline detection on simulated communities (pure; the script
 * pipelines/scripts/evaluate-decline.ts prints it).
 *
 * Each replication simulates one community with the same random numbers: stable, and with a
 * sustained drop (30%, 50%) of each kind — thinning (everyone comes less), churn (a share of the
 * regulars stops coming), mixed (half and half) — from a random week of the third year (weeks 1–46,
 * so at least six weeks follow). The detection runs week by week over the whole series, as the weekly
 * pipeline would: the weekly-totals test (scanDeclineHistory) and the lapsing-regulars test
 * (scanLapsing, on who came to each session); a community is "in alert" in a week when either is
 * (`tests: 'totals'` evaluates the totals test alone).
 * - detection: the first week at or after the drop's start in which an alert is active. "Within 6
 *   weeks" counts calendar weeks from the drop's first week (week 1); "within 6 weeks of activities"
 *   counts only weeks in which the community held activities (a summer with one session a fortnight
 *   gives the detection the six sessions it needs);
 * - false alarms: alert onsets (a week in alert after a week not in alert) on the stable series, per
 *   community-year of weeks in which the totals test could judge (enough history);
 * - "since" error: median |estimated first week of the fall − true first week| among detections.
 */
import { lowerTailPValue } from './count-stats.ts';
import { resolveDeclineConfig, type DeclineConfigInput } from './decline-config.ts';
import { scanDeclineHistory } from './decline-detector.ts';
import { seedOf, seededRandom, simulateCommunity, type DropKind, type SimulatedCommunity } from './decline-simulation.ts';
import { isoWeeksBetween } from './iso-week.ts';
import { lapsingSettingsOf, scanLapsing } from './lapsing.ts';

export type DetectionTests = 'totals' | 'totals+lapsing';

export interface EvaluationOptions {
  reps: number;
  config?: DeclineConfigInput;
  sizes?: readonly number[];
  drops?: readonly number[];
  kinds?: readonly DropKind[];
  /** Which tests raise the alert (default both). */
  tests?: DetectionTests;
  sessionShockCv?: number;
  /** Extra seed, so a second run can use fresh replications. */
  seed?: number;
}

export interface EvaluationCell {
  size: number;
  /** 'stable' for the series without a drop. */
  kind: DropKind | 'stable';
  drop: number;
  runs: number;
  /** Drop cells. */
  detected: number;
  within6: number;
  within6Active: number;
  /** Found within 6 weeks of activities by the lapsing test, and by the totals test. */
  within6ActiveLapsing: number;
  within6ActiveTotals: number;
  medianWeeksToDetection: number | null;
  medianSinceError: number | null;
  /** Stable cells. */
  alertOnsets: number;
  judgedWeeks: number;
  falseAlarmsPerYear: number | null;
  /** Alert onsets of the lapsing test alone (stable cells). */
  lapsingOnsets: number;
  /** Drop cells: found within 6 weeks of activities (and within 6 weeks), by sessions a week and by when the drop began. */
  breakdown: { label: string; runs: number; within6: number; within6Active: number }[];
  /** Stable cells: mean attendances a week and their week-to-week CV in an ordinary autumn (Sept–Nov 2022). */
  weeklyMean: number | null;
  weeklyCv: number | null;
}

const WEEKS_PER_YEAR = 52.1775;
/** ISO weeks in which a drop that begins has the summer's thin programme ahead of it (late May to August). */
const SUMMER_FROM = 22;
const SUMMER_TO = 34;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Week by week: in alert by the totals test, by the lapsing test, and the earliest "since" of either. */
interface WeekAlerts {
  totals: boolean[];
  lapsing: boolean[];
  since: (string | null)[];
  judged: boolean[];
}

/** Runs both tests over a simulated community, week by week. */
export function alertWeeks(sim: SimulatedCommunity, config: DeclineConfigInput | undefined, tests: DetectionTests): WeekAlerts {
  const states = scanDeclineHistory(sim.series, config);
  const totals = states.map((s) => s.alerts.length > 0);
  const since = states.map((s) => (s.alerts.length > 0 ? s.alerts.map((f) => f.since).sort()[0]! : null));
  const judged = states.map((s) => s.checks.some((c) => c.status !== 'insufficient_history'));
  const lapsing = sim.series.map(() => false);
  if (tests === 'totals+lapsing' && sim.sessions.length > 0) {
    const activities = sim.sessions.map((session) => ({ week: sim.series[session.week]!.week, group: '' }));
    const byPerson = new Map<number, number[]>();
    sim.sessions.forEach((session, j) => {
      for (const person of session.attendees) {
        const list = byPerson.get(person);
        if (list) list.push(j);
        else byPerson.set(person, [j]);
      }
    });
    const persons = [...byPerson].map(([person, attended]) => ({ person, activities: attended }));
    const scan = scanLapsing(activities, persons, lapsingSettingsOf(resolveDeclineConfig(config ?? {})), { lastWeek: sim.series[sim.series.length - 1]!.week });
    const byWeek = new Map(scan.checks.map((c) => [c.week, c]));
    sim.series.forEach((row, t) => {
      const check = byWeek.get(row.week);
      if (check?.status !== 'alert') return;
      lapsing[t] = true;
      if (since[t] === null || check.since! < since[t]!) since[t] = check.since;
    });
  }
  return { totals, lapsing, since, judged };
}

export function evaluateDetector(options: EvaluationOptions): EvaluationCell[] {
  const sizes = options.sizes ?? [10, 40, 150];
  const drops = (options.drops ?? [0.3, 0.5]).filter((d) => d > 0);
  const kinds = options.kinds ?? ['thinning', 'churn', 'mixed'];
  const tests = options.tests ?? 'totals+lapsing';
  const scenarios: { kind: DropKind | 'stable'; drop: number }[] = [{ kind: 'stable', drop: 0 }];
  for (const kind of kinds) for (const drop of drops) scenarios.push({ kind, drop });
  const cells: EvaluationCell[] = [];
  for (const size of sizes) {
    const acc = scenarios.map(() => ({
      runs: 0,
      detected: 0,
      within6: 0,
      within6Active: 0,
      within6ActiveLapsing: 0,
      within6ActiveTotals: 0,
      delays: [] as number[],
      since: [] as number[],
      onsets: 0,
      lapsingOnsets: 0,
      judged: 0,
      breakdown: new Map<string, { runs: number; within6: number; within6Active: number }>(),
    }));
    let meanSum = 0;
    let cvSum = 0;
    for (let rep = 0; rep < options.reps; rep++) {
      const seed = seedOf(options.seed ?? 0, size, rep);
      const pick = seededRandom(seedOf(options.seed ?? 0, size, rep, 7));
      const onsetWeek = `2023-W${String(1 + Math.floor(pick.next() * 46)).padStart(2, '0')}`;
      scenarios.forEach(({ kind, drop }, d) => {
        const a = acc[d]!;
        const sim = simulateCommunity({
          regulars: size,
          seed,
          sessionShockCv: options.sessionShockCv,
          recordSessions: tests === 'totals+lapsing',
          drop: kind === 'stable' ? undefined : { fraction: drop, fromWeek: onsetWeek, kind },
        });
        const weeks = alertWeeks(sim, options.config, tests);
        const inAlert = (t: number) => weeks.totals[t]! || weeks.lapsing[t]!;
        a.runs++;
        if (kind === 'stable') {
          const autumn = sim.series.filter((r) => r.week >= '2022-W36' && r.week <= '2022-W47').map((r) => r.attendances);
          const mean = autumn.reduce((sum, v) => sum + v, 0) / autumn.length;
          const sd = Math.sqrt(autumn.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (autumn.length - 1));
          meanSum += mean;
          cvSum += mean > 0 ? sd / mean : 0;
          for (let t = 0; t < sim.series.length; t++) {
            if (weeks.judged[t]) a.judged++;
            if (inAlert(t) && !(t > 0 && inAlert(t - 1))) a.onsets++;
            if (weeks.lapsing[t] && !(t > 0 && weeks.lapsing[t - 1])) a.lapsingOnsets++;
          }
          return;
        }
        const onset = sim.series.findIndex((r) => r.week === onsetWeek);
        const onsetNumber = Number(onsetWeek.slice(6));
        const labels = [
          `${sim.sessionsPerWeek} session${sim.sessionsPerWeek > 1 ? 's' : ''} a week`,
          onsetNumber >= SUMMER_FROM && onsetNumber <= SUMMER_TO ? `drop begins in weeks ${SUMMER_FROM}–${SUMMER_TO} (summer)` : 'drop begins outside summer',
        ];
        let found = -1;
        let active = 0;
        let foundActive = false;
        let foundActiveLapsing = false;
        let foundActiveTotals = false;
        for (let t = onset, seen = 0; t < sim.series.length; t++) {
          if (sim.series[t]!.activities > 0) seen++;
          if (seen > 6) break;
          foundActiveLapsing ||= weeks.lapsing[t]!;
          foundActiveTotals ||= weeks.totals[t]!;
        }
        for (let t = onset; t < sim.series.length; t++) {
          if (sim.series[t]!.activities > 0) active++;
          if (!inAlert(t)) continue;
          if (found < 0) found = t;
          if (active <= 6) foundActive = true;
          break;
        }
        const within6 = found >= 0 && found - onset + 1 <= 6;
        if (found >= 0) {
          a.detected++;
          a.delays.push(found - onset + 1);
          a.since.push(Math.abs(isoWeeksBetween(onsetWeek, weeks.since[found]!)));
        }
        if (within6) a.within6++;
        if (foundActive) a.within6Active++;
        if (foundActiveLapsing) a.within6ActiveLapsing++;
        if (foundActiveTotals) a.within6ActiveTotals++;
        for (const label of labels) {
          const b = a.breakdown.get(label) ?? { runs: 0, within6: 0, within6Active: 0 };
          b.runs++;
          if (within6) b.within6++;
          if (foundActive) b.within6Active++;
          a.breakdown.set(label, b);
        }
      });
    }
    scenarios.forEach(({ kind, drop }, d) => {
      const a = acc[d]!;
      const stable = kind === 'stable';
      cells.push({
        size,
        kind,
        drop,
        runs: a.runs,
        detected: a.detected,
        within6: a.within6,
        within6Active: a.within6Active,
        within6ActiveLapsing: a.within6ActiveLapsing,
        within6ActiveTotals: a.within6ActiveTotals,
        medianWeeksToDetection: median(a.delays),
        medianSinceError: median(a.since),
        breakdown: [...a.breakdown.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([label, b]) => ({ label, ...b })),
        alertOnsets: a.onsets,
        lapsingOnsets: a.lapsingOnsets,
        judgedWeeks: a.judged,
        falseAlarmsPerYear: stable && a.judged > 0 ? a.onsets / (a.judged / WEEKS_PER_YEAR) : null,
        weeklyMean: stable ? meanSum / options.reps : null,
        weeklyCv: stable ? cvSum / options.reps : null,
      });
    });
  }
  return cells;
}

export interface OracleOptions {
  reps: number;
  size: number;
  /** Significance levels to evaluate (the alert rule of the configuration otherwise). */
  significances: readonly number[];
  config?: DeclineConfigInput;
  drop?: number;
  sessionShockCv?: number;
  seed?: number;
}

export interface OracleCell {
  significance: number;
  runs: number;
  within6: number;
  /** Found within 6 weeks of activities (as evaluateDetector counts them). */
  within6Active: number;
  alertOnsets: number;
  judgedWeeks: number;
  falseAlarmsPerYear: number;
}

/**
 * A bound, not a detector: the detector's alert rule (windows of minWindowWeeks … windowWeeks weeks with
 * activities, minBaselineLevel, minRelativeDrop and p ≤ significance to raise, clearRelativeDrop and
 * clearSignificance to keep), applied to attendances with the simulation's true expectation and
 * variance in place of the estimated ones — what a test on weekly totals could reach if the expected
 * count were known exactly. Same replications, onset weeks and counting as evaluateDetector.
 */
export function evaluateOracle(options: OracleOptions): OracleCell[] {
  const cfg = resolveDeclineConfig(options.config ?? {});
  const drop = options.drop ?? 0.3;
  const cells: OracleCell[] = options.significances.map((significance) => ({
    significance,
    runs: 0,
    within6: 0,
    within6Active: 0,
    alertOnsets: 0,
    judgedWeeks: 0,
    falseAlarmsPerYear: 0,
  }));
  const alertWeeks = (sim: ReturnType<typeof simulateCommunity>, significance: number): (boolean | null)[] => {
    const out: (boolean | null)[] = [];
    const counting: number[] = [];
    let alert = false;
    for (let t = 0; t < sim.series.length; t++) {
      if (sim.series[t]!.activities > 0) counting.push(t);
      if (counting.length < cfg.minReferenceWeeks + cfg.minWindowWeeks) {
        out.push(null);
        continue;
      }
      let passing = false;
      for (let k = cfg.minWindowWeeks; k <= cfg.windowWeeks && k <= counting.length && !passing; k++) {
        let observed = 0;
        let expected = 0;
        let variance = 0;
        for (let i = counting.length - k; i < counting.length; i++) {
          const u = counting[i]!;
          observed += sim.series[u]!.attendances;
          expected += sim.truth[u]!.expectedAttendances;
          variance += sim.truth[u]!.varianceAttendances;
        }
        if (!(expected / k >= cfg.minBaselineLevel)) continue;
        if (!(1 - observed / expected >= (alert ? cfg.clearRelativeDrop : cfg.minRelativeDrop))) continue;
        passing = lowerTailPValue(observed, expected, variance) <= (alert ? cfg.clearSignificance : significance);
      }
      alert = passing;
      out.push(alert);
    }
    return out;
  };
  for (let rep = 0; rep < options.reps; rep++) {
    const seed = seedOf(options.seed ?? 0, options.size, rep);
    const pick = seededRandom(seedOf(options.seed ?? 0, options.size, rep, 7));
    const onsetWeek = `2023-W${String(1 + Math.floor(pick.next() * 46)).padStart(2, '0')}`;
    const stable = simulateCommunity({ regulars: options.size, seed, sessionShockCv: options.sessionShockCv });
    const fallen = simulateCommunity({ regulars: options.size, seed, sessionShockCv: options.sessionShockCv, drop: { fraction: drop, fromWeek: onsetWeek } });
    const onset = fallen.series.findIndex((r) => r.week === onsetWeek);
    for (const cell of cells) {
      cell.runs++;
      const found = alertWeeks(fallen, cell.significance);
      if (found.slice(onset, onset + 6).some((a) => a === true)) cell.within6++;
      let active = 0;
      for (let t = onset; t < found.length; t++) {
        if (fallen.series[t]!.activities > 0) active++;
        if (active > 6) break;
        if (found[t] === true) {
          cell.within6Active++;
          break;
        }
      }
      const weeks = alertWeeks(stable, cell.significance);
      for (let t = 0; t < weeks.length; t++) {
        if (weeks[t] === null) continue;
        cell.judgedWeeks++;
        if (weeks[t] && !(t > 0 && weeks[t - 1])) cell.alertOnsets++;
      }
    }
  }
  for (const cell of cells) cell.falseAlarmsPerYear = cell.judgedWeeks > 0 ? cell.alertOnsets / (cell.judgedWeeks / WEEKS_PER_YEAR) : 0;
  return cells;
}
