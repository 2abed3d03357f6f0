/**
 * The pipeline's run lock, as the operational database boundary offers it: one run at a time per
 * installation, across processes, held with a lease that its holder renews. A holder whose
 * process is gone, or whose lease has run out (a frozen or vanished process), is taken over.
 */

export interface LeasePolicy {
  /** How long a lease lasts after each renewal. */
  expiryMs: number;
  /** How often the running process renews it (well inside the expiry). */
  renewMs: number;
}

export interface RunLockOptions {
  lease?: LeasePolicy;
  /** The wall clock (not the installation's fixed "today"): leases are about real time. */
  clock?: () => Date;
}

export interface LockHolder {
  runId: number | null;
  pid: number;
  since: string;
  /** Renewed by the holder while it runs; absent in locks written before leases. */
  leaseExpiresAt?: string;
  /** Tells two holdings by the same process apart. */
  token?: string;
}

/**
 * Asynchronous wherever a database-held lock (a PostgreSQL lease or advisory lock) has to ask its
 * database; `ensureHeld` answers at once, from what the holder last knew, because a run checks
 * it between its steps.
 */
export interface RunLock {
  /** Takes the lock, or rejects with PipelineBusyError naming the holder whose lease still holds. */
  acquire(runId: number | null): Promise<HeldLock>;
  /** Who holds the lock now, live or stale; null when nobody does. */
  holder(): Promise<LockHolder | null>;
  /** The run whose holder holds the lock with a lease that has not run out, if any. */
  liveRunId(): Promise<number | null>;
}

export interface HeldLock {
  /** The holder this acquisition replaced because its process was gone or its lease had run out. */
  readonly takenOver: LockHolder | null;
  /** Names the run in the lock, so a refused request can say which run is in progress. */
  describe(runId: number): Promise<void>;
  /** Extends the lease; rejects with LeaseLostError when another process has taken the lock over. */
  renew(): Promise<void>;
  /** Throws LeaseLostError unless this acquisition still holds the lock (as far as it knows without waiting). */
  ensureHeld(): void;
  /** Gives the lock up if it is still this acquisition's. */
  release(): Promise<void>;
}

export class PipelineBusyError extends Error {
  constructor(readonly holder: LockHolder) {
    super(`A pipeline run is already in progress (run #${holder.runId ?? '?'}, process ${holder.pid}, since ${holder.since})`);
    this.name = 'PipelineBusyError';
  }
}

/** The run's process no longer holds the lock (its lease ran out and another process took it over). */
export class LeaseLostError extends Error {
  constructor(readonly holder: LockHolder | null) {
    super(
      `the run lost the pipeline lock: its lease ran out while the process was not renewing it${holder ? `, and run #${holder.runId ?? '?'} (process ${holder.pid}) took over` : ''}; nothing of this run is published`,
    );
    this.name = 'LeaseLostError';
  }
}

export const defaultLeasePolicy: LeasePolicy = { expiryMs: 60_000, renewMs: 15_000 };

export function leaseExpiry(now: Date, policy: LeasePolicy): Date {
  return new Date(now.getTime() + policy.expiryMs);
}

/** A lease without an expiry (written before leases existed) never runs out by time. */
export function leaseHasExpired(expiresAt: Date | string | null | undefined, now: Date): boolean {
  if (expiresAt === null || expiresAt === undefined) return false;
  const at = typeof expiresAt === 'string' ? new Date(expiresAt) : expiresAt;
  return !Number.isNaN(at.getTime()) && at.getTime() <= now.getTime();
}

/** Whether a process with this id is running (one of another user counts: signalling it is refused with EPERM). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
