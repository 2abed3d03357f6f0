// Helpers for pipeline tests: a deterministic recorded history (register, activity log,
// attendance lists) whose expected indicator values can be counted by hand, the published
// analytics state of an installation, and the `osl` CLI as a child process that can be killed.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { OslEnvironment } from '@osl/backend';
import { parseAnalyticsMeta, readStoredMeta } from '@osl/pipelines';
import { builtCli } from './built-backend.ts';
import { repositoryRoot, temporaryEnvironment, writeCsv } from './installation.ts';

export const communities = ['WZG', 'OST', 'LAZ'] as const;
const types = ['ANIM_KULT', 'IMPREZA', 'WARSZTAT', 'PRELEKCJA', 'AKCJA'] as const;

export interface GeneratedActivity {
  id: string;
  date: string;
  community: string;
  type: string;
}

export interface GeneratedHistory {
  /** register, activity log, attendance list, in the order they must be imported */
  files: string[];
  participants: { code: string; community: string }[];
  activities: GeneratedActivity[];
  attendance: { activity: string; participant: string }[];
}

export interface HistoryShape {
  /** prefix of every id and code, so that several histories can be imported into one installation */
  prefix: string;
  participantsPerCommunity: number;
  /** activities per community and month, 2021-01 … 2023-12 */
  activitiesPerMonth: number;
  attendeesPerActivity: number;
}

/**
 * Writes a history as the centre's CSV files: every community has its own people, each activity is
 * attended by a rotating slice of its community's people, and every seventh attendee comes from
 * the next community (so a whole-project count of persons is not the sum of the communities).
 */
export function writeHistory(dir: string, shape: HistoryShape): GeneratedHistory {
  const { prefix, participantsPerCommunity: perCommunity, activitiesPerMonth, attendeesPerActivity } = shape;
  const participants = communities.flatMap((community) => Array.from({ length: perCommunity }, (_, i) => ({ code: `${prefix}${community}-${i}`, community })));
  const activities: GeneratedActivity[] = [];
  const attendance: { activity: string; participant: string }[] = [];
  let serial = 0;
  for (const [c, community] of communities.entries()) {
    for (let month = 0; month < 36; month += 1) {
      for (let n = 0; n < activitiesPerMonth; n += 1) {
        serial += 1;
        const year = 2021 + Math.floor(month / 12);
        const date = `${String(1 + ((n * 3 + c) % 28)).padStart(2, '0')}.${String((month % 12) + 1).padStart(2, '0')}.${year}`;
        const activity = { id: `${prefix}D-${serial}`, date, community, type: types[(serial + month) % types.length]! };
        activities.push(activity);
        const present = new Set<string>();
        for (let k = 0; k < attendeesPerActivity; k += 1) {
          const from = k % 7 === 6 ? communities[(c + 1) % communities.length]! : community;
          present.add(`${prefix}${from}-${(serial * 13 + k * 7 + month) % perCommunity}`);
        }
        for (const participant of present) attendance.push({ activity: activity.id, participant });
      }
    }
  }
  const files = [
    writeCsv(dir, `${prefix}rejestr.csv`, [['kod', 'spolecznosc'], ...participants.map((p) => [p.code, p.community])]),
    writeCsv(dir, `${prefix}dziennik.csv`, [
      ['id', 'data', 'spolecznosc', 'typ', 'tytul'],
      ...activities.map((a) => [a.id, a.date, a.community, a.type, `Działanie ${a.id}`]),
    ]),
    writeCsv(dir, `${prefix}lista.csv`, [['id_dzialania', 'kod'], ...attendance.map((a) => [a.activity, a.participant])]),
  ];
  return { files, participants, activities, attendance };
}

/**
 * New people (`<prefix>-<n>`, communities in turn) and an attendance list putting each of them at
 * three activities of their community: two files, imported register first.
 */
