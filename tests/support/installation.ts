import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { createCliContext, readEnvironment, type OslEnvironment } from '@osl/backend';

export const repositoryRoot = path.resolve(import.meta.dirname, '..', '..');

/** A fresh installation in a temporary data folder, with "today" fixed. */
export function temporaryEnvironment(now = '2026-11-27T12:00:00Z', extra: NodeJS.ProcessEnv = {}): OslEnvironment {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-test-'));
  return readEnvironment({ ...process.env, OSL_DATA_DIR: dataDir, OSL_NOW: now, DATABASE_URL: '', PORT: '0', ...extra });
}

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
