// Import speed and memory, each against a baseline measured in the same run.
//   npm run bench:import [-- --rows 1000000 --xlsx-rows 100000 --repeats 3 --reads 9 --cli-runs 5 --profile DIR]
// 1. CSV import against DuckDB's own read_csv of the same file (issue 3: within 4× read_csv, peak
//    under 1 GB), `--rows` attendance rows.
// 2. XLSX against CSV (issue 13: XLSX within 3× the CSV time, peak under 500 MB): `--xlsx-rows`
//    attendance rows as a workbook written the way Excel writes it and the same rows as Excel's CSV,
//    naming different activities; each import in a fresh process on the same installation (restored
//    before each), `--repeats` times each, alternating: import-once.ts on the sources (phases, peak
//    memory), and the built command as a person runs it; then the reading alone, in this process.
// 3. Whole-column drop-down lists (issue 13: within 1.2× the plain workbook): readTable of a two-row
//    workbook with and without them, `--reads` samples of several reads each, in this process.
// 4. The command line's fixed cost: `osl import <one-row file> --json` (built) against `node -e 0`.
// The machine is shared: every measure is repeated, with its spread and the load average; trust ratios.
// `--profile DIR` writes a CPU profile (node --cpu-prof) of each measured import into DIR.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { ImportService, readConfig } from '@osl/backend';
import { buildBackend } from '../../backend/scripts/build.ts';
import { closeReaderThread, readTable, readTableInThisThread } from '../../backend/src/import/parsing/table-reader.ts';
import { openInstallation, repositoryRoot, temporaryEnvironment } from '../support/installation.ts';
import { cpuMsOf, duration, loadAverage, median, peakRssMbOf, printTable, ratio, reportProcessUse, spread } from './bench-stats.ts';
import {
  activityId,
  attendanceRows,
  communities,
  dateOf,
  dropDownWorkbook,
  participantCode,
  participants,
  perActivity,
  polishDate,
  writeAttendanceCsv,
  writeAttendanceXlsx,
  writeWindows1250,
  type DropDowns,
} from './import-bench-files.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'xlsx-rows': { type: 'string', default: '100000' },
    repeats: { type: 'string', default: '3' },
    reads: { type: 'string', default: '9' },
    'cli-runs': { type: 'string', default: '5' },
    profile: { type: 'string' },
  },
});
const attendanceRowCount = Number(values.rows);
const xlsxRowCount = Number(values['xlsx-rows']);
const repeats = Math.max(1, Number(values.repeats));
const readSamples = Math.max(7, Number(values.reads));
const cliRuns = Math.max(5, Number(values['cli-runs']));
const profileDir = values.profile ? path.resolve(values.profile) : null;
const now = '2026-11-27T12:00:00Z';

// Activities: the first part's, then the CSV's and the workbook's of the second (different ones, so
// that neither import finds the other's rows stored), then one per one-row file of the fourth.
const mainActivities = Math.ceil(attendanceRowCount / perActivity);
const pairActivities = Math.ceil(xlsxRowCount / perActivity);
const csvFirstActivity = mainActivities;
const xlsxFirstActivity = csvFirstActivity + pairActivities;
const cliFirstActivity = xlsxFirstActivity + pairActivities;
const cliFiles = 2 * (cliRuns + 1); // a CSV and a workbook per run, and per warm-up run
const activities = cliFirstActivity + cliFiles;

// ------------------------------------------------------------------------------------------ set-up

const builtCli = path.join(repositoryRoot, 'backend', 'build', 'cli.js');
await ensureFreshBuild();

const environment = temporaryEnvironment(now);
const pristineDir = `${environment.dataDir}-pristine`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-bench-import-files-'));
console.log(`writing the files into ${dir}…`);

