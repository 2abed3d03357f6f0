#!/usr/bin/env node
// Dev-only: serves dashboard/build as an SPA plus a fake /api with realistic, deterministic figures,
// so the dashboard can be looked at (and screenshotted) without the backend.
//
//   node scripts/mock-api.mjs                  # http://localhost:4173
//   PORT=3000 node scripts/mock-api.mjs        # for `npm run dev` (vite proxies /api to :3000)
//   MOCK_AS_OF=2023-09-30 node scripts/mock-api.mjs   # data only up to that day (mid-year statuses)
//   MOCK_FAIL=indicators,participation:OST      # make endpoints fail (all | health | config | …)
//   MOCK_DELAY_MS=1500                          # slow API, to see the loading states
//
// Targets and names come from data/config (the real default configuration).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const buildDir = resolve(here, '../build');
const configDir = resolve(here, '../../data/config');

const port = Number(process.env.PORT ?? 4173);
const delayMs = Number(process.env.MOCK_DELAY_MS ?? 0);
const failures = new Set((process.env.MOCK_FAIL ?? '').split(',').filter(Boolean));

const project = JSON.parse(await readFile(join(configDir, 'project.json'), 'utf8'));
const communities = JSON.parse(await readFile(join(configDir, 'communities.json'), 'utf8'));
const indicators = JSON.parse(await readFile(join(configDir, 'indicators.json'), 'utf8'));
const asOf = process.env.MOCK_AS_OF ?? project.periodEnd;

const firstYear = Number(project.periodStart.slice(0, 4));
const lastYear = Number(project.periodEnd.slice(0, 4));
const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
const asOfMonth = asOf.slice(0, 7);

// ---- participation series ---------------------------------------------------------------------

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Persons reached by the end of each year (cumulative), per community. */
const REACHED = {
  WZG: { 2021: 44, 2022: 86, 2023: 121 },
  OST: { 2021: 24, 2022: 45, 2023: 63 },
  LAZ: { 2021: 23, 2022: 44, 2023: 61 }
};
const SIZE = { WZG: 1, OST: 0.62, LAZ: 0.7 };
// Spring 2021 was still under pandemic restrictions; summers and Januaries are quiet.
const SEASON = [0.7, 0.9, 1, 1.05, 1.1, 1, 0.65, 0.6, 1.05, 1.1, 1.05, 0.8];

function monthsBetween(start, end) {
  const out = [];
  let [y, m] = start.split('-').map(Number);
  const [ey, em] = end.split('-').map(Number);
  while (y < ey || (y === ey && m <= em)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) (m = 1), y++;
  }
  return out;
}
const allMonths = monthsBetween(project.periodStart.slice(0, 7), project.periodEnd.slice(0, 7));

function daysInYear(y) {
  return (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 86400000;
}
function dayOfYear(isoDate) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86400000 + 1;
}
function monthEnd(period) {
  const [y, m] = period.split('-').map(Number);
  const d = new Date(Date.UTC(y, m, 0));
  return d.toISOString().slice(0, 10);
}

function targetOf(indicator, scope, year) {
  return indicator.targets?.[scope]?.[String(year)] ?? null;
}
function baselineOf(indicator, scope) {
  return indicator.baseline?.[scope] ?? null;
}

/** Expected-to-date on `date` for `year` (indicators.md). */
function expectedOn(indicator, scope, year, date) {
  const target = targetOf(indicator, scope, year);
  if (target === null) return null;
  if (date >= `${year}-12-31`) return target;
  if (date < `${year}-01-01`) return null;
  const share = dayOfYear(date) / daysInYear(year);
  if (indicator.unit === 'percent') return target;
  if (!indicator.cumulative) return target * share;
  const previous = year === firstYear ? baselineOf(indicator, scope) ?? 0 : targetOf(indicator, scope, year - 1) ?? 0;
  return previous + (target - previous) * share;
}

