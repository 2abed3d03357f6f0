// Import throughput against DuckDB's own read_csv of the same file, measured in the same run.
//   npm run bench:import [-- --rows 1000000]
// Prints both times, their ratio, rows/s and the process's peak memory. Goal (issue 3): the full
// import (parse, validate, match, write with provenance) within 4x read_csv, peak under 1 GB.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import { ImportService } from '@osl/backend';
import { openInstallation, temporaryEnvironment } from '../support/installation.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const attendanceRows = Number(values.rows);
const perActivity = 20;
const activities = Math.ceil(attendanceRows / perActivity);
const participants = 20_000;
const communities = ['WZG', 'OST', 'LAZ'];

function dateOf(activity: number): { iso: string; polish: string } {
  const day = new Date(Date.UTC(2021, 0, 1) + (activity % 1_000) * 86_400_000);
  const iso = day.toISOString().slice(0, 10);
  return { iso, polish: `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` };
}

function writeWindows1250(file: string, lines: string[]): void {
  fs.writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'windows-1250'));
}

const environment = temporaryEnvironment('2026-11-27T12:00:00Z');
const dir = path.join(environment.dataDir, 'bench');
fs.mkdirSync(dir, { recursive: true });
const context = await openInstallation(environment);
const importer = context.get(ImportService);

const registerFile = path.join(dir, 'rejestr.csv');
writeWindows1250(registerFile, [
  'Kod uczestnika;Społeczność;Płeć;Rok urodzenia',
  ...Array.from({ length: participants }, (_, i) => `U-${String(i).padStart(6, '0')};${communities[i % 3]};${i % 2 ? 'K' : 'M'};${1940 + (i % 60)}`),
]);
const logFile = path.join(dir, 'dziennik.csv');
writeWindows1250(logFile, [
  'ID działania;Data;Społeczność;Typ;Tytuł',
  ...Array.from({ length: activities }, (_, a) => `D-${String(a).padStart(7, '0')};${dateOf(a).polish};${communities[a % 3]};WARSZTAT;Warsztaty nr ${a}`),
]);
const attendanceFile = path.join(dir, 'obecnosci.csv');
const lines = ['ID działania;Kod uczestnika;Data'];
for (let n = 0; n < attendanceRows; n += 1) {
  const a = Math.floor(n / perActivity);
  const p = (a * 7 + (n % perActivity) * 997) % participants;
  lines.push(`D-${String(a).padStart(7, '0')};U-${String(p).padStart(6, '0')};${dateOf(a).polish}`);
}
writeWindows1250(attendanceFile, lines);
const megabytes = fs.statSync(attendanceFile).size / 1024 / 1024;

let started = performance.now();
const setup = await importer.importPaths([registerFile, logFile], { source: 'cli', importedBy: 'bench' });
if (setup.some((r) => r.status !== 'imported')) throw new Error(`setup import failed: ${JSON.stringify(setup.map((r) => r.errors.slice(0, 3)))}`);
const setupMs = performance.now() - started;

// DuckDB's own reader on the same file: parse and materialise the rows (the file is cp1250;
// its data bytes are ASCII, so latin-1 reads them identically).
const duck = await DuckDBInstance.create(':memory:');
const connection = await duck.connect();
started = performance.now();
await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv('${attendanceFile}', delim = ';', header = true, encoding = 'latin-1')`);
const duckMs = performance.now() - started;
const duckRows = Number((await connection.runAndReadAll('SELECT count(*) AS n FROM t')).getRowObjectsJS()[0]!.n);
connection.closeSync();
duck.closeSync();

await context.close();
const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'import-once.ts'), attendanceFile], {
  env: { ...process.env, OSL_DATA_DIR: environment.dataDir, OSL_NOW: '2026-11-27T12:00:00Z', DATABASE_URL: '' },
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (child.status !== 0) throw new Error(`the measured import failed: ${child.stderr}`);
const measured = JSON.parse(child.stdout) as {
  ms: number;
  phaseMs: Record<string, number>;
  peakMb: number;
  status: string;
  created: number;
  errors: unknown[];
};
if (measured.status !== 'imported') throw new Error(`attendance import ${measured.status}: ${JSON.stringify(measured.errors)}`);
const importMs = measured.ms;
const phaseMs = Object.entries(measured.phaseMs)
  .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(2)} s`)
  .join(', ');

const row = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);
console.log(`\nImport benchmark: ${attendanceRows.toLocaleString('en')} attendance rows, ${megabytes.toFixed(1)} MB, Windows-1250 ';'`);
row('setup (register + activities)', `${(setupMs / 1000).toFixed(2)} s (${participants} participants, ${activities} activities)`);
row('DuckDB read_csv (baseline)', `${(duckMs / 1000).toFixed(2)} s, ${duckRows.toLocaleString('en')} rows`);
row('OSL import (parse→validate→write)', `${(importMs / 1000).toFixed(2)} s, ${measured.created.toLocaleString('en')} rows stored`);
row('  by phase', phaseMs);
row('ratio import / read_csv', `${(importMs / duckMs).toFixed(1)}x (goal ≤ 4x)`);
row('throughput', `${Math.round(attendanceRows / (importMs / 1000)).toLocaleString('en')} rows/s`);
row('peak RSS of the importing process', `${Math.round(measured.peakMb)} MB (goal < 1024 MB)`);
fs.rmSync(environment.dataDir, { recursive: true, force: true });
