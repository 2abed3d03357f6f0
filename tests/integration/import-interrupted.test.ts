// An import killed half-way (kill -9 during the write) leaves nothing of that file behind.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseRepository, ImportService } from '@osl/backend';
import { repositoryRoot, openInstallation, temporaryEnvironment, writeCsv } from '../support/installation.ts';

const environment = temporaryEnvironment();
const dir = path.join(environment.dataDir, 'fixtures');
const rows = 300_000;

describe('an interrupted import', () => {
  it('is rolled back completely when the process is killed while writing', async () => {
    let context = await openInstallation(environment);
    const participants = Array.from({ length: 3_000 }, (_, i) => [`U-${i}`, 'WZG']);
    const activities = Array.from({ length: rows / 100 }, (_, a) => [`D-${a}`, '10.05.2022', 'WZG', 'WARSZTAT', `Warsztaty ${a}`]);
    const setup = await context
      .get(ImportService)
      .importPaths(
        [
          writeCsv(dir, 'rejestr.csv', [['kod', 'spolecznosc'], ...participants]),
          writeCsv(dir, 'dziennik.csv', [['id', 'data', 'spolecznosc', 'typ', 'tytul'], ...activities]),
        ],
        { source: 'cli', importedBy: 'test' },
      );
    expect(setup.map((r) => r.status)).toEqual(['imported', 'imported']);
    await context.close();

    const list = writeCsv(dir, 'obecnosci.csv', [
      ['id_dzialania', 'kod'],
      ...Array.from({ length: rows }, (_, n) => [`D-${Math.floor(n / 100)}`, `U-${(n * 7) % 3_000}`]),
    ]);
    // In WAL mode a transaction's pages go to the log before it commits: the final move of the
    // staged rows into Attendance makes it grow by megabytes.
    const wal = path.join(environment.dataDir, 'osl.db-wal');
    const walBytes = () => (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
    const before = walBytes();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repositoryRoot, 'backend', 'src', 'cli', 'main.ts'), 'import', list, '--json'], {
      cwd: repositoryRoot,
      env: { ...process.env, OSL_DATA_DIR: environment.dataDir, DATABASE_URL: '' },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Kill the importer while that transaction is open.
    while (walBytes() < before + 1024 * 1024 && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 2));
    child.kill('SIGKILL');
    expect(await exited, 'the import finished before it could be interrupted').toBe('SIGKILL');

    context = await openInstallation(environment);
    const db = context.get(DatabaseRepository).client;
    expect(await db.attendance.count()).toBe(0);
    expect(await db.importBatch.count({ where: { fileName: 'obecnosci.csv' } })).toBe(0);
    const imported = await db.auditEvent.findMany({ where: { action: 'import.imported' } });
    expect(imported.map((e) => (e.after as { file: string }).file)).toEqual(['rejestr.csv', 'dziennik.csv']);

    // The same file again is a fresh import, not "unchanged".
    const [again] = await context.get(ImportService).importPaths([list], { source: 'cli', importedBy: 'test' });
    expect(again).toMatchObject({ status: 'imported', created: rows });
    await context.close();
  });
});