function buildSeries(code, seed) {
  const random = mulberry32(seed);
  const periods = [];
  let cumulative = 0;
  for (const period of allMonths) {
    if (period > asOfMonth) break;
    const [y, m] = period.split('-').map(Number);
    const ramp = y === 2021 && m <= 4 ? 0.45 + m * 0.1 : 1;
    const growth = 1 + (y - firstYear) * 0.12;
    const weight = SEASON[m - 1] * ramp * growth;
    const activities = Math.max(1, Math.round((4 + random() * 3) * weight * SIZE[code]));
    const turnout = 9 + random() * 7;
    const attendances = Math.round(activities * turnout);
    const anonymous = Math.round(attendances * (0.12 + random() * 0.12));
    // New persons: spread the year's increment over its months in proportion to the activity.
    const yearStart = y === firstYear ? 0 : REACHED[code][y - 1];
    const yearGain = REACHED[code][y] - yearStart;
    const seasonShare = SEASON.slice(0, m).reduce((a, b) => a + b, 0) / SEASON.reduce((a, b) => a + b, 0);
    // Newcomers arrive fastest in the first months of the project.
    const shareSoFar = y === firstYear ? seasonShare ** 0.6 : seasonShare;
    const reachedByNow = Math.round(yearStart + yearGain * shareSoFar);
    const newParticipants = Math.max(0, reachedByNow - cumulative);
    cumulative += newParticipants;
    const distinct = Math.min(cumulative, Math.round((attendances - anonymous) / (1.8 + random())));
    periods.push({
      period,
      activities,
      attendances,
      namedAttendances: attendances - anonymous,
      anonymousAttendances: anonymous,
      distinctParticipants: Math.max(distinct, newParticipants),
      newParticipants,
      returningParticipants: Math.max(0, distinct - newParticipants),
      cumulativeParticipants: cumulative,
      turnout: Math.round((attendances / activities) * 100) / 100
    });
  }
  return periods;
}

const p1 = indicators.find((i) => i.code === 'P1');
const series = Object.fromEntries(communities.map((c, i) => [c.code, buildSeries(c.code, 1000 + i * 77)]));

function participationFor(code) {
  const name = code === 'ALL' ? 'Cały projekt' : communities.find((c) => c.code === code)?.name;
  let periods;
  if (code === 'ALL') {
    periods = allMonths
      .filter((p) => p <= asOfMonth)
      .map((period) => {
        const rows = communities.map((c) => series[c.code].find((r) => r.period === period)).filter(Boolean);
        const sum = (key) => rows.reduce((t, r) => t + r[key], 0);
        const activities = sum('activities');
        const attendances = sum('attendances');
        return {
          period,
          activities,
          attendances,
          namedAttendances: sum('namedAttendances'),
          anonymousAttendances: sum('anonymousAttendances'),
          distinctParticipants: Math.round(sum('distinctParticipants') * 0.95),
          newParticipants: Math.round(sum('newParticipants') * 0.93),
          returningParticipants: Math.round(sum('returningParticipants') * 0.95),
          cumulativeParticipants: Math.round(sum('cumulativeParticipants') * 0.93),
          turnout: activities ? Math.round((attendances / activities) * 100) / 100 : null
        };
      });
  } else {
    periods = series[code];
  }
  return {
    community: { code, name },
    grain: 'month',
    periods,
    targetPath: allMonths.map((period) => ({
      period,
      expected: round1(expectedOn(p1, code, Number(period.slice(0, 4)), monthEnd(period)))
    })),
    target: {
      indicator: 'P1',
      baseline: baselineOf(p1, code),
      targets: p1.targets[code]
    }
  };
}

// ---- indicator values -------------------------------------------------------------------------

// Figures that the series above does not determine (per community, per year).
const FIXED = {
  P4: { WZG: [1, 3, 5], OST: [1, 2, 3], LAZ: [0, 2, 3] },
  P5: { WZG: [1, 3, 5], OST: [1, 1, 2], LAZ: [1, 2, 2] },
  R1: { WZG: [16, 29, 38], OST: [8, 14, 19], LAZ: [9, 16, 21] },
  R2: { WZG: [57.1, 61.5, 68.2], OST: [52.4, 55.0, 58.8], LAZ: [null, 63.6, 71.4] },
  R3: { WZG: [1, 3, 5], OST: [0, 1, 2], LAZ: [0, 1, 2] }
};

function communityValue(indicator, code, year) {
  const rows = series[code].filter((r) => r.period <= `${year}-12`);
  const inYear = rows.filter((r) => r.period.startsWith(`${year}-`));
  if (inYear.length === 0 && !indicator.cumulative) return null;
  if (rows.length === 0) return null;
  const index = year - firstYear;
  switch (indicator.code) {
    case 'P1':
      return rows.at(-1).cumulativeParticipants;
    case 'P2':
      return Math.round(inYear.reduce((t, r) => t + r.activities, 0) * 0.27);
    case 'P3':
      return Math.round(rows.reduce((t, r) => t + r.activities, 0) * 0.15);
    default: {
      const value = FIXED[indicator.code]?.[code]?.[index];
      if (value === null || value === undefined) return null;
      if (year > Number(asOf.slice(0, 4))) return null;
      return value;
    }
  }
}

function wholeProjectValue(indicator, year) {
  const values = communities.map((c) => communityValue(indicator, c.code, year));
  const present = values.filter((v) => v !== null);
  if (present.length === 0) return null;
  const sum = present.reduce((a, b) => a + b, 0);
  if (indicator.unit === 'percent') return round1(sum / present.length);
  // A person counted in two communities is one person in the whole project.
  if (indicator.unit === 'persons') return Math.round(sum * 0.94);
  return sum;
}

