// The command-line contract: JSON on standard output only, exit codes 0 / 1 / 2.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOsl, runOslAsync } from '../support/cli.ts';
import { temporaryEnvironment, writeCsv } from '../support/installation.ts';

const environment = temporaryEnvironment();
const env = { OSL_DATA_DIR: environment.dataDir, OSL_NOW: '2026-11-27T12:00:00Z', DATABASE_URL: '' };
const dir = path.join(environment.dataDir, 'fixtures');

describe('osl command line', () => {
  it('imports files and prints the report as JSON', () => {
    const register = writeCsv(dir, 'rejestr.csv', [
      ['kod_uczestnika', 'spolecznosc'],
      ['WZG-0001', 'WZG'],
    ]);
    const log = writeCsv(dir, 'dziennik.csv', [
      ['id_dzialania', 'data', 'spolecznosc', 'typ', 'tytul'],
      ['X1', '2022-05-05', 'WZG', 'AKCJA', 'Sadzenie drzew'],
    ]);
    const list = writeCsv(dir, 'lista.csv', [
      ['id_dzialania', 'kod_uczestnika'],
      ['X1', 'WZG-0001'],
    ]);
    const outcome = runOsl(['import', list, log, register, '--json'], env);
    expect(outcome.status, outcome.stderr).toBe(0);
    const report = JSON.parse(outcome.stdout);
    expect(report.files.map((f: { file: string; kind: string; status: string; rows: number }) => [f.file, f.kind, f.status, f.rows])).toEqual([
      ['lista.csv', 'attendance', 'imported', 1],
      ['dziennik.csv', 'activities', 'imported', 1],
      ['rejestr.csv', 'participants', 'imported', 1],
    ]);
    // The figures show them at once: the run that followed (the first one here rebuilds in full).
    expect(report.run).toMatchObject({ trigger: 'import', status: 'succeeded' });
  });

  it('exits 1 with row-level errors when a file is rejected', () => {
    const bad = writeCsv(dir, 'zly.csv', [
      ['id_dzialania', 'data', 'spolecznosc', 'typ', 'tytul'],
      ['X2', '2022-05-05', 'WZG', 'NIEZNANY', 'Coś'],
    ]);
    const outcome = runOsl(['import', bad, '--json'], env);
    expect(outcome.status).toBe(1);
    const { files, run } = JSON.parse(outcome.stdout);
    const [file] = files;
    expect(file.status).toBe('rejected');
    expect(run).toBeNull();
    expect(file.errors[0]).toMatchObject({ row: 2, column: 'typ', field: 'type', value: 'NIEZNANY' });
  });

  it('runs the pipeline and prints indicators as JSON', () => {
    const run = runOsl(['pipeline', 'run', '--json'], env);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'succeeded' });
    const outcome = runOsl(['indicators', '--year', '2022', '--community', 'WZG', '--json'], env);
    expect(outcome.status, outcome.stderr).toBe(0);
    const rows = JSON.parse(outcome.stdout);
    expect(rows).toHaveLength(8);
    expect(rows.find((r: { code: string }) => r.code === 'P4')).toMatchObject({
      code: 'P4',
      community: 'WZG',
      year: 2022,
      value: 1,
      target: 4,
      achievement: 0.25,
      // 2022 is over: judged against its target alone.
      status: 'not_achieved',
    });
  });

  it('exits 2 on misuse', () => {
    expect(runOsl(['frobnicate'], env).status).toBe(2);
    // Names of Object.prototype's members are unknown commands too, not "command.run is not a function".
    for (const name of ['constructor', 'toString', '__proto__']) {
      const outcome = runOsl([name], env);
      expect(outcome.status, name).toBe(2);
      expect(outcome.stderr, name).toContain(`unknown command "${name}"`);
    }
    expect(runOsl(['indicators', '--year', '1999', '--json'], env).status).toBe(2);
    expect(runOsl(['import', '--json'], env).status).toBe(2);
  });
});

describe('osl import of a file that is not a table', () => {
  it('rejects a file without a header row as a whole, with a message', () => {
    const notes = writeCsv(dir, 'notatki.csv', [['Spotkanie w czwartek'], ['Przynieść ciasto']]);
    const outcome = runOsl(['import', notes, '--json'], env);
    expect(outcome.status).toBe(1);
    const [file] = JSON.parse(outcome.stdout).files;
    expect(file).toMatchObject({ status: 'rejected', kind: null });
    expect(file.errors).toHaveLength(1);
    expect(file.errors[0]).toMatchObject({ row: null, column: null, code: 'header_not_found' });
  });
});

describe('osl meeting a busy database', () => {
  it('says the database is busy, plainly, and exits non-zero (users list, pipeline run)', async () => {
    const busy = temporaryEnvironment();
    const busyEnv = { OSL_DATA_DIR: busy.dataDir, OSL_NOW: '2026-11-27T12:00:00Z', DATABASE_URL: '' };
    expect(runOsl(['users', 'list'], busyEnv).status).toBe(0);
    // Another process (an import) holds the write lock of the operational database.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(process.argv[1]); db.exec('BEGIN EXCLUSIVE'); process.stdout.write('held'); setInterval(() => {}, 1000);`,
        path.join(busy.dataDir, 'osl.db'),
      ],
      { cwd: import.meta.dirname, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout!.once('data', () => resolve());
        holder.once('exit', (code) => reject(new Error(`the lock holder ended (${code})`)));
      });
      const message = 'baza danych jest zajęta: trwa inny import lub przebieg; spróbuj ponownie za chwilę';
      const [users, run] = [await runOslAsync(['users', 'list'], busyEnv), await runOslAsync(['pipeline', 'run', '--json'], busyEnv)];
      expect(users.status).toBe(1);
      expect(users.stdout).toBe('');
      expect(users.stderr.trim().split('\n').at(-1)).toBe(`osl: ${message}`);
      expect(run.status).toBe(1);
      expect(JSON.parse(run.stdout)).toEqual({ error: { kind: 'unavailable', code: 'busy', key: 'database.busy', message } });
    } finally {
      holder.kill();
    }
  });
});
