// Dashboard budgets (issue 6, "Quality"), measured, not tested:
//   npm run bench:dashboard [-- --rows 10000000 --communities 1000 --loads 5] [-- --browser-only]
// 1. On the demo data, the built dashboard in headless Chromium at 1366×768, signed in as the director:
//    time to the first chart's first frame on screen and to all charts finished (budget 1.0 s), against loading the bare
//    index page in the same run (goal ≤ 2×); whether that first chart is whole on screen without scrolling;
//    each page of the navigation to its first meaningful paint (heading shown, nothing loading) against the same
//    bare page; JavaScript of the first load, gzipped (budget 350 KB).
// 2. On a generated history of `--rows` attendance rows: the server time of the overview page's
//    API calls together (budget 100 ms), against DuckDB running the same queries directly.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { PipelineService, readEnvironment, startServer, UsersService } from '@osl/backend';
import { launchChromium } from '../support/browser.ts';
import { repositoryRoot, temporaryEnvironment } from '../support/installation.ts';
import { generateHistory, writeBenchConfig } from './pipeline-history.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    communities: { type: 'string', default: '1000' },
    loads: { type: 'string', default: '5' },
    'browser-only': { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const communities = Number(values.communities);
const loads = Number(values.loads);
const password = 'haslo-benchmarku-1';
const budgets = { firstChartMs: 1000, javascriptKb: 350, overviewApiMs: 100, firstChartToBarePage: 2 };
const viewport = { width: 1366, height: 768 };

const row = (label: string, value: string) => console.log(`${label.padEnd(52)} ${value}`);
const progress = (text: string) => process.stderr.write(`[bench:dashboard] ${text}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;
const dashboardDir = path.join(repositoryRoot, 'dashboard', 'build');
if (!fs.existsSync(path.join(dashboardDir, 'index.html'))) throw new Error('build the dashboard first: npm run build');

async function signInCookie(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0].split('=')[1];
}

// ---------------------------------------------------------------- 1. the browser, demo data
progress('demo installation');
const demo = await startServer(temporaryEnvironment(undefined, { OSL_DEMO_PASSWORD: password, OSL_DASHBOARD_DIR: dashboardDir }), {
  demoIfEmpty: true,
  runPipeline: true,
});
const browser = await launchChromium();
const firstChart: number[] = [];
const allCharts: number[] = [];
const bareIndex: number[] = [];
let javascriptGzip = 0;
let javascriptRaw = 0;
// Where the first chart sits on the first screen: its top and bottom edges, in CSS pixels.
let firstChartBox: { top: number; bottom: number } | null = null;
const pagePaint = new Map<string, number[]>();
try {
  const token = await signInCookie(demo.url, 'dyrektor@demo.osl');
  for (let i = 0; i < loads + 1; i++) {
    const context = await browser.newContext({ viewport });
    await context.addCookies([{ name: 'osl_session', value: token, url: demo.url }]);
    const page = await context.newPage();
    const scripts: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body());
    });
    await page.goto(demo.url);
    // The wrapper stamps each chart's first frame on screen (data-painted, in the page's clock).
    const first = Number(
      await (
        await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-painted]')?.dataset.painted ?? false, undefined, {
          polling: 10,
          timeout: 30_000,
        })
      ).jsonValue(),
    );
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-rendered]')].every((c) => (c as HTMLElement).dataset.rendered === 'true'),
      undefined,
      { polling: 10 },
    );
    const all = await page.evaluate(() => performance.now());
    // The first load warms the server's caches and the file system: not counted.
    if (i > 0) {
      firstChart.push(first);
      allCharts.push(all);
    } else {
      const bodies = await Promise.all(scripts);
      javascriptRaw = bodies.reduce((sum, b) => sum + b.length, 0);
      javascriptGzip = bodies.reduce((sum, b) => sum + gzipSync(b).length, 0);
    }
    page.removeAllListeners('response');
    firstChartBox ??= await page.evaluate(() => {
      const box = document.querySelector('[data-painted]')?.getBoundingClientRect();
      return box ? { top: box.top, bottom: box.bottom } : null;
    });
    // Every page of the navigation, opened afresh (a new document, as from a bookmark).
    const pageLinks = await page.$$eval('nav a[data-testid^="nav-"]', (links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    for (const pathname of [...new Set(pageLinks)]) {
      await page.goto(`${demo.url}${pathname}`);
      const painted = Number(
        await (
          await page.waitForFunction(
            () => (document.querySelector('main h1') && !document.querySelector('[data-testid="loading"]') ? performance.now() : false),
            undefined,
            { polling: 10, timeout: 30_000 },
          )
        ).jsonValue(),
      );
      if (i > 0) pagePaint.set(pathname, [...(pagePaint.get(pathname) ?? []), painted]);
    }
    await context.close();
    const bare = await browser.newPage({ viewport });
    await bare.route('**/*.js', (route) => route.abort());
    await bare.goto(demo.url, { waitUntil: 'load' });
    if (i > 0) bareIndex.push(await bare.evaluate(() => performance.now()));
    await bare.close();
  }
} finally {
  await browser.close();
  await demo.close();
}

const bareMs = median(bareIndex);
const firstChartMs = median(firstChart);
console.log('\nDashboard budgets (medians of', loads, 'loads after a warm-up, 1366×768)\n');
row('first chart on screen (demo data, director)', `${ms(firstChartMs)} = ${(firstChartMs / budgets.firstChartMs).toFixed(2)}× the 1.0 s budget`);
row('all charts drawn, entry animations finished', ms(median(allCharts)));
row('baseline: the bare index page, no JavaScript', `${ms(bareMs)} (spread ${ms(Math.min(...bareIndex))}–${ms(Math.max(...bareIndex))})`);
row('first chart against the bare page', `${(firstChartMs / bareMs).toFixed(2)}× (goal ≤ ${budgets.firstChartToBarePage}×)`);
row(
  'first chart whole without scrolling at 1366×768',
  firstChartBox
    ? `${firstChartBox.bottom <= viewport.height ? 'yes' : 'no'} (from ${firstChartBox.top.toFixed(0)} to ${firstChartBox.bottom.toFixed(0)} px)`
    : 'no chart',
);
row(
  'JavaScript of the first load, gzipped',
  `${(javascriptGzip / 1024).toFixed(0)} KB = ${(javascriptGzip / 1024 / budgets.javascriptKb).toFixed(2)}× the 350 KB budget (${(javascriptRaw / 1024).toFixed(0)} KB raw)`,
);
console.log('\nEach page opened afresh to its first meaningful paint (heading shown, nothing loading)\n');
for (const [pathname, times] of pagePaint) {
  row(`  ${pathname}`, `${ms(median(times))} (${ms(Math.min(...times))}–${ms(Math.max(...times))}) = ${(median(times) / bareMs).toFixed(2)}× the bare page`);
}
if (values['browser-only']) process.exit(0);

// ---------------------------------------------------------------- 2. the API at `rows` attendances
const base = temporaryEnvironment('2026-11-27T12:00:00Z', { OSL_DASHBOARD_DIR: '' });
writeBenchConfig(base.dataDir, communities);
const environment = readEnvironment(base.env);
progress(`generating ${rows.toLocaleString('en')} attendance rows over ${communities} communities`);
const server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
const apiTimes: Record<string, number> = {};
const rawTimes: Record<string, number> = {};
try {
  generateHistory(path.join(environment.dataDir, 'osl.db'), rows, communities);
  progress('full pipeline run');
  const run = await server.app.get(PipelineService).run('cli', 'full');
  if (run.status !== 'succeeded') throw new Error(`pipeline failed: ${run.error}`);
  await server.app
    .get(UsersService)
    .add({ actor: 'bench', role: 'admin', address: null, userId: null }, { email: 'dyrektor@bench.osl', role: 'director', password, temporaryPassword: false });
  const cookie = `osl_session=${await signInCookie(server.url, 'dyrektor@bench.osl')}`;
  const config = (await (await fetch(`${server.url}/api/config`, { headers: { cookie } })).json()) as { communities: { code: string }[] };
  const shown = config.communities.slice(0, 3).map((c) => c.code);
  // What the overview asks for: session, health, configuration, a year's indicators, the whole
  // project's indicators of every year (the sparklines), and each shown community's participation.
  const calls = [
    '/api/auth/session',
    '/api/health',
    '/api/config',
    '/api/indicators?year=2023',
    '/api/indicators?community=ALL',
    ...shown.map((c) => `/api/communities/${c}/participation`),
  ];
  for (const call of calls) {
    const times: number[] = [];
    for (let i = 0; i < loads + 1; i++) {
      const started = performance.now();
      const response = await fetch(`${server.url}${call}`, { headers: { cookie } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${call} answered ${response.status}`);
      if (i > 0) times.push(performance.now() - started);
    }
    apiTimes[call] = median(times);
  }
  // The baseline: DuckDB answering the same two analytics questions directly on the published file.
  const pointer = JSON.parse(fs.readFileSync(path.join(environment.dataDir, 'analytics', 'CURRENT.json'), 'utf8')) as { file: string };
  const instance = await DuckDBInstance.create(path.join(environment.dataDir, 'analytics', pointer.file), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const raw = {
    indicators: 'SELECT * FROM indicator_value WHERE year = 2023',
    participation: `SELECT * FROM agg_participation WHERE grain = 'month' AND breakdown = 'all' AND community IN (${shown.map((c) => `'${c}'`).join(', ')})`,
  };
  for (const [name, sql] of Object.entries(raw)) {
    const times: number[] = [];
    for (let i = 0; i < loads + 1; i++) {
      const started = performance.now();
      await connection.runAndReadAll(sql);
      if (i > 0) times.push(performance.now() - started);
    }
    rawTimes[name] = median(times);
  }
  connection.closeSync();
  instance.closeSync();
} finally {
  await server.close();
}

const apiTotal = Object.values(apiTimes).reduce((a, b) => a + b, 0);
const rawTotal = Object.values(rawTimes).reduce((a, b) => a + b, 0);
console.log(`\nOverview API calls at ${rows.toLocaleString('en')} attendance rows, ${communities} communities (server time incl. HTTP on localhost)\n`);
for (const [call, time] of Object.entries(apiTimes)) row(`  ${call}`, `${time.toFixed(1)} ms`);
row('together', `${apiTotal.toFixed(1)} ms = ${(apiTotal / budgets.overviewApiMs).toFixed(2)}× the 100 ms budget`);
row('baseline: DuckDB alone, the same two analytics queries', `${rawTotal.toFixed(1)} ms (API = ${(apiTotal / rawTotal).toFixed(1)}× it)`);