export function writeNewcomers(
  dir: string,
  prefix: string,
  count: number,
  history: GeneratedHistory,
): { files: string[]; people: number; attendances: number } {
  const people = Array.from({ length: count }, (_, i) => ({ code: `${prefix}-${i}`, community: communities[i % communities.length]! }));
  const list: string[][] = [];
  for (const [i, person] of people.entries()) {
    const theirs = history.activities.filter((a) => a.community === person.community);
    for (let k = 0; k < 3; k += 1) list.push([theirs[(i * 5 + k * 11) % theirs.length]!.id, person.code]);
  }
  return {
    files: [
      writeCsv(dir, `${prefix}-rejestr.csv`, [['kod', 'spolecznosc'], ...people.map((p) => [p.code, p.community])]),
      writeCsv(dir, `${prefix}-lista.csv`, [['id_dzialania', 'kod'], ...list]),
    ],
    people: count,
    attendances: list.length,
  };
}

export function yearOf(activity: GeneratedActivity): number {
  return Number(activity.date.slice(-4));
}

/**
 * A fresh installation with its own `config/` (a copy of the defaults, changed by `change`), so
 * that a test can edit the configuration without touching anyone else's.
 */
export function environmentWithOwnConfig(now: string, change: (configDir: string) => void = () => {}): OslEnvironment {
  const environment = temporaryEnvironment(now, { OSL_DASHBOARD_DIR: '' });
  const configDir = path.join(environment.dataDir, 'config');
  fs.cpSync(path.join(repositoryRoot, 'data', 'config'), configDir, { recursive: true });
  change(configDir);
  return { ...environment, configDir };
}

/** Rewrites one JSON file of a configuration folder. */
export function editConfig<T>(configDir: string, file: string, edit: (content: T) => void): void {
  const target = path.join(configDir, file);
  const content = JSON.parse(fs.readFileSync(target, 'utf8')) as T;
  edit(content);
  fs.writeFileSync(target, JSON.stringify(content, null, 2));
}

/** No scheduled jobs: a test's runs must not meet a run the schedule started. */
export function withoutSchedule(configDir: string): void {
  editConfig<{ jobs: { enabled?: boolean }[] }>(configDir, 'schedule.json', (schedule) => {
    for (const job of schedule.jobs) job.enabled = false;
  });
}

/** The pointer file's content, or null. */
export function pointer(dataDir: string): { file: string; runId: number; builtAt: string } | null {
  const file = path.join(dataDir, 'analytics', 'CURRENT.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
}

export function publishedPath(dataDir: string): string {
  const current = pointer(dataDir);
  if (!current) throw new Error(`nothing is published in ${dataDir}`);
  return path.join(dataDir, 'analytics', current.file);
}

export function runFile(kind: 'build' | 'analytics', runId: number): string {
  return `${kind}-${String(runId).padStart(6, '0')}.duckdb`;
}

/** Lines of the installation's log that contain `text`. */
export function logLines(dataDir: string, text: string): string[] {
  const file = path.join(dataDir, 'logs', 'osl.log');
  return fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.includes(text))
    : [];
}

/** Names in `analytics/` (sorted), to see what runs left behind. */
export function analyticsEntries(dataDir: string): string[] {
  const dir = path.join(dataDir, 'analytics');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** Row counts of the fact tables of a published analytics file, read on its own connection. */
export async function factCounts(file: string): Promise<{ participants: number; activities: number; attendances: number; watermark: number }> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  try {
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(
      `SELECT (SELECT count(*) FROM dim_participant)::INTEGER AS participants, (SELECT count(*) FROM fact_activity)::INTEGER AS activities,
              (SELECT count(*) FROM fact_attendance)::INTEGER AS attendances`,
    );
    const { watermark } = parseAnalyticsMeta(await readStoredMeta(connection));
    connection.closeSync();
    return { ...(reader.getRowObjectsJson()[0] as unknown as { participants: number; activities: number; attendances: number }), watermark };
  } finally {
    instance.closeSync();
  }
}

export interface OslChild {
  child: ChildProcess;
  /** Resolves when the process ends, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `osl <args>` (the built CLI, as `npm run osl --` does) without waiting for it. */
export function spawnOsl(args: string[], env: NodeJS.ProcessEnv): OslChild {
  const child = spawn(process.execPath, [builtCli, ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, exited };
}

/** Polls `condition` every few milliseconds until it holds (or fails after `timeoutMs`). */
export async function waitFor<T>(
  condition: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 60_000,
  everyMs = 2,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
