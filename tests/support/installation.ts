import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { createCliContext, ImportService, PipelineService, readEnvironment, type OslEnvironment } from '@osl/backend';
import { templateDatabaseVariable } from './template-database.ts';

export const repositoryRoot = path.resolve(import.meta.dirname, '..', '..');

/**
 * A new, temporary data folder. In a test run it already holds the operational database, a copy
 * of the template migrated once by the globalSetup (support/template-database.ts): opening it
 * migrates nothing and starts no process. Outside a test run (benches) it is empty.
 */
export function temporaryDataDir(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-test-'));
  const template = process.env[templateDatabaseVariable];
  if (template) fs.copyFileSync(template, path.join(dataDir, 'osl.db'));
  return dataDir;
}

/** A fresh installation in a temporary data folder, with "today" fixed. */
export function temporaryEnvironment(now = '2026-11-27T12:00:00Z', extra: NodeJS.ProcessEnv = {}): OslEnvironment {
  const dataDir = temporaryDataDir();
  return readEnvironment({ ...process.env, OSL_DATA_DIR: dataDir, OSL_NOW: now, DATABASE_URL: '', PORT: '0', ...extra });
}

/**
 * The services with their real repositories (the core module's Nest application context, as the
 * CLI opens it), with no HTTP server and no process: what the middle tier (tests/medium) tests.
 * On a test run's copy of the template database, its migrate step applies nothing.
 */
export async function openInstallation(environment: OslEnvironment): Promise<INestApplicationContext> {
  return createCliContext(environment, { quiet: true });
}

/** Writes a UTF-8 CSV (`;`) from rows of cells into `dir` and returns its path. */
export function writeCsv(dir: string, name: string, rows: (string | number)[][]): string {
  const file = path.join(dir, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, `${rows.map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');
  return file;
}

/**
 * Imports fixture files as the command line does and publishes them with a full pipeline run:
 * the set-up of tests that read figures. Throws, naming what failed, unless every file is imported.
 */
export async function importAndPublish(app: INestApplicationContext, files: string[]): Promise<void> {
  const reports = await app.get(ImportService).importPaths(files, { source: 'cli', importedBy: 'test' });
  if (reports.some((r) => r.status !== 'imported'))
    throw new Error(`fixture import failed: ${JSON.stringify(reports.map((r) => [r.file, r.status, r.errors.slice(0, 3)]))}`);
  const run = await app.get(PipelineService).run('api', 'full');
  if (run.status !== 'succeeded') throw new Error(`fixture pipeline failed: ${run.error}`);
}

/** A small installation's files: two people of OST at a workshop in January 2022 and one of them at a fair in June. */
export function writeTwoActivityFixture(dir: string): string[] {
  return [
    writeCsv(dir, 'rejestr.csv', [
      ['kod', 'spolecznosc'],
      ['OST-1', 'OST'],
      ['OST-2', 'OST'],
    ]),
    writeCsv(dir, 'dziennik.csv', [
      ['id', 'data', 'spolecznosc', 'typ', 'tytul'],
      ['K1', '14.01.2022', 'OST', 'WARSZTAT', 'Warsztaty'],
      ['K2', '20.06.2022', 'OST', 'IMPREZA', 'Festyn'],
    ]),
    writeCsv(dir, 'lista.csv', [
      ['id_dzialania', 'kod'],
      ['K1', 'OST-1'],
      ['K1', 'OST-2'],
      ['K2', 'OST-1'],
    ]),
  ];
}
