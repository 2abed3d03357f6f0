// One measured import in a fresh process, so that its peak memory is the import's own.
// Used by import.bench.ts: node --import tsx tests/bench/import-once.ts <file>  (OSL_DATA_DIR set)
import fs from 'node:fs';
import { ImportService, createCliContext, readEnvironment } from '@osl/backend';

const file = process.argv[2]!;
const context = await createCliContext(readEnvironment(), { quiet: true });
const phases: { phase: string; at: number }[] = [];
const started = performance.now();
const cpuBefore = process.cpuUsage();
const [report] = await context.get(ImportService).importPaths([file], {
  source: 'cli',
  importedBy: 'bench',
  onProgress: (p) => {
    if (phases.at(-1)?.phase !== p.phase) phases.push({ phase: p.phase, at: performance.now() });
  },
});
const ms = performance.now() - started;
// All threads' CPU time (the reader thread's too): steadier than the wall time when other work shares the cores.
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
await context.close();
const peakMb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
const phaseMs = Object.fromEntries(phases.map((p, i) => [p.phase, Math.round((phases[i + 1]?.at ?? started + ms) - p.at)]));
process.stdout.write(JSON.stringify({ ms, cpuMs, phaseMs, peakMb, status: report!.status, created: report!.created, errors: report!.errors.slice(0, 3) }));
