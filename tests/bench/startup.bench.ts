// Start-up time of a read command and of the server, against floors measured in the same run.
//   npm run bench:startup [-- --runs 7]
// On a demo installation made once in a temporary OSL_DATA_DIR: `osl indicators --json` and the
// server until GET /api/health answers (what `npm start` runs once its build is cached), each as
// built JavaScript (what npm start / npm run osl run) and from the sources through tsx (as before
// issue 12); floors: bare node, and node with only the Prisma client (one query) or only DuckDB
// (one query on the published analytics file). Prints median, min–max and peak RSS of each run,
// and ratios. Goals (issue 12): a read command < 1 s, the server answering < 5 s.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bundleEntryPoints } from '../../backend/scripts/build.ts';
import { repositoryRoot } from '../support/installation.ts';
import { peakRssMbOf, reportProcessUse } from './bench-stats.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Math.max(1, Number(values.runs));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-bench-startup-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  OSL_DATA_DIR: dataDir,
  OSL_NOW: '2026-11-27T12:00:00Z',
  DATABASE_URL: '',
  OSL_DEMO_PASSWORD: 'bench-startup-password',
};
const builtDir = path.join(repositoryRoot, 'backend', 'build');
// Inside the repository (ignored build/ folder): the floors' imports resolve from its node_modules.
const floorsDir = path.join(repositoryRoot, 'tests', 'build', 'startup-floors');

// Every measured process reports its peak resident memory as it ends (reportProcessUse).
interface Sample {
  ms: number;
  peakKb: number;
}

/** One process run to its end. */
function runToEnd(args: string[]): Sample {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', reportProcessUse, ...args], {
    cwd: repositoryRoot,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed (${child.status}):\n${child.stderr.slice(-2000)}`);
  return { ms, peakKb: peakRssMbOf(child.stderr) * 1024 };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A server from its start until GET /api/health answers 200; then stopped (SIGTERM) for its peak memory. */
async function serverUntilHealthy(args: string[]): Promise<Sample> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', reportProcessUse, ...args], {
    cwd: repositoryRoot,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let ms: number;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} ended before answering:\n${stderr.slice(-2000)}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      await response.arrayBuffer();
      if (response.ok) {
        ms = performance.now() - started;
        break;
      }
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} did not answer within 120 s:\n${stderr.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGTERM');
  await exited;
  return { ms, peakKb: peakRssMbOf(stderr) * 1024 };
}

async function measure(name: string, once: () => Sample | Promise<Sample>): Promise<{ name: string; samples: Sample[] }> {
  await once(); // warm the file system cache; not counted
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await once());
  return { name, samples };
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

// The code measured: the backend's build as `npm run build` makes it, and two floor programs bundled the same way.
console.log('building backend/build/ and the floor programs…');
const build = spawnSync(process.execPath, ['--import', 'tsx', path.join(repositoryRoot, 'backend', 'scripts', 'build.ts')], {
  cwd: repositoryRoot,
  encoding: 'utf8',
});
if (build.status !== 0) throw new Error(`backend build failed:\n${build.stderr}`);
await bundleEntryPoints(
  { 'prisma-floor': path.join(import.meta.dirname, 'startup-floor-prisma.ts'), 'duckdb-floor': path.join(import.meta.dirname, 'startup-floor-duckdb.ts') },
  floorsDir,
);

console.log(`demo installation in ${dataDir}…`);
const demo = spawnSync(process.execPath, [path.join(builtDir, 'cli.js'), 'demo', '--json'], {
  cwd: repositoryRoot,
  env,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (demo.status !== 0) throw new Error(`demo installation failed:\n${demo.stderr.slice(-2000)}`);

console.log(`measuring, ${runs} runs each (one more before, not counted)…\n`);
const cliArgs = ['indicators', '--json'];
const results = [
  await measure('node -e 0', () => runToEnd(['-e', '0'])),
  await measure('node + Prisma client, one query', () => runToEnd([path.join(floorsDir, 'prisma-floor.js')])),
  await measure('node + DuckDB, one query', () => runToEnd([path.join(floorsDir, 'duckdb-floor.js')])),
  await measure('osl indicators --json (built)', () => runToEnd([path.join(builtDir, 'cli.js'), ...cliArgs])),
  await measure('osl indicators --json (tsx, sources)', () =>
    runToEnd(['--import', 'tsx', path.join(repositoryRoot, 'backend', 'src', 'cli', 'main.ts'), ...cliArgs]),
  ),
  await measure('server until /api/health (built)', () => serverUntilHealthy([path.join(builtDir, 'main.js')])),
  await measure('server until /api/health (tsx, sources)', () =>
    serverUntilHealthy(['--import', 'tsx', path.join(repositoryRoot, 'backend', 'src', 'main.ts')]),
  ),
];

const floor = median(results[0]!.samples.map((s) => s.ms));
const byName = new Map(results.map((r) => [r.name, median(r.samples.map((s) => s.ms))]));
console.log(`${'what'.padEnd(42)} ${'median'.padStart(8)} ${'min–max'.padStart(15)} ${'peak RSS'.padStart(16)} ${'× node'.padStart(7)}`);
for (const { name, samples } of results) {
  const ms = samples.map((s) => s.ms);
  const mb = samples.map((s) => s.peakKb / 1024);
  console.log(
    `${name.padEnd(42)} ${`${Math.round(median(ms))} ms`.padStart(8)} ${`${Math.round(Math.min(...ms))}–${Math.round(Math.max(...ms))} ms`.padStart(15)} ${`${Math.round(median(mb))} MB (≤ ${Math.round(Math.max(...mb))})`.padStart(16)} ${(median(ms) / floor).toFixed(1).padStart(7)}`,
  );
}
const ratio = (a: string, b: string) => (byName.get(a)! / byName.get(b)!).toFixed(2);
console.log(`
read command: built ${Math.round(byName.get('osl indicators --json (built)')!)} ms (goal < 1000 ms); tsx/built ${ratio('osl indicators --json (tsx, sources)', 'osl indicators --json (built)')}; built/(Prisma floor + DuckDB floor) ${(byName.get('osl indicators --json (built)')! / (byName.get('node + Prisma client, one query')! + byName.get('node + DuckDB, one query')!)).toFixed(2)}
server answering: built ${Math.round(byName.get('server until /api/health (built)')!)} ms (goal < 5000 ms; includes the start-up pipeline run); tsx/built ${ratio('server until /api/health (tsx, sources)', 'server until /api/health (built)')}
load average while measuring: ${os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ')} on ${os.cpus().length} cores`);

fs.rmSync(dataDir, { recursive: true, force: true });
fs.rmSync(floorsDir, { recursive: true, force: true });
