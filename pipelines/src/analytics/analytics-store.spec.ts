import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalyticsStore } from './analytics-store.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function store(): AnalyticsStore {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-store-'));
  dirs.push(dataDir);
  return new AnalyticsStore(dataDir);
}

/** The id of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('scratch builds "as of" a past moment', () => {
  it('are never the published state, are kept while their build is under way and removed by remove', () => {
    const analytics = store();
    const scratch = analytics.scratchBuild();
    fs.writeFileSync(scratch.file, 'x');
    fs.writeFileSync(`${scratch.file}.wal`, 'x');
    fs.mkdirSync(scratch.workDir);
    expect(analytics.current()).toBeNull();
    expect(analytics.removeAbandoned()).toEqual([]);
    scratch.remove();
    expect(fs.readdirSync(analytics.dir)).toEqual([]);
  });

  it('left by a process that died are removed with the other leftovers; one this process forgot too', () => {
    const analytics = store();
    const pid = deadPid();
    const left = [`asof-${pid}-1.duckdb`, `asof-${pid}-1.duckdb.wal`, `asof-${pid}-1.duckdb.tmp`, `asof-${pid}-1.work`, `asof-${process.pid}-999.duckdb`];
    fs.mkdirSync(analytics.dir, { recursive: true });
    for (const name of left) {
      if (name.endsWith('.tmp') || name.endsWith('.work')) fs.mkdirSync(path.join(analytics.dir, name));
      else fs.writeFileSync(path.join(analytics.dir, name), 'x');
    }
    const alive = analytics.scratchBuild();
    fs.writeFileSync(alive.file, 'x');
    expect(analytics.removeAbandoned()).toEqual([...left].sort());
    expect(fs.readdirSync(analytics.dir)).toEqual([path.basename(alive.file)]);
    alive.remove();
  });
});