const registerFile = path.join(dir, 'rejestr.csv');
writeWindows1250(registerFile, [
  'Kod uczestnika;Społeczność;Płeć;Rok urodzenia',
  ...Array.from({ length: participants }, (_, i) => `${participantCode(i)};${communities[i % 3]};${i % 2 ? 'K' : 'M'};${1940 + (i % 60)}`),
]);
const logFile = path.join(dir, 'dziennik.csv');
writeWindows1250(logFile, [
  'ID działania;Data;Społeczność;Typ;Tytuł',
  ...Array.from({ length: activities }, (_, a) => `${activityId(a)};${polishDate(dateOf(a))};${communities[a % 3]};WARSZTAT;Warsztaty nr ${a}`),
]);
const attendanceFile = path.join(dir, 'obecnosci.csv');
writeAttendanceCsv(attendanceFile, attendanceRows(attendanceRowCount, 0), false);
const pairCsv = path.join(dir, 'obecnosci-csv.csv');
writeAttendanceCsv(pairCsv, attendanceRows(xlsxRowCount, csvFirstActivity));
const pairXlsx = path.join(dir, 'obecnosci-xlsx.xlsx');
await writeAttendanceXlsx(pairXlsx, attendanceRows(xlsxRowCount, xlsxFirstActivity));
const oneRowFiles: { csv: string; xlsx: string }[] = [];
for (let run = 0; run <= cliRuns; run += 1) {
  const csv = path.join(dir, `jeden-wiersz-${run}.csv`);
  const xlsx = path.join(dir, `jeden-wiersz-${run}.xlsx`);
  writeAttendanceCsv(csv, attendanceRows(1, cliFirstActivity + 2 * run));
  await writeAttendanceXlsx(xlsx, attendanceRows(1, cliFirstActivity + 2 * run + 1));
  oneRowFiles.push({ csv, xlsx });
}
const megabytes = (file: string) => fs.statSync(file).size / 1024 / 1024;

let started = performance.now();
const context = await openInstallation(environment);
const setup = await context.get(ImportService).importPaths([registerFile, logFile], { source: 'cli', importedBy: 'bench' });
if (setup.some((r) => r.status !== 'imported')) throw new Error(`setup import failed: ${JSON.stringify(setup.map((r) => r.errors.slice(0, 3)))}`);
const setupMs = performance.now() - started;
await context.close();
// Every measured import starts from this state: the register and the activities, no attendance.
fs.cpSync(environment.dataDir, pristineDir, { recursive: true });

function restoreInstallation(): void {
  fs.rmSync(environment.dataDir, { recursive: true, force: true });
  fs.cpSync(pristineDir, environment.dataDir, { recursive: true });
}

const limits = readConfig(environment).project.importLimits;
const childEnv: NodeJS.ProcessEnv = { ...process.env, OSL_DATA_DIR: environment.dataDir, OSL_NOW: now, DATABASE_URL: '' };

interface MeasuredImport {
  ms: number;
  /** CPU time of all the process's threads during the import. */
  cpuMs: number;
  phaseMs: Record<string, number>;
  peakMb: number;
  status: string;
  created: number;
  errors: unknown[];
}

/** One import in a fresh process (import-once.ts) on the installation as set up. */
function importOnce(file: string, label: string): MeasuredImport {
  restoreInstallation();
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', path.join(profileDir, label)] : [];
  const child = spawnSync(process.execPath, [...profile, '--import', 'tsx', path.join(import.meta.dirname, 'import-once.ts'), file], {
    env: childEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the measured import of ${path.basename(file)} failed: ${child.stderr}`);
  const measured = JSON.parse(child.stdout) as MeasuredImport;
  if (measured.status !== 'imported') throw new Error(`${path.basename(file)}: ${measured.status}: ${JSON.stringify(measured.errors)}`);
  return measured;
}

interface ProcessRun {
  ms: number;
  /** CPU time of all the process's threads, start to end. */
  cpuMs: number;
  peakMb: number;
  /** Rows the import stored (an import's). */
  created?: number;
}

/** A process run to its end: its wall time and peak memory; an import's must have stored `expectedRows`. */
function runToEnd(args: string[], expectedRows: number | null): ProcessRun {
  const at = performance.now();
  const child = spawnSync(process.execPath, ['--import', reportProcessUse, ...args], {
    cwd: repositoryRoot,
    env: childEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - at;
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed (${child.status}):\n${child.stdout.slice(-2000)}\n${child.stderr.slice(-2000)}`);
  if (expectedRows === null) return { ms, cpuMs: cpuMsOf(child.stderr), peakMb: peakRssMbOf(child.stderr) };
  const { files } = JSON.parse(child.stdout) as { files: { status: string; created: number }[] };
  if (files[0]?.status !== 'imported' || files[0].created !== expectedRows) throw new Error(`${args.join(' ')}: ${child.stdout.slice(0, 2000)}`);
  return { ms, cpuMs: cpuMsOf(child.stderr), peakMb: peakRssMbOf(child.stderr), created: files[0].created };
}

/** The same import as the built command runs it (`npm run osl -- import <file> --json`), on the installation as set up. */
function builtImport(file: string, rows: number): ProcessRun {
  restoreInstallation();
  return runToEnd([builtCli, 'import', file, '--json'], rows);
}

const row = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);
const phasesOf = (measured: MeasuredImport) =>
  Object.entries(measured.phaseMs)
    .filter(([phase]) => phase !== 'done')
    .map(([phase, ms]) => `${phase} ${duration(ms)}`)
    .join(', ');
