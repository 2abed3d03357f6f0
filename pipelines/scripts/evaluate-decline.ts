/**
 * Evaluation of the decline detector on simulated communities: prints a table and the goal lines.
 *
 *   cd /work/main && node --import tsx pipelines/scripts/evaluate-decline.ts
 *   options: --reps N (default 200)  --config '{"significance":0.02}'  --shock CV (session shock of the
 *            main table, default 0.16)  --no-sensitivity  --seed N
 *
 * The simulation (pipelines/src/decline/decline-simulation.ts): three years (2021–2023) of weekly
 * series of one community: 1–3 sessions a week, a summer dip in July–August, a Christmas break, the
 * week after Easter off, occasional events; regulars who come in groups of 1–3 with their own
 * propensity, occasional participants, a shock shared by everyone at a session, a slow yearly trend.
 * Sizes 10, 40 and 150 regulars; stable, and with a sustained drop of 30% and 50% from a random week
 * of the third year. How the figures are counted: pipelines/src/decline/decline-evaluation.ts.
 * Deterministic (seeded); the default configuration is the detector's DEFAULT_DECLINE_CONFIG.
 */
import { resolveDeclineConfig, type DeclineConfigInput } from '../src/decline/decline-config.ts';
import { evaluateDetector, type EvaluationCell } from '../src/decline/decline-evaluation.ts';
import { DEFAULT_SESSION_SHOCK_CV } from '../src/decline/decline-simulation.ts';

const GOAL_DETECTION = 0.9;
const GOAL_FALSE_ALARMS = 0.5;
const STRONG_SHOCK_CV = 0.26;

interface Args {
  reps: number;
  config: DeclineConfigInput;
  shock: number;
  sensitivity: boolean;
  seed: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { reps: 200, config: {}, shock: DEFAULT_SESSION_SHOCK_CV, sensitivity: true, seed: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--reps') args.reps = Number(argv[++i]);
    else if (arg === '--config') args.config = JSON.parse(argv[++i]!) as DeclineConfigInput;
    else if (arg === '--shock') args.shock = Number(argv[++i]);
    else if (arg === '--seed') args.seed = Number(argv[++i]);
    else if (arg === '--no-sensitivity') args.sensitivity = false;
    else throw new Error(`Unknown argument ${arg}; use --reps N, --config JSON, --shock CV, --seed N, --no-sensitivity`);
  }
  if (!Number.isInteger(args.reps) || args.reps < 1) throw new Error('--reps must be a whole number ≥ 1');
  return args;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function printTable(cells: EvaluationCell[]): void {
  const columns: { title: string; width: number; value: (c: EvaluationCell) => string }[] = [
    { title: 'regulars', width: 8, value: (c) => String(c.size) },
    { title: 'drop', width: 4, value: (c) => `${Math.round(c.drop * 100)}%` },
    { title: 'att/wk', width: 6, value: (c) => (c.weeklyMean === null ? '' : c.weeklyMean.toFixed(1)) },
    { title: 'wk CV', width: 5, value: (c) => (c.weeklyCv === null ? '' : c.weeklyCv.toFixed(2)) },
    { title: 'detected', width: 8, value: (c) => (c.drop === 0 ? '–' : pct(c.detected / c.runs)) },
    { title: 'within 6 wk', width: 11, value: (c) => (c.drop === 0 ? '–' : pct(c.within6 / c.runs)) },
    { title: 'median wks', width: 10, value: (c) => (c.drop === 0 ? '–' : (c.medianWeeksToDetection?.toString() ?? 'n/a')) },
    { title: 'since err', width: 9, value: (c) => (c.drop === 0 ? '–' : c.medianSinceError === null ? 'n/a' : `${c.medianSinceError} wk`) },
    { title: 'false alarms/yr', width: 15, value: (c) => (c.falseAlarmsPerYear === null ? '' : c.falseAlarmsPerYear.toFixed(3)) },
  ];
  console.log(columns.map((c) => c.title.padStart(c.width)).join('  '));
  for (const cell of cells) console.log(columns.map((c) => c.value(cell).padStart(c.width)).join('  '));
}

function goals(cells: EvaluationCell[]): { detection: number; worstFalse: number; allFalse: number } {
  const goalCell = cells.find((c) => c.size === 40 && c.drop === 0.3)!;
  const stable = cells.filter((c) => c.drop === 0);
  return {
    detection: goalCell.within6 / goalCell.runs,
    worstFalse: Math.max(...stable.map((c) => c.falseAlarmsPerYear ?? 0)),
    allFalse: stable.reduce((s, c) => s + c.alertOnsets, 0) / (stable.reduce((s, c) => s + c.judgedWeeks, 0) / 52.1775),
  };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  console.log(`Decline detector evaluation: simulated communities 2021–2023, weekly; ${args.reps} replications per cell`);
  console.log(`Configuration: ${JSON.stringify(resolveDeclineConfig(args.config))}`);
  console.log(`Session shock CV ${args.shock} (att/wk, wk CV: attendances a week and their week-to-week CV, Sept–Nov of year 2)`);
  console.log('');
  const cells = evaluateDetector({ reps: args.reps, config: args.config, sessionShockCv: args.shock, seed: args.seed });
  printTable(cells);
  const g = goals(cells);
  const goalCell = cells.find((c) => c.size === 40 && c.drop === 0.3)!;
  console.log('');
  console.log('40 regulars, 30% drop, found within 6 weeks:');
  for (const b of goalCell.breakdown) console.log(`  ${b.label.padEnd(40)} ${pct(b.within6 / b.runs).padStart(6)}  (${b.within6}/${b.runs})`);
  console.log('');
  console.log(
    `Goal: ≥ ${pct(GOAL_DETECTION)} of 30% drops in a 40-regular community found within 6 weeks: ${pct(g.detection)}  ${g.detection >= GOAL_DETECTION ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `Goal: < ${GOAL_FALSE_ALARMS} false alarms per community-year on stable series: worst size ${g.worstFalse.toFixed(3)}, all sizes ${g.allFalse.toFixed(3)}  ${g.worstFalse < GOAL_FALSE_ALARMS ? 'PASS' : 'FAIL'}`,
  );

  if (args.sensitivity) {
    // The same detector when everyone at a session moves together much more (weather, topic): the
    // noise a method cannot average away within six weeks.
    console.log('');
    console.log(`Sensitivity: stronger session shock (CV ${STRONG_SHOCK_CV}), 40 regulars, 30% drop`);
    const strong = evaluateDetector({ reps: args.reps, config: args.config, sessionShockCv: STRONG_SHOCK_CV, sizes: [40], drops: [0.3], seed: args.seed });
    printTable(strong);
    const s = goals(strong);
    console.log(`  within 6 weeks ${pct(s.detection)} (goal ${pct(GOAL_DETECTION)}), false alarms/yr ${s.worstFalse.toFixed(3)} (goal < ${GOAL_FALSE_ALARMS})`);
  }
  console.log('');
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

main();
