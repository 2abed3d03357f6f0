/**
 * How far could any test on weekly totals go? The detector's alert rule with the simulation's TRUE
 * expected attendances and variance in place of the estimated baseline (evaluateOracle in
 * src/decline/decline-evaluation.ts): a bound for the goal "≥ 90% of 30% drops in a 40-regular
 * community within 6 weeks, < 0.5 false alarms a year", not something a detector can do.
 *
 *   node --import tsx pipelines/scripts/decline-oracle-bound.ts [--reps N] [--seed N] [--size N] [--significance 0.005,0.01,0.02]
 */
import { evaluateOracle } from '../src/decline/decline-evaluation.ts';

const argv = process.argv.slice(2);
let reps = 200;
let seed = 0;
let size = 40;
let significances = [0.005, 0.01, 0.015, 0.02, 0.03];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--reps') reps = Number(argv[++i]);
  else if (argv[i] === '--seed') seed = Number(argv[++i]);
  else if (argv[i] === '--size') size = Number(argv[++i]);
  else if (argv[i] === '--significance') significances = argv[++i]!.split(',').map(Number);
  else throw new Error(`Unknown argument ${argv[i]}; use --reps N, --seed N, --size N, --significance a,b,c`);
}
console.log(`Oracle bound (true expectation known), ${size} regulars, 30% drop, ${reps} replications, seed ${seed}; attendances only`);
console.log('significance  within 6 wk  false alarms/yr');
for (const c of evaluateOracle({ reps, size, significances, seed })) {
  console.log(
    `${String(c.significance).padStart(12)}  ${`${((100 * c.within6) / c.runs).toFixed(1)}%`.padStart(11)}  ${c.falseAlarmsPerYear.toFixed(3).padStart(15)}`,
  );
}
