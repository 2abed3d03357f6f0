/**
 * The forecasts' back-test (issue 16; pipelines/README-forecast.md): forecasts made at every
 * month-end of 2022 and 2023 for every indicator and scope, against the values the year (and, from
 * 2022, the project) ended with: mean absolute error (in the indicator's unit and as a share of the
 * target), how often the 80% interval held the final value, and the Brier score of the probability
 * of reaching the target; by kind of indicator and by months ahead.
 *
 *   npm run backtest:forecast [-- --communities 200] [--seed 16] [--demo-dir DIR] [--no-demo] [--settings JSON]
 *
 * (a) The demo history: the month-end values computed by the pipeline's own code
 *     (computeIndicatorMonthValues) on the facts of the demo's published analytics file. With
 *     --demo-dir (or OSL_DATA_DIR) an existing installation is read; otherwise the demo is built into
 *     a temporary folder (`osl demo`, which needs `npm run build -w @osl/backend`).
 * (b) Simulated communities (forecast-backtest.ts, simulateForecastCommunities), seeded.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadConfig, resolveConfigDir, type OslConfig } from '@osl/data';
import { DEFAULT_FORECAST_SETTINGS, type ForecastSettings } from '../src/indicators/forecast.ts';
import {
  backtestSeries,
  monthsAheadBucket,
  simulateForecastCommunities,
  summariseBacktest,
  type BacktestRecord,
  type BacktestSummary,
  type MonthSeries,
} from '../src/indicators/forecast-backtest.ts';
import { computeIndicatorMonthValues } from '../src/indicators/month-values.ts';
import { targetPathOf } from '../src/indicators/period-window.ts';

const { values: args } = parseArgs({
  options: {
    communities: { type: 'string', default: '200' },
    seed: { type: 'string', default: '16' },
    'demo-dir': { type: 'string' },
    'no-demo': { type: 'boolean', default: false },
    settings: { type: 'string' },
  },
});
const settings: ForecastSettings = { ...DEFAULT_FORECAST_SETTINGS, ...(args.settings ? (JSON.parse(args.settings) as Partial<ForecastSettings>) : {}) };
const originMonths = [2022, 2023].flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`));
const repositoryRoot = path.resolve(import.meta.dirname, '../..');

/** The demo's month-end values per indicator and scope, with the configured targets. */
async function demoSeries(dataDir: string): Promise<{ config: OslConfig; series: MonthSeries[] }> {
  const config = loadConfig(resolveConfigDir(dataDir));
  const analyticsDir = path.join(dataDir, 'analytics');
  const current = JSON.parse(fs.readFileSync(path.join(analyticsDir, 'CURRENT.json'), 'utf8')) as { file: string };
  const instance = await DuckDBInstance.create(path.join(analyticsDir, current.file), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const rows = await computeIndicatorMonthValues(connection, config, config.project.periodEnd);
    const series: MonthSeries[] = [];
    for (const indicator of config.indicators) {
      for (const scope of ['ALL', ...config.communities.map((c) => c.code)]) {
        const months = rows
          .filter((r) => r.code === indicator.code && r.community === scope)
          .map((r) => ({ month: r.month, value: r.value, answers: r.answers }))
          .sort((a, b) => a.month.localeCompare(b.month));
        series.push({
          code: indicator.code,
          scope,
          unit: indicator.unit,
          cumulative: indicator.cumulative,
          months,
          targets: targetPathOf(indicator, scope).targets,
        });
      }
    }
    return { config, series };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function buildDemo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-forecast-demo-'));
  const cli = path.join(repositoryRoot, 'backend/build/cli.js');
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: npm run build -w @osl/backend first, or pass --demo-dir`);
  process.stderr.write(`[backtest:forecast] building the demo in ${dir}\n`);
  const result = spawnSync(process.execPath, [cli, 'demo'], { env: { ...process.env, OSL_DATA_DIR: dir }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`osl demo failed:\n${result.stderr}`);
  return dir;
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
function printTable(title: string, rows: BacktestSummary[]): void {
  console.log(`\n${title}`);
  console.log(`${'group'.padEnd(26)} ${'n'.padStart(6)} ${'MAE'.padStart(9)} ${'MAE/target'.padStart(10)} ${'80% held'.padStart(9)} ${'Brier'.padStart(6)}`);
  for (const r of rows) {
    console.log(
      `${r.group.padEnd(26)} ${String(r.forecasts).padStart(6)} ${r.meanAbsoluteError.toFixed(2).padStart(9)} ${(r.meanAbsoluteErrorOfTarget === null ? '–' : percent(r.meanAbsoluteErrorOfTarget)).padStart(10)} ${percent(r.coverage).padStart(9)} ${(r.brier === null ? '–' : r.brier.toFixed(3)).padStart(6)}`,
    );
  }
}

function report(name: string, records: BacktestRecord[]): void {
  const year = records.filter((r) => r.horizon === 'year');
  printTable(
    `${name}: year-end forecasts by kind of indicator`,
    summariseBacktest(year, (r) => r.kind),
  );
  printTable(
    `${name}: year-end forecasts by months ahead`,
    summariseBacktest(year, (r) => monthsAheadBucket(r.monthsAhead)),
  );
  printTable(
    `${name}: year-end forecasts by indicator`,
    summariseBacktest(year, (r) => r.code),
  );
  printTable(
    `${name}: project-end forecasts (made in 2022) by months ahead`,
    summariseBacktest(
      records.filter((r) => r.horizon === 'project'),
      (r) => monthsAheadBucket(r.monthsAhead),
    ),
  );
}

async function main(): Promise<void> {
  console.log(`Forecast back-test: forecasts at every month-end of 2022 and 2023; settings ${JSON.stringify(settings)}`);
  const communities = Number(args.communities);
  const seed = Number(args.seed);
  const simulated = simulateForecastCommunities(communities, seed);
  const simulatedProject = { periodStart: '2021-01-01', periodEnd: '2023-12-31' };
  const simulatedRecords = simulated.flatMap((s) => backtestSeries(s, originMonths, simulatedProject, settings));
  report(`Simulated (${communities} communities, seed ${seed})`, simulatedRecords);

  if (!args['no-demo']) {
    const dataDir = args['demo-dir'] ?? process.env.OSL_DATA_DIR ?? buildDemo();
    const { config, series } = await demoSeries(dataDir);
    const demoRecords = series.flatMap((s) => backtestSeries(s, originMonths, config.project, settings));
    report(`Demo (${dataDir}; ${config.communities.length} communities and ALL)`, demoRecords);
  }
}

await main();