const summary: string[] = [];

// ------------------------------------------------------------------------------------------ 1. CSV against read_csv

console.log(
  `\n1. CSV import against DuckDB read_csv: ${attendanceRowCount.toLocaleString('en')} attendance rows, ${megabytes(attendanceFile).toFixed(1)} MB, Windows-1250 ';'`,
);
console.log(`   ${loadAverage()}`);
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

const measured = importOnce(attendanceFile, 'csv-main');
row('setup (register + activities)', `${(setupMs / 1000).toFixed(2)} s (${participants} participants, ${activities} activities)`);
row('DuckDB read_csv (baseline)', `${(duckMs / 1000).toFixed(2)} s, ${duckRows.toLocaleString('en')} rows`);
row('OSL import (parse→validate→write)', `${(measured.ms / 1000).toFixed(2)} s, ${measured.created.toLocaleString('en')} rows stored`);
row('  by phase', phasesOf(measured));
row('ratio import / read_csv', `${(measured.ms / duckMs).toFixed(1)}x (goal ≤ 4x)`);
row('throughput', `${Math.round(attendanceRowCount / (measured.ms / 1000)).toLocaleString('en')} rows/s`);
row('peak RSS of the importing process', `${Math.round(measured.peakMb)} MB (goal < 1024 MB)`);
summary.push(
  `CSV import / DuckDB read_csv, ${attendanceRowCount.toLocaleString('en')} rows: ${(measured.ms / duckMs).toFixed(1)}× (goal ≤ 4×), peak ${Math.round(measured.peakMb)} MB (goal < 1024 MB)`,
);

// ------------------------------------------------------------------------------------------ 2. XLSX against CSV

