// Reporting periods' cost (issue 15, "Speed"), each beside the plain run of the same benchmark:
//   npm run bench:periods [-- --rows 10000000 --communities 1000 --repeat 2]
// On one generated history: full rebuilds and an incremental run after one more day, without
// periods and with six half-year periods (goal: < 15% more each); closing a period when the
// published analytics hold the data now and when a build of its own is needed, and the figures
// "as of" a past moment (goal ≤ 1.2× a full rebuild); what a closed period adds to storage.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readEnvironment } from '@osl/backend';
import { ConfigurationService } from '../../backend/src/services/configuration.service.ts';
import { PipelineService } from '../../backend/src/services/pipeline.service.ts';
import { PeriodsService } from '../../backend/src/services/periods.service.ts';
import { PeriodRepository } from '../../backend/src/repositories/period.repository.ts';
import { DatabaseRepository } from '../../backend/src/repositories/database.repository.ts';
import { openInstallation, temporaryEnvironment } from '../support/installation.ts';
import { duration, loadAverage, median, printTable, ratio, spread } from './bench-stats.ts';
import { addDay, generateHistory, writeBenchConfig } from './pipeline-history.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    communities: { type: 'string', default: '1000' },
    repeat: { type: 'string', default: '2' },
  },
});
const rows = Number(values.rows);
const communities = Number(values.communities);
const repeat = Number(values.repeat);
if (![rows, communities, repeat].every((n) => Number.isInteger(n) && n > 0)) throw new Error('--rows, --communities and --repeat must be positive integers');
const progress = (text: string) => process.stderr.write(`[bench:periods] ${text}\n`);

const periods = [
  { name: 'WNP 1', from: '2021-01-01', to: '2021-06-30' },
  { name: 'WNP 2', from: '2021-07-01', to: '2021-12-31' },
  { name: 'WNP 3', from: '2022-01-01', to: '2022-06-30' },
  { name: 'WNP 4', from: '2022-07-01', to: '2022-12-31' },
  { name: 'WNP 5', from: '2023-01-01', to: '2023-06-30' },
  { name: 'WNP 6', from: '2023-07-01', to: '2023-11-30' },
];

const base = temporaryEnvironment('2026-11-27T12:00:00Z');
writeBenchConfig(base.dataDir, communities);
const environment = readEnvironment(base.env);
const databaseFile = path.join(environment.dataDir, 'osl.db');
const director = { actor: 'bench', address: null, protectedView: false };
// The database with its write-ahead log (a closing's rows may not be checkpointed yet).
const storedBytes = () => [databaseFile, `${databaseFile}-wal`].reduce((sum, file) => sum + (fs.existsSync(file) ? fs.statSync(file).size : 0), 0);

progress(`installation in ${environment.dataDir}`);
const context = await openInstallation(environment);
const pipeline = context.get(PipelineService);
const timed = async (label: string, work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  progress(`${label}: ${duration(ms)}`);
  return ms;
};
const run = async (mode: 'full' | 'incremental') => {
  const report = await pipeline.run('cli', mode);
  if (report.status !== 'succeeded' || report.mode !== mode) throw new Error(`${mode} run: ${report.status} ${report.mode} ${report.error ?? ''}`);
};

try {
  progress(`generating ${rows.toLocaleString('en')} attendance rows over ${communities} communities`);
  generateHistory(databaseFile, rows, communities);

  const plainFull: number[] = [];
  for (let i = 0; i < repeat; i += 1) plainFull.push(await timed('full rebuild, no periods', () => run('full')));
  addDay(databaseFile, Math.max(30, Math.round(rows / 1000)), communities, '2023-12-30');
  const plainIncremental = await timed('incremental, no periods', () => run('incremental'));

  for (const period of periods) await context.get(PeriodRepository).create(period, { actor: 'bench', address: null });
  await context.get(ConfigurationService).refresh();
  const periodFull: number[] = [];
  for (let i = 0; i < repeat; i += 1) periodFull.push(await timed('full rebuild, six periods', () => run('full')));
  addDay(databaseFile, Math.max(30, Math.round(rows / 1000)), communities, '2023-12-31');
  const periodIncremental = await timed('incremental, six periods', () => run('incremental'));

  const service = context.get(PeriodsService);
  const list = await service.list();
  const beforeClose = storedBytes();
  const closePublished = await timed('close (published analytics current)', () => service.close(list[2]!.id, director));
  const moment = new Date();
  addDay(databaseFile, 30, communities, '2023-12-29');
  const closeBuilt = await timed('close (a build of its own)', () => service.close(list[3]!.id, director));
  const asOf = await timed('figures as of a past moment', () => service.figuresAt(list[2]!.id, moment, director));
  const versions = await context.get(DatabaseRepository).client.periodVersion.findMany({ select: { frozen: true } });
  const frozenBytes = versions.map((v) => Buffer.byteLength(v.frozen, 'utf8'));
  const afterClose = storedBytes();

  const full = median(plainFull);
  console.log(
    `\nbench:periods  ${rows.toLocaleString('en')} attendance rows, ${communities} communities, ${repeat}× each full rebuild; load ${loadAverage()}\n`,
  );
  printTable(
    ['measure', 'plain', 'with six periods', 'ratio'],
    [
      [
        'full rebuild (median, spread)',
        `${duration(full)} (${spread(plainFull)})`,
        `${duration(median(periodFull))} (${spread(periodFull)})`,
        ratio(median(periodFull), full),
      ],
      ['incremental after one day', duration(plainIncremental), duration(periodIncremental), ratio(periodIncremental, plainIncremental)],
      ['close, published analytics current', '', duration(closePublished), `${ratio(closePublished, full)} of a plain full rebuild`],
      ['close, a build of its own', '', duration(closeBuilt), `${ratio(closeBuilt, full)} of a plain full rebuild`],
      ['figures as of a past moment', '', duration(asOf), `${ratio(asOf, full)} of a plain full rebuild`],
      [
        'one closed period (frozen JSON)',
        '',
        `${(median(frozenBytes) / 1024).toFixed(0)} KB`,
        `database and its log +${((afterClose - beforeClose) / 1024).toFixed(0)} KB for two closings (and a day of rows)`,
      ],
    ],
  );
  console.log('\ngoals: periods add < 15% to a full rebuild and to an incremental run; close and "as of" ≤ 1.2× a full rebuild');
} finally {
  await context.close();
}
