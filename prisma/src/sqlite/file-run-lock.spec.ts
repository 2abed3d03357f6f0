import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LeaseLostError, PipelineBusyError } from '../run-lock.ts';
import { FileRunLock } from './file-run-lock.ts';

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'osl-lock-'));

describe('FileRunLock', () => {
  it('refuses a second holder and names the run in progress', async () => {
    const dir = dataDir();
    const held = await new FileRunLock(dir).acquire(null);
    await held.describe(42);
    await expect(new FileRunLock(dir).acquire(null)).rejects.toThrow(PipelineBusyError);
    await expect(new FileRunLock(dir).acquire(null)).rejects.toThrow(/run #42/);
    await held.release();
    await (await new FileRunLock(dir).acquire(null)).release();
  });

  it('takes over the lock of a process that has died', async () => {
    const dir = dataDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.mkdirSync(path.join(dir, 'analytics'));
    fs.writeFileSync(path.join(dir, 'analytics', 'pipeline.lock'), JSON.stringify({ runId: 7, pid: Number(dead.stdout), since: '2026-01-01' }));
    const held = await new FileRunLock(dir).acquire(null);
    expect((await new FileRunLock(dir).holder())?.pid).toBe(process.pid);
    await held.release();
    expect(fs.readdirSync(path.join(dir, 'analytics'))).toEqual([]);
  });

  it('takes over a lock whose lease ran out though its process lives, and the old holder can neither renew nor remove it', async () => {
    const dir = dataDir();
    let now = new Date('2026-12-04T12:00:00Z');
    const clock = () => now;
    const lease = { expiryMs: 1000, renewMs: 250 };
    const first = await new FileRunLock(dir, { lease, clock }).acquire(null);
    await first.describe(5);
    now = new Date('2026-12-04T12:00:00.800Z');
    await first.renew();
    // Renewed at .800: held until 12:00:01.800.
    now = new Date('2026-12-04T12:00:01.500Z');
    await expect(new FileRunLock(dir, { lease, clock }).acquire(null)).rejects.toThrow(/run #5/);
    now = new Date('2026-12-04T12:00:01.900Z');
    const second = await new FileRunLock(dir, { lease, clock }).acquire(null);
    expect(second.takenOver).toMatchObject({ runId: 5, pid: process.pid, leaseExpiresAt: '2026-12-04T12:00:01.800Z' });
    await second.describe(6);
    await expect(first.renew()).rejects.toThrow(LeaseLostError);
    expect(() => first.ensureHeld()).toThrow(/run #6/);
    await first.release();
    expect(await new FileRunLock(dir, { lease, clock }).holder()).toMatchObject({ runId: 6 });
    second.ensureHeld();
    await second.release();
    expect(await new FileRunLock(dir).holder()).toBeNull();
  });

  it('clears what a failed rewrite left (its own or a dead process’s temporary file), not a live one’s', async () => {
    const dir = dataDir();
    const analytics = path.join(dir, 'analytics');
    const lock = new FileRunLock(dir);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    for (const pid of [process.pid, Number(dead), 1]) fs.writeFileSync(path.join(analytics, `pipeline.lock.${pid}.tmp`), '{}');
    await (await lock.acquire(null)).release();
    expect(fs.readdirSync(analytics).filter((name) => name.endsWith('.tmp'))).toEqual(['pipeline.lock.1.tmp']);
  });

  it('names a folder standing at the lock path instead of calling it a run in progress', async () => {
    const dir = dataDir();
    fs.mkdirSync(path.join(dir, 'analytics', 'pipeline.lock'), { recursive: true });
    const error = await new FileRunLock(dir).acquire(null).then(
      () => {
        throw new Error('expected the lock to be refused');
      },
      (caught: Error) => caught,
    );
    expect(error).not.toBeInstanceOf(PipelineBusyError);
    expect(error.message).toMatch(/pipeline\.lock is not a file/);
  });
});