console.log(
  `\n2. XLSX against CSV: ${xlsxRowCount.toLocaleString('en')} attendance rows each, ${repeats} import(s) of each, alternating, each in a fresh process on the same installation`,
);
console.log(
  `   workbook: exceljs streaming writer, shared strings, dates as serial numbers (dd.mm.yyyy), merged title row; ${megabytes(pairXlsx).toFixed(1)} MB`,
);
console.log(`   CSV: the same rows as Excel saves them (Windows-1250, ';', the title line too); ${megabytes(pairCsv).toFixed(1)} MB`);
console.log(`   ${loadAverage()} (before)`);
// The reader thread runs the TypeScript sources through tsx (as import-once.ts does): its first start
// here fills tsx's cache for the imports below; a second, warm read tells what the start costs them.
const warmUp = async () => {
  const at = performance.now();
  await readTable(dropDownWorkbook('none'), 'warm-up.xlsx', limits, 'attendance');
  return performance.now() - at;
};
await warmUp();
await closeReaderThread();
const threadStartMs = (await warmUp()) - (await warmUp());
const pairs: { csv: MeasuredImport; xlsx: MeasuredImport; builtCsv: ProcessRun; builtXlsx: ProcessRun }[] = [];
for (let repeat = 0; repeat < repeats; repeat += 1) {
  // Alternating which goes first, so that a drift of the machine's load weighs on both alike.
  const inTurn = <T>(csv: () => T, xlsx: () => T): { csv: T; xlsx: T } => {
    if (repeat % 2 === 0) {
      const first = csv();
      return { csv: first, xlsx: xlsx() };
    }
    const first = xlsx();
    return { csv: csv(), xlsx: first };
  };
  const once = inTurn(
    () => importOnce(pairCsv, `csv-${repeat}`),
    () => importOnce(pairXlsx, `xlsx-${repeat}`),
  );
  const built = inTurn(
    () => builtImport(pairCsv, xlsxRowCount),
    () => builtImport(pairXlsx, xlsxRowCount),
  );
  pairs.push({ ...once, builtCsv: built.csv, builtXlsx: built.xlsx });
  console.log(
    `   run ${repeat + 1}/${repeats}: import-once CSV ${duration(once.csv.ms)}, XLSX ${duration(once.xlsx.ms)}; built command CSV ${duration(built.csv.ms)}, XLSX ${duration(built.xlsx.ms)}`,
  );
}
const phaseNames = [...new Set(pairs.flatMap((pair) => [...Object.keys(pair.csv.phaseMs), ...Object.keys(pair.xlsx.phaseMs)]))].filter(
  (phase) => phase !== 'done',
);
const importRow = (label: string, runs: MeasuredImport[]) => [
  label,
  duration(median(runs.map((r) => r.ms))),
  spread(runs.map((r) => r.ms)),
  duration(median(runs.map((r) => r.cpuMs))),
  ...phaseNames.map((phase) => duration(median(runs.map((r) => r.phaseMs[phase] ?? 0)))),
  `${Math.round(median(runs.map((r) => r.peakMb)))} MB`,
  `${Math.round(Math.max(...runs.map((r) => r.peakMb)))} MB`,
  runs[0]!.created.toLocaleString('en'),
];
const builtRow = (label: string, runs: ProcessRun[]) => [
  label,
  duration(median(runs.map((r) => r.ms))),
  spread(runs.map((r) => r.ms)),
  duration(median(runs.map((r) => r.cpuMs))),
  ...phaseNames.map(() => ''),
  `${Math.round(median(runs.map((r) => r.peakMb)))} MB`,
  `${Math.round(Math.max(...runs.map((r) => r.peakMb)))} MB`,
  runs[0]!.created!.toLocaleString('en'),
];
const csvRuns = pairs.map((pair) => pair.csv);
const xlsxRuns = pairs.map((pair) => pair.xlsx);
const builtCsvRuns = pairs.map((pair) => pair.builtCsv);
const builtXlsxRuns = pairs.map((pair) => pair.builtXlsx);
console.log();
printTable(
  ['import', 'median', 'min–max', 'CPU (med.)', ...phaseNames.map((phase) => `${phase} (med.)`), 'peak RSS', 'max', 'rows stored'],
  [
    importRow('CSV, import-once (sources)', csvRuns),
    importRow('XLSX, import-once (sources)', xlsxRuns),
    builtRow('CSV, osl import (built, whole process)', builtCsvRuns),
    builtRow('XLSX, osl import (built, whole process)', builtXlsxRuns),
  ],
);
const pairRatios = pairs.map((pair) => pair.xlsx.ms / pair.csv.ms);
const xlsxRatio = median(xlsxRuns.map((r) => r.ms)) / median(csvRuns.map((r) => r.ms));
const readingRatio = median(xlsxRuns.map((r) => r.phaseMs.reading ?? 0)) / median(csvRuns.map((r) => r.phaseMs.reading ?? 0));
const xlsxPeak = Math.max(...xlsxRuns.map((r) => r.peakMb));
const cpuRatio = median(xlsxRuns.map((r) => r.cpuMs)) / median(csvRuns.map((r) => r.cpuMs));
console.log(
  `\n  XLSX / CSV: ${xlsxRatio.toFixed(2)}× (medians; run by run ${Math.min(...pairRatios).toFixed(2)}–${Math.max(...pairRatios).toFixed(2)}×; goal ≤ 3×); reading phase alone ${readingRatio.toFixed(2)}×; CPU time ${cpuRatio.toFixed(2)}×`,
);
const builtRatio = median(builtXlsxRuns.map((r) => r.ms)) / median(builtCsvRuns.map((r) => r.ms));
const builtPairRatios = pairs.map((pair) => pair.builtXlsx.ms / pair.builtCsv.ms);
const builtCpuRatio = median(builtXlsxRuns.map((r) => r.cpuMs)) / median(builtCsvRuns.map((r) => r.cpuMs));
console.log(
  `  the built command, start-up included: ${builtRatio.toFixed(2)}× (run by run ${Math.min(...builtPairRatios).toFixed(2)}–${Math.max(...builtPairRatios).toFixed(2)}×; CPU time ${builtCpuRatio.toFixed(2)}×); XLSX − CSV ${duration(median(builtXlsxRuns.map((r) => r.ms)) - median(builtCsvRuns.map((r) => r.ms)))}`,
);
console.log(`  of each XLSX import's reading phase, about ${duration(threadStartMs)} is the reader thread's start on the TypeScript sources (tsx)`);
// The reading alone, in this process: where an XLSX import's reading phase goes (the parse, or
// handing the rows over from the reader thread).
const readingRuns: Record<'CSV: readTable' | 'XLSX: parse in this thread' | 'XLSX: readTable (reader thread)', number[]> = {
  'CSV: readTable': [],
  'XLSX: parse in this thread': [],
  'XLSX: readTable (reader thread)': [],
};
const [pairCsvBytes, pairXlsxBytes] = [fs.readFileSync(pairCsv), fs.readFileSync(pairXlsx)];
const readings: Record<keyof typeof readingRuns, () => Promise<unknown>> = {
  'CSV: readTable': () => readTable(pairCsvBytes, 'obecnosci.csv', limits, 'attendance'),
  'XLSX: parse in this thread': async () => readTableInThisThread(pairXlsxBytes, 'obecnosci.xlsx', limits, 'attendance'),
  'XLSX: readTable (reader thread)': () => readTable(pairXlsxBytes, 'obecnosci.xlsx', limits, 'attendance'),
};
const reads = Math.max(5, repeats);
for (let repeat = 0; repeat <= reads; repeat += 1) {
  for (const [name, read] of Object.entries(readings)) {
    const at = performance.now();
    await read();
    if (repeat > 0) readingRuns[name as keyof typeof readingRuns].push(performance.now() - at); // the first warms up
  }
}
const csvReading = median(readingRuns['CSV: readTable']);
console.log(`\n  the reading alone, in this process (${reads} reads each, after one not counted):`);
printTable(
  ['read', 'median', 'min–max', '× CSV'],
  Object.entries(readingRuns).map(([name, runs]) => [name, duration(median(runs)), spread(runs), ratio(median(runs), csvReading)]),
);
const handOverMs = median(readingRuns['XLSX: readTable (reader thread)']) - median(readingRuns['XLSX: parse in this thread']);
console.log(
  handOverMs > 0
    ? `  handing the rows over from the reader thread (readTable − parse): about ${duration(handOverMs)} a read`
    : `  handing the rows over from the reader thread: lost in the noise (readTable − parse = ${duration(handOverMs)})`,
);
const builtXlsxPeak = Math.max(...builtXlsxRuns.map((r) => r.peakMb));
console.log(
  `\n  XLSX peak RSS: ${Math.round(xlsxPeak)} MB at most with import-once, ${Math.round(builtXlsxPeak)} MB with the built command (goal < 500 MB); CSV ${Math.round(Math.max(...csvRuns.map((r) => r.peakMb)))} MB, ${Math.round(Math.max(...builtCsvRuns.map((r) => r.peakMb)))} MB`,
);
console.log(`  ${loadAverage()} (after)`);
summary.push(
  `XLSX / CSV import, ${xlsxRowCount.toLocaleString('en')} rows: ${xlsxRatio.toFixed(2)}× (goal ≤ 3×; CPU time ${cpuRatio.toFixed(2)}×; built command ${builtRatio.toFixed(2)}×), XLSX peak ${Math.round(xlsxPeak)} MB (built command ${Math.round(builtXlsxPeak)} MB; goal < 500 MB)`,
);

