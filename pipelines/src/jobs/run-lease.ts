import { defaultLeasePolicy, leaseHasExpired, type LeasePolicy } from '@osl/prisma';

/**
 * A running pipeline run holds a lease that its process renews; a lease that has run out means
 * the process stopped (killed, frozen, its machine gone), whatever its pid looks like. The lock
 * and the run history both read it, so a dead run neither blocks the next one nor shows as
 * running until someone restarts the server.
 */

/**
 * `OSL_PIPELINE_LEASE_MS` (the expiry; renewed every quarter of it), for tests and for machines
 * whose runs block their process longer than a minute. Unset: one minute, renewed every 15 s.
 */
export function leasePolicyFromEnvironment(env: NodeJS.ProcessEnv): LeasePolicy {
  const raw = env.OSL_PIPELINE_LEASE_MS;
  if (raw === undefined || raw === '') return defaultLeasePolicy;
  const expiryMs = Number(raw);
  if (!Number.isInteger(expiryMs) || expiryMs < 200)
    throw new Error(`OSL_PIPELINE_LEASE_MS must be a whole number of milliseconds (200 or more), got "${raw}"`);
  return { expiryMs, renewMs: Math.max(50, Math.floor(expiryMs / 4)) };
}

/** The error a run abandoned by its process is recorded with. */
export function abandonedRunError(expiredAt: Date): string {
  return `abandoned: the process stopped (its lease ran out at ${expiredAt.toISOString()})`;
}

export interface LeasedRun {
  id: number;
  status: string;
  finishedAt: Date | null;
  leaseExpiresAt: Date | null;
  error: string | null;
}

/**
 * A run as the history shows it: 'running' only while its lease holds (or while the lock, which
 * never waits for the database, says its process is alive and renewing); otherwise failed,
 * abandoned, since its lease ran out.
 */
export function presentLeasedRun<T extends LeasedRun>(run: T, now: Date, liveRunId: number | null): T {
  if (run.status !== 'running' || run.id === liveRunId || !run.leaseExpiresAt || !leaseHasExpired(run.leaseExpiresAt, now)) return run;
  return { ...run, status: 'failed', finishedAt: run.leaseExpiresAt, error: abandonedRunError(run.leaseExpiresAt) };
}
