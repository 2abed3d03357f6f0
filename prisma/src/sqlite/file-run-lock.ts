import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  defaultLeasePolicy,
  isProcessAlive,
  leaseExpiry,
  leaseHasExpired,
  LeaseLostError,
  PipelineBusyError,
  type HeldLock,
  type LeasePolicy,
  type LockHolder,
  type RunLock,
  type RunLockOptions,
} from '../run-lock.ts';

/** The lock files this process holds now (a lock naming this process but not listed here is stale). */
const heldHere = new Map<string, string>();

/**
 * One pipeline run at a time per data folder, across processes (the server's schedule and
 * the CLI): an exclusive lock file holding the owner's pid and a lease it renews. A lock left by
 * a dead process, or whose lease has run out (a frozen or vanished process), is taken over.
 * The SQLite boundary's run lock: an embedded database serves the processes of one machine,
 * which share the data folder, and a file lock needs no write to a database a large import may
 * be holding.
 */
export class FileRunLock implements RunLock {
  private readonly file: string;
  private readonly lease: LeasePolicy;
  private readonly clock: () => Date;

  constructor(dataDir: string, options: RunLockOptions = {}) {
    fs.mkdirSync(path.join(dataDir, 'analytics'), { recursive: true });
    this.file = path.join(dataDir, 'analytics', 'pipeline.lock');
    this.lease = options.lease ?? defaultLeasePolicy;
    this.clock = options.clock ?? (() => new Date());
  }

  async acquire(runId: number | null): Promise<HeldLock> {
    this.removeStaleRewrites();
    const token = randomUUID();
    const since = this.clock().toISOString();
    const content = (id: number | null) =>
      JSON.stringify({ runId: id, pid: process.pid, since, leaseExpiresAt: leaseExpiry(this.clock(), this.lease).toISOString(), token } satisfies LockHolder);
    let takenOver: LockHolder | null = null;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        fs.writeFileSync(this.file, content(runId), { flag: 'wx' });
        heldHere.set(this.file, token);
        return this.held(token, runId, content, takenOver);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const stat = fs.lstatSync(this.file, { throwIfNoEntry: false });
        if (stat && !stat.isFile()) throw new Error(`cannot take the pipeline lock: ${this.file} is not a file (remove it)`, { cause: error });
        const holder = this.readHolder();
        // No holder yet: another process has just created the file and is writing it.
        if (!holder || !this.isStale(holder)) throw new PipelineBusyError(holder ?? { runId: null, pid: 0, since: 'unknown' });
        // Two processes may find the same stale holder: only the one whose rename succeeds removes it.
        const stale = `${this.file}.stale-${process.pid}-${Date.now()}`;
        try {
          fs.renameSync(this.file, stale);
        } catch {
          continue;
        }
        fs.rmSync(stale, { force: true });
        takenOver = holder;
      }
    }
    throw new Error(`Cannot take the pipeline lock ${this.file}`);
  }

  /**
   * A rewrite's temporary file that a failed rename left: this process's own (rewrites are
   * synchronous, so none is under way now) or a dead process's.
   */
  private removeStaleRewrites(): void {
    const dir = path.dirname(this.file);
    const pattern = new RegExp(`^${path.basename(this.file).replace('.', '\\.')}\\.(\\d+)\\.tmp$`);
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const pid = Number(pattern.exec(name)?.[1] ?? NaN);
      if (!Number.isInteger(pid) || (pid !== process.pid && isProcessAlive(pid))) continue;
      try {
        fs.rmSync(path.join(dir, name), { force: true });
      } catch {
        // Still unwritable: the next run tries again.
      }
    }
  }

  async holder(): Promise<LockHolder | null> {
    return this.readHolder();
  }

  private readHolder(): LockHolder | null {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      return null;
    }
  }

  /** The run whose process holds the lock with a lease that has not run out, if any. */
  async liveRunId(): Promise<number | null> {
    const holder = this.readHolder();
    return holder && !this.isStale(holder) ? holder.runId : null;
  }

  private isStale(holder: LockHolder): boolean {
    if (!isProcessAlive(holder.pid)) return true;
    if (leaseHasExpired(holder.leaseExpiresAt, this.clock())) return true;
    // This process's own lock that it no longer holds: a run here whose release failed.
    return holder.pid === process.pid && holder.token !== undefined && heldHere.get(this.file) !== holder.token;
  }

  private held(token: string, initialRunId: number | null, content: (id: number | null) => string, takenOver: LockHolder | null): HeldLock {
    let runId = initialRunId;
    const ensureHeld = () => {
      const holder = this.readHolder();
      if (holder?.token !== token) throw new LeaseLostError(holder);
    };
    // Replaced by rename, so that a reader never sees a half-written lock.
    const rewrite = () => {
      const temporary = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, content(runId));
      try {
        fs.renameSync(temporary, this.file);
      } catch (error) {
        // Not left behind where it can be removed (a folder that became unwritable keeps it: acquire clears it).
        fs.rmSync(temporary, { force: true, maxRetries: 0 });
        throw error;
      }
    };
    return {
      takenOver,
      describe: async (id) => {
        runId = id;
        rewrite();
      },
      renew: async () => {
        ensureHeld();
        rewrite();
      },
      ensureHeld,
      release: async () => {
        if (heldHere.get(this.file) === token) heldHere.delete(this.file);
        if (this.readHolder()?.token !== token) return;
        try {
          fs.unlinkSync(this.file);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      },
    };
  }
}