// ------------------------------------------------------------------------------------------ 3. drop-down lists

const readsPerSample = 300;
console.log(`\n3. Whole-column drop-down lists: a workbook of a header and two rows, read by readTable in this process`);
console.log(`   ${readSamples} samples of ${readsPerSample} reads of each workbook, taking turns read by read; times are per read`);
console.log(`   ${loadAverage()} (before)`);
const workbooks: Record<DropDowns, Buffer> = {
  none: dropDownWorkbook('none'),
  'whole-columns': dropDownWorkbook('whole-columns'),
  'whole-sheet': dropDownWorkbook('whole-sheet'),
};
type ReadWay = 'readTable' | 'in this thread';
const readOnce: Record<ReadWay, (buffer: Buffer) => Promise<unknown>> = {
  // As the importer reads it: handed to the reader thread and back.
  readTable: (buffer) => readTable(buffer, 'obecnosci.xlsx', limits, 'attendance'),
  // The reading alone, without the hand-over.
  'in this thread': async (buffer) => readTableInThisThread(buffer, 'obecnosci.xlsx', limits, 'attendance'),
};
for (const [name, buffer] of Object.entries(workbooks)) {
  const table = readTableInThisThread(buffer, `${name}.xlsx`, limits, 'attendance');
  if (table.rows.length !== 3) throw new Error(`the ${name} workbook reads as ${table.rows.length} rows, not 3`);
}
// Within a sample the workbooks take turns read by read, so that whatever else runs on the machine
// weighs on each alike (a read takes under a millisecond: a sample is many); each sample gives each
// workbook's wall time and CPU time (all threads) a read.
const readSamplesMs = new Map<string, { wall: number[]; cpu: number[] }>();
for (const way of Object.keys(readOnce) as ReadWay[]) {
  for (const buffer of Object.values(workbooks)) for (let i = 0; i < readsPerSample; i += 1) await readOnce[way](buffer); // warm-up, not counted
  for (const name of Object.keys(workbooks)) readSamplesMs.set(`${way}|${name}`, { wall: [], cpu: [] });
  for (let sample = 0; sample < readSamples; sample += 1) {
    const totals = Object.fromEntries(Object.keys(workbooks).map((name) => [name, { wall: 0, cpu: 0 }]));
    const turns = Object.entries(workbooks);
    for (let i = 0; i < readsPerSample; i += 1) {
      // Each workbook first in turn: what a read leaves behind (the thread's or the collector's work) falls on each alike.
      for (const [name, buffer] of [...turns.slice(i % turns.length), ...turns.slice(0, i % turns.length)]) {
        const [at, cpuAt] = [performance.now(), process.cpuUsage()];
        await readOnce[way](buffer);
        const cpu = process.cpuUsage(cpuAt);
        totals[name]!.wall += performance.now() - at;
        totals[name]!.cpu += (cpu.user + cpu.system) / 1000;
      }
    }
    for (const [name, total] of Object.entries(totals)) {
      const samples = readSamplesMs.get(`${way}|${name}`)!;
      samples.wall.push(total.wall / readsPerSample);
      samples.cpu.push(total.cpu / readsPerSample);
    }
  }
}
await closeReaderThread();
const dropDownRows: string[][] = [];
for (const way of Object.keys(readOnce) as ReadWay[]) {
  const plain = readSamplesMs.get(`${way}|none`)!;
  for (const name of Object.keys(workbooks)) {
    const samples = readSamplesMs.get(`${way}|${name}`)!;
    dropDownRows.push([
      `${way}: ${name === 'none' ? 'no drop-down lists' : name}`,
      `${(workbooks[name as DropDowns].length / 1024).toFixed(1)} KB`,
      duration(median(samples.wall)),
      spread(samples.wall),
      duration(median(samples.cpu)),
      ratio(median(samples.wall), median(plain.wall)),
      ratio(median(samples.cpu), median(plain.cpu)),
    ]);
  }
}
console.log();
printTable(['read', 'file', 'median', 'min–max', 'CPU (med.)', '× plain', '× plain (CPU)'], dropDownRows);
const [withLists, withoutLists] = [readSamplesMs.get('readTable|whole-columns')!, readSamplesMs.get('readTable|none')!];
const dropDownRatio = median(withLists.wall) / median(withoutLists.wall);
const dropDownCpuRatio = median(withLists.cpu) / median(withoutLists.cpu);
console.log(`\n  whole-column drop-down lists / none (readTable): ${dropDownRatio.toFixed(2)}× (goal ≤ 1.2×); CPU time ${dropDownCpuRatio.toFixed(2)}×`);
console.log(`  ${loadAverage()} (after)`);
summary.push(
  `2-row workbook with whole-column drop-down lists / without: ${dropDownRatio.toFixed(2)}× (goal ≤ 1.2×; CPU time ${dropDownCpuRatio.toFixed(2)}×)`,
);

