import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipelineBusyError, PipelineLock } from './pipeline-lock.ts';

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'osl-lock-'));

describe('PipelineLock', () => {
  it('refuses a second holder and names the run in progress', () => {
    const dir = dataDir();
    const held = new PipelineLock(dir).acquire(null);
    held.describe(42);
    expect(() => new PipelineLock(dir).acquire(null)).toThrow(PipelineBusyError);
    expect(() => new PipelineLock(dir).acquire(null)).toThrow(/run #42/);
    held.release();
    new PipelineLock(dir).acquire(null).release();
  });

  it('takes over the lock of a process that has died', () => {
    const dir = dataDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.mkdirSync(path.join(dir, 'analytics'));
    fs.writeFileSync(path.join(dir, 'analytics', 'pipeline.lock'), JSON.stringify({ runId: 7, pid: Number(dead.stdout), since: '2026-01-01' }));
    const held = new PipelineLock(dir).acquire(null);
    expect(new PipelineLock(dir).holder()?.pid).toBe(process.pid);
    held.release();
    expect(fs.readdirSync(path.join(dir, 'analytics'))).toEqual([]);
  });
});
