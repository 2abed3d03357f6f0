// The auditor's suppression mask (backend/src/auth/auditor-disclosure.ts), measured, not tested:
//   npm run bench:auditor-mask [-- --repeats 7]
// It is computed on the server's event loop once per published run and import, so its time is
// time the whole server does not answer. Two inputs, each read from a real installation:
// (a) the demo data, as `npm start` loads them; (b) the shape of tests/integration/many-activities
// (1,500 activities in one month, 1,200 attendees, nearly every count 1 or 2).
// Beside the mask: building the table, and one audit (`recoverableCells`) of the final mask —
// the least any mask must cost, since the mask ends with a clean audit of the whole table.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ImportService, PipelineService, startServer } from '@osl/backend';
import { auditorDisclosureMask, buildDisclosureTable, recoverableCells, type DisclosureInput } from '../../backend/src/auth/auditor-disclosure.ts';
import { AuditorFiguresService } from '../../backend/src/services/auditor-figures.service.ts';
import { temporaryEnvironment, writeCsv } from '../support/installation.ts';

const { values } = parseArgs({ options: { repeats: { type: 'string', default: '7' } } });
const repeats = Math.max(1, Number(values.repeats));

const progress = (text: string) => process.stderr.write(`[bench:auditor-mask] ${text}\n`);
const row = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);

/** Median and spread (min–max) of `repeats` timings of `run`, in ms. */
function time(run: () => unknown): { median: number; min: number; max: number } {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, min: samples[0]!, max: samples[samples.length - 1]! };
}
const fmt = ({ median, min, max }: ReturnType<typeof time>) => `${median.toFixed(1)} ms (${min.toFixed(1)}–${max.toFixed(1)})`;

async function demoInput(): Promise<DisclosureInput> {
  const server = await startServer(temporaryEnvironment(undefined, { OSL_DASHBOARD_DIR: '', OSL_DEMO_PASSWORD: 'haslo-benchmarku-1' }), {
    demoIfEmpty: true,
    runPipeline: true,
  });
  try {
    return await server.app.get(AuditorFiguresService).disclosureInput();
  } finally {
    await server.close();
  }
}

/** The fixture of tests/integration/many-activities.test.ts. */
async function manyActivitiesInput(): Promise<DisclosureInput> {
  const environment = temporaryEnvironment('2022-07-02T10:00:00Z', { OSL_DASHBOARD_DIR: '' });
  const server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
  try {
    const code = (n: number) => `LAZ-${String(n).padStart(4, '0')}`;
    const activityId = (n: number) => `M${String(n).padStart(4, '0')}`;
    const register: (string | number)[][] = [['kod', 'spolecznosc', 'plec', 'rok_urodzenia']];
    for (let n = 1; n <= 1_200; n++) register.push([code(n), 'LAZ', n % 2 ? 'K' : 'M', 1940 + (n % 30)]);
    const log: (string | number)[][] = [['id', 'data', 'spolecznosc', 'typ', 'tytul']];
    for (let n = 1; n <= 1_500; n++) log.push([activityId(n), `${String(1 + (n % 31)).padStart(2, '0')}.03.2022`, 'LAZ', 'WARSZTAT', `Warsztat ${n}`]);
    const list: (string | number)[][] = [['id_dzialania', 'kod']];
    for (let n = 1; n <= 1_500; n++) list.push([activityId(n), code(1 + ((n - 1) % 1_200))]);
    const dir = path.join(environment.dataDir, 'fixtures');
    const files = [writeCsv(dir, 'rejestr.csv', register), writeCsv(dir, 'dziennik.csv', log), writeCsv(dir, 'lista.csv', list)];
    const reports = await server.app.get(ImportService).importPaths(files, { source: 'cli', importedBy: 'bench' });
    if (reports.some((r) => r.status !== 'imported')) throw new Error('fixture import failed');
    const run = await server.app.get(PipelineService).run('api', 'full');
    if (run.status !== 'succeeded') throw new Error(`fixture pipeline failed: ${run.error}`);
    return await server.app.get(AuditorFiguresService).disclosureInput();
  } finally {
    await server.close();
  }
}

for (const [name, build] of [
  ['demo data', demoInput],
  ['many activities (1,500 in a month)', manyActivitiesInput],
] as const) {
  progress(`${name}: installation`);
  const input = await build();
  progress(`${name}: measuring (${repeats} repeats)`);
  const table = buildDisclosureTable(input);
  const hidden = auditorDisclosureMask(input);
  const leaks = recoverableCells(table, hidden).size;
  console.log(`\n${name}: ${table.values.size} cells, ${table.relations.length} relations, ${hidden.size} hidden, ${leaks} pinned by the audit`);
  row('  mask (auditorDisclosureMask)', fmt(time(() => auditorDisclosureMask(input))));
  row('  floor: building the table', fmt(time(() => buildDisclosureTable(input))));
  row('  floor: one audit of the final mask', fmt(time(() => recoverableCells(table, hidden))));
}