// ------------------------------------------------------------------------------------------ 4. the command's fixed cost

console.log(`\n4. The command line's fixed cost: osl import <one-row file> --json (${path.relative(repositoryRoot, builtCli)}) against node -e 0`);
console.log(`   ${cliRuns} runs each (one more before, not counted), alternating; each import a new one-row file, each imported`);
console.log(`   ${loadAverage()} (before)`);
restoreInstallation();
const startRuns: Record<'node -e 0' | 'osl import, one-row CSV' | 'osl import, one-row XLSX', ProcessRun[]> = {
  'node -e 0': [],
  'osl import, one-row CSV': [],
  'osl import, one-row XLSX': [],
};
for (let run = 0; run <= cliRuns; run += 1) {
  const results = {
    'node -e 0': runToEnd(['-e', '0'], null),
    'osl import, one-row CSV': runToEnd([builtCli, 'import', oneRowFiles[run]!.csv, '--json'], 1),
    'osl import, one-row XLSX': runToEnd([builtCli, 'import', oneRowFiles[run]!.xlsx, '--json'], 1),
  };
  if (run === 0) continue; // warms the file system cache
  for (const [name, result] of Object.entries(results)) startRuns[name as keyof typeof startRuns].push(result);
}
const nodeFloor = median(startRuns['node -e 0'].map((r) => r.ms));
console.log();
printTable(
  ['process', 'median', 'min–max', 'CPU (med.)', 'peak RSS', 'minus node -e 0'],
  Object.entries(startRuns).map(([name, runs]) => {
    const ms = median(runs.map((r) => r.ms));
    return [
      name,
      duration(ms),
      spread(runs.map((r) => r.ms)),
      duration(median(runs.map((r) => r.cpuMs))),
      `${Math.round(median(runs.map((r) => r.peakMb)))} MB`,
      name === 'node -e 0' ? '' : duration(ms - nodeFloor),
    ];
  }),
);
const cliCsv = median(startRuns['osl import, one-row CSV'].map((r) => r.ms));
const cliXlsx = median(startRuns['osl import, one-row XLSX'].map((r) => r.ms));
console.log(
  `\n  fixed cost of osl import: ${duration(cliCsv - nodeFloor)} for a CSV, ${duration(cliXlsx - nodeFloor)} for a workbook (its reader thread included), above node's own ${duration(nodeFloor)}`,
);
console.log(`  ${loadAverage()} (after)`);
summary.push(`osl import of a one-row file: ${duration(cliCsv)} CSV, ${duration(cliXlsx)} XLSX; node -e 0 ${duration(nodeFloor)}`);