function statusOf(value, target, expected, year) {
  if (year > Number(asOf.slice(0, 4))) return 'not_started';
  if (target === null) return 'no_target';
  if (value === null) return 'no_data';
  if (!expected) return 'on_track';
  const ratio = value / expected;
  if (ratio >= project.statusThresholds.onTrack) return 'on_track';
  if (ratio >= project.statusThresholds.atRisk) return 'at_risk';
  return 'behind';
}

function indicatorRows(year, scopeFilter) {
  const scopes = ['ALL', ...communities.map((c) => c.code)].filter((s) => !scopeFilter || s === scopeFilter);
  const rows = [];
  for (const indicator of indicators) {
    for (const scope of scopes) {
      const value = scope === 'ALL' ? wholeProjectValue(indicator, year) : communityValue(indicator, scope, year);
      const target = targetOf(indicator, scope, year);
      const expected = round1(expectedOn(indicator, scope, year, asOf < `${year}-12-31` ? asOf : `${year}-12-31`));
      rows.push({
        code: indicator.code,
        community: scope,
        year,
        value,
        target,
        baseline: baselineOf(indicator, scope),
        expected,
        achievement: value !== null && target ? Math.round((value / target) * 1000) / 1000 : null,
        status: statusOf(value, target, expected, year),
        unit: indicator.unit
      });
    }
  }
  return rows;
}

function round1(v) {
  return v === null || v === undefined ? null : Math.round(v * 10) / 10;
}

// ---- HTTP -------------------------------------------------------------------------------------

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8'
};

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function failing(name) {
  return failures.has('all') || failures.has(name);
}

async function handleApi(url, res) {
  if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
  const path = url.pathname;
  if (path === '/api/health') {
    if (failing('health')) return sendJson(res, 503, { statusCode: 503, message: 'Service Unavailable' });
    return sendJson(res, 200, {
      status: 'ok',
      dataAsOf: '2026-11-27T16:00:00.000Z',
      lastRun: { id: 3, status: 'succeeded', finishedAt: '2026-11-27T16:00:00.000Z' },
      demo: true
    });
  }
  if (path === '/api/config') {
    if (failing('config')) return sendJson(res, 500, { statusCode: 500, message: 'Internal server error' });
    return sendJson(res, 200, {
      project: {
        name: project.name,
        centre: project.centre,
        periodStart: project.periodStart,
        periodEnd: project.periodEnd,
        timeZone: project.timeZone
      },
      years,
      communities,
      indicators: indicators.map(({ code, namePl, nameEn, kind, unit, cumulative }) => ({
        code, namePl, nameEn, kind, unit, cumulative
      }))
    });
  }
  if (path === '/api/indicators') {
    if (failing('indicators')) return sendJson(res, 500, { statusCode: 500, message: 'Analytics store unavailable' });
    const year = Number(url.searchParams.get('year'));
    if (!years.includes(year)) return sendJson(res, 400, { statusCode: 400, message: `year must be one of ${years.join(', ')}` });
    const community = url.searchParams.get('community');
    if (community && community !== 'ALL' && !communities.some((c) => c.code === community)) {
      return sendJson(res, 404, { statusCode: 404, message: `Unknown community ${community}` });
    }
    return sendJson(res, 200, indicatorRows(year, community));
  }
  const match = /^\/api\/communities\/([^/]+)\/participation$/.exec(path);
  if (match) {
    const code = decodeURIComponent(match[1]);
    if (failing('participation') || failing(`participation:${code}`)) {
      return sendJson(res, 500, { statusCode: 500, message: 'Analytics store unavailable' });
    }
    if (code !== 'ALL' && !communities.some((c) => c.code === code)) {
      return sendJson(res, 404, { statusCode: 404, message: `Unknown community ${code}` });
    }
    return sendJson(res, 200, participationFor(code));
  }
  return sendJson(res, 404, { statusCode: 404, message: `Cannot GET ${path}` });
}

async function serveStatic(url, res) {
  const requested = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(buildDir, requested);
  if (!file.startsWith(buildDir)) file = join(buildDir, 'index.html');
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch {
    file = join(buildDir, 'index.html'); // SPA fallback
  }
  const body = await readFile(file);
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'cache-control': file.includes('/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
  });
  res.end(body);
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  try {
    if (url.pathname.startsWith('/api/')) await handleApi(url, res);
    else await serveStatic(url, res);
  } catch (error) {
    sendJson(res, 500, { statusCode: 500, message: String(error) });
  }
}).listen(port, () => {
  console.log(`mock API and dashboard on http://localhost:${port} (data as of ${asOf})`);
});
