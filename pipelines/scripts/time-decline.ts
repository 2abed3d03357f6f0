/**
 * Time per series of detectDecline on simulated three-year weekly series (156+ weeks).
 *   cd /work/main && node --import tsx pipelines/scripts/time-decline.ts [--series N] [--rounds R]
 */
import { detectDecline } from '../src/decline/decline-detector.ts';
import { seedOf, simulateCommunity } from '../src/decline/decline-simulation.ts';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const count = arg('--series', 200);
const rounds = arg('--rounds', 5);
const sizes = [10, 40, 150];
const series = Array.from({ length: count }, (_, i) => {
  const size = sizes[i % sizes.length]!;
  const drop = i % 2 === 0 ? undefined : { fraction: 0.3, fromWeek: `2023-W${String(10 + (i % 30)).padStart(2, '0')}` };
  return simulateCommunity({ regulars: size, seed: seedOf(size, i, 99), drop }).series;
});
let alerts = 0;
for (const s of series.slice(0, 20)) alerts += detectDecline(s).length; // warm-up
const times: number[] = [];
for (let r = 0; r < rounds; r++) {
  const t0 = performance.now();
  for (const s of series) alerts += detectDecline(s).length;
  times.push((performance.now() - t0) / count);
}
times.sort((a, b) => a - b);
console.log(
  `${count} series of ${series[0]!.length} weeks, ${rounds} rounds: median ${times[Math.floor(rounds / 2)]!.toFixed(3)} ms/series, best ${times[0]!.toFixed(3)} ms (alerts ${alerts})`,
);