console.log(`\nSummary (${loadAverage()}):`);
for (const line of summary) console.log(`  ${line}`);
if (profileDir) console.log(`  CPU profiles of the measured imports in ${profileDir}`);

fs.rmSync(environment.dataDir, { recursive: true, force: true });
fs.rmSync(pristineDir, { recursive: true, force: true });
fs.rmSync(dir, { recursive: true, force: true });

/** Builds backend/build/ when it is missing or older than a source it bundles: the command measured is what `npm run osl` runs. */
async function ensureFreshBuild(): Promise<void> {
  const worker = path.join(repositoryRoot, 'backend', 'build', 'table-reader.worker.js');
  const builtAt = fs.existsSync(builtCli) && fs.existsSync(worker) ? fs.statSync(builtCli).mtimeMs : 0;
  const sources = ['backend/src', 'data/src', 'pipelines/src', 'prisma/src'].map((folder) => path.join(repositoryRoot, folder));
  const stale = builtAt === 0 || sources.some((folder) => newestFile(folder) > builtAt);
  if (!stale) return;
  console.log(`building backend/build/ (${builtAt === 0 ? 'missing' : 'older than the sources'})…`);
  await buildBackend();
}

function newestFile(folder: string): number {
  if (!fs.existsSync(folder)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  return newest;
}
