import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDatabaseUrl, resolveDataDir } from './database-url.ts';

describe('resolveDatabaseUrl', () => {
  it('puts the embedded SQLite file in OSL_DATA_DIR, creating the folder', () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'osl-url-')), 'new-installation');
    expect(resolveDatabaseUrl({ OSL_DATA_DIR: dataDir })).toBe(`file:${path.join(dataDir, 'osl.db')}`);
    expect(fs.existsSync(dataDir)).toBe(true);
  });

  it('takes DATABASE_URL as given', () => {
    expect(resolveDatabaseUrl({ DATABASE_URL: 'file:/srv/osl/osl.db' })).toBe('file:/srv/osl/osl.db');
  });

  it('defaults to data/ in the repository', () => {
    expect(resolveDataDir({})).toBe(path.resolve(import.meta.dirname, '..', '..', 'data'));
    // An empty variable is unset, not the working folder.
    expect(resolveDataDir({ OSL_DATA_DIR: '' })).toBe(path.resolve(import.meta.dirname, '..', '..', 'data'));
  });
});
