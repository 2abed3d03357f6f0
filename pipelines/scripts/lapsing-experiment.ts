import { scanDeclineHistory } from '../src/decline/decline-detector.ts';
import { seedOf, seededRandom, simulateCommunity, type DropKind } from '../src/decline/decline-simulation.ts';
import { scanLapsing, DEFAULT_LAPSING_SETTINGS, type LapsingSettings } from '../src/decline/lapsing.ts';

const reps = Number(process.argv[2] ?? 100);
const overrides = JSON.parse(process.argv[3] ?? '{}') as Partial<LapsingSettings>;
const settings = { ...DEFAULT_LAPSING_SETTINGS, ...overrides };
const sizes = [10, 40, 150];
function lapsingInput(sim: ReturnType<typeof simulateCommunity>) {
  const activities = sim.sessions.map((s) => ({ week: sim.series[s.week]!.week, group: '' }));
  const byPerson = new Map<number, number[]>();
  sim.sessions.forEach((s, j) => { for (const p of s.attendees) { let l = byPerson.get(p); if (!l) byPerson.set(p, (l = [])); l.push(j); } });
  return { activities, persons: [...byPerson].map(([person, activities]) => ({ person, activities })), lastWeek: sim.series[sim.series.length - 1]!.week };
}
const t0 = performance.now();
for (const size of sizes) {
  const kinds: (DropKind | 'stable')[] = size === 40 ? ['stable', 'churn', 'thinning', 'mixed'] : ['stable', 'churn'];
  for (const kind of kinds) {
    let w6 = 0, w6l = 0, w6t = 0, onsets = 0, onsetsL = 0, judged = 0, runs = 0;
    const bySessions = new Map<number, [number, number]>();
    for (let rep = 0; rep < reps; rep++) {
      const seed = seedOf(0, size, rep);
      const pick = seededRandom(seedOf(0, size, rep, 7));
      const onsetWeek = `2023-W${String(1 + Math.floor(pick.next() * 46)).padStart(2, '0')}`;
      const sim = simulateCommunity({ regulars: size, seed, recordSessions: true, drop: kind === 'stable' ? undefined : { fraction: 0.3, fromWeek: onsetWeek, kind } });
      const totals = scanDeclineHistory(sim.series);
      const inp = lapsingInput(sim);
      const lap = scanLapsing(inp.activities, inp.persons, settings, { lastWeek: inp.lastWeek, from: sim.series[0]!.week });
      const byWeek = new Map(lap.checks.map((c) => [c.week, c]));
      const alertL = sim.series.map((r) => byWeek.get(r.week)?.status === 'alert');
      const alertT = totals.map((s) => s.alerts.length > 0);
      runs++;
      if (kind === 'stable') {
        for (let t = 0; t < totals.length; t++) {
          if (!totals[t]!.checks.some((c) => c.status !== 'insufficient_history')) continue;
          judged++;
          const on = alertL[t] || alertT[t];
          const before = t > 0 && (alertL[t - 1] || alertT[t - 1]);
          if (on && !before) onsets++;
          if (alertL[t] && !(t > 0 && alertL[t - 1])) onsetsL++;
        }
      } else {
        const onset = sim.series.findIndex((r) => r.week === onsetWeek);
        let active = 0; let found = false, foundL = false, foundT = false;
        for (let t = onset; t < sim.series.length; t++) {
          if (sim.series[t]!.activities > 0) active++;
          if (active > 6) break;
          if (alertL[t]) foundL = true;
          if (alertT[t]) foundT = true;
        }
        found = foundL || foundT;
        if (found) w6++; if (foundL) w6l++; if (foundT) w6t++;
        const b = bySessions.get(sim.sessionsPerWeek) ?? [0, 0]; b[0]++; if (found) b[1]++; bySessions.set(sim.sessionsPerWeek, b);
      }
    }
    if (kind === 'stable') console.log(`size ${size} stable: FA/yr combined ${(onsets / (judged / 52.18)).toFixed(3)}  lapsing-only ${(onsetsL / (judged / 52.18)).toFixed(3)}`);
    else console.log(`size ${size} ${kind}: within 6 active wks ${(100 * w6 / runs).toFixed(1)}% (lapsing ${(100 * w6l / runs).toFixed(1)}%, totals ${(100 * w6t / runs).toFixed(1)}%)  by sessions/wk ${[...bySessions].sort().map(([k, [n, f]]) => `${k}:${(100 * f / n).toFixed(0)}%`).join(' ')}`);
  }
}
console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
