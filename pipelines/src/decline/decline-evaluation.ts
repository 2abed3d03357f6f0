/**
 * Evaluation of the decline detector on simulated communities (pure; the script
 * pipelines/scripts/evaluate-decline.ts prints it).
 *
 * Each replication simulates one community three times with the same random numbers: stable, and
 * with a sustained drop (30%, 50%) from a random week of the third year (weeks 1–46, so at least six
 * weeks follow). The detector runs week by week over the whole series (scanDeclineHistory), as the
 * weekly pipeline would; a community is "in alert" in a week when any measure is.
 * - detection: the first week at or after the drop's start in which an alert is active; weeks to
 *   detection count the drop's first week as week 1 ("within 6 weeks" = by its 6th week);
 * - false alarms: alert onsets (a week in alert after a week not in alert) on the stable series, per
 *   community-year of weeks in which the detector could judge (enough history);
 * - "since" error: median |estimated first week of the fall − true first week| among detections.
 */
import { lowerTailPValue } from './count-stats.ts';
import { resolveDeclineConfig, type DeclineConfigInput } from './decline-config.ts';
import { scanDeclineHistory, type DeclineWeekState } from './decline-detector.ts';
import { seedOf, seededRandom, simulateCommunity } from './decline-simulation.ts';
import { isoWeeksBetween } from './iso-week.ts';

export interface EvaluationOptions {
  reps: number;
  config?: DeclineConfigInput;
  sizes?: readonly number[];
  drops?: readonly number[];
  sessionShockCv?: number;
  /** Extra seed, so a second run can use fresh replications. */
  seed?: number;
}

export interface EvaluationCell {
  size: number;
  drop: number;
  runs: number;
  /** Drop cells. */
  detected: number;
  within6: number;
  medianWeeksToDetection: number | null;
  medianSinceError: number | null;
  /** Stable cells. */
  alertOnsets: number;
  judgedWeeks: number;
  falseAlarmsPerYear: number | null;
  /** Drop cells: found within 6 weeks, by sessions a week and by when the drop began. */
  breakdown: { label: string; runs: number; within6: number }[];
  /** Stable cells: mean attendances a week and their week-to-week CV in an ordinary autumn (Sept–Nov 2022). */
  weeklyMean: number | null;
  weeklyCv: number | null;
}

const WEEKS_PER_YEAR = 52.1775;
/** ISO weeks in which a drop that begins has the summer's thin programme ahead of it (late May to August). */
const SUMMER_FROM = 22;
const SUMMER_TO = 34;

const inAlert = (state: DeclineWeekState) => state.alerts.length > 0;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function evaluateDetector(options: EvaluationOptions): EvaluationCell[] {
  const sizes = options.sizes ?? [10, 40, 150];
  const drops = [0, ...(options.drops ?? [0.3, 0.5]).filter((d) => d > 0)];
  const cells: EvaluationCell[] = [];
  for (const size of sizes) {
    const acc = drops.map(() => ({
      runs: 0,
      detected: 0,
      within6: 0,
      delays: [] as number[],
      since: [] as number[],
      onsets: 0,
      judged: 0,
      breakdown: new Map<string, { runs: number; within6: number }>(),
    }));
    let meanSum = 0;
    let cvSum = 0;
    for (let rep = 0; rep < options.reps; rep++) {
      const seed = seedOf(options.seed ?? 0, size, rep);
      const pick = seededRandom(seedOf(options.seed ?? 0, size, rep, 7));
      const onsetWeek = `2023-W${String(1 + Math.floor(pick.next() * 46)).padStart(2, '0')}`;
      for (let d = 0; d < drops.length; d++) {
        const drop = drops[d]!;
        const a = acc[d]!;
        const sim = simulateCommunity({
          regulars: size,
          seed,
          sessionShockCv: options.sessionShockCv,
          drop: drop > 0 ? { fraction: drop, fromWeek: onsetWeek } : undefined,
        });
        const states = scanDeclineHistory(sim.series, options.config);
        a.runs++;
        if (drop === 0) {
          const autumn = sim.series.filter((r) => r.week >= '2022-W36' && r.week <= '2022-W47').map((r) => r.attendances);
          const mean = autumn.reduce((s, v) => s + v, 0) / autumn.length;
          const sd = Math.sqrt(autumn.reduce((s, v) => s + (v - mean) ** 2, 0) / (autumn.length - 1));
          meanSum += mean;
          cvSum += mean > 0 ? sd / mean : 0;
          for (let t = 0; t < states.length; t++) {
            if (states[t]!.checks.some((c) => c.status !== 'insufficient_history')) a.judged++;
            if (inAlert(states[t]!) && (t === 0 || !inAlert(states[t - 1]!))) a.onsets++;
          }
        } else {
          const onset = states.findIndex((s) => s.week === onsetWeek);
          const onsetNumber = Number(onsetWeek.slice(6));
          const labels = [
            `${sim.sessionsPerWeek} session${sim.sessionsPerWeek > 1 ? 's' : ''} a week`,
            onsetNumber >= SUMMER_FROM && onsetNumber <= SUMMER_TO ? `drop begins in weeks ${SUMMER_FROM}–${SUMMER_TO} (summer)` : 'drop begins outside summer',
          ];
          let found6 = false;
          for (let t = onset; t < states.length; t++) {
            const state = states[t]!;
            if (!inAlert(state)) continue;
            const delay = t - onset + 1;
            a.detected++;
            a.delays.push(delay);
            if (delay <= 6) {
              a.within6++;
              found6 = true;
            }
            const since = state.alerts.map((f) => f.since).sort()[0]!;
            a.since.push(Math.abs(isoWeeksBetween(onsetWeek, since)));
            break;
          }
          for (const label of labels) {
            const b = a.breakdown.get(label) ?? { runs: 0, within6: 0 };
            b.runs++;
            if (found6) b.within6++;
            a.breakdown.set(label, b);
          }
        }
      }
    }
    drops.forEach((drop, d) => {
      const a = acc[d]!;
      const stable = drop === 0;
      cells.push({
        size,
        drop,
        runs: a.runs,
        detected: a.detected,
        within6: a.within6,
        medianWeeksToDetection: median(a.delays),
        medianSinceError: median(a.since),
        breakdown: [...a.breakdown.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([label, b]) => ({ label, ...b })),
        alertOnsets: a.onsets,
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
