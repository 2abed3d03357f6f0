import { describe, expect, it } from 'vitest';
import { leasePolicyFromEnvironment, presentLeasedRun } from './run-lease.ts';

describe('run lease', () => {
  it('shows a running run whose lease ran out as failed, abandoned, with when; not the live one', () => {
    const leaseExpiresAt = new Date('2026-12-04T12:01:00Z');
    const run = { id: 3, status: 'running', finishedAt: null, leaseExpiresAt, error: null, mode: 'full' };
    expect(presentLeasedRun(run, new Date('2026-12-04T12:00:30Z'), null)).toBe(run);
    expect(presentLeasedRun(run, new Date('2026-12-04T12:05:00Z'), null)).toEqual({
      ...run,
      status: 'failed',
      finishedAt: leaseExpiresAt,
      error: 'abandoned: the process stopped (its lease ran out at 2026-12-04T12:01:00.000Z)',
    });
    // The lock says its process is alive and renewing (its database renewal is waiting on a busy database).
    expect(presentLeasedRun(run, new Date('2026-12-04T12:05:00Z'), 3)).toBe(run);
    const finished = { ...run, status: 'succeeded' };
    expect(presentLeasedRun(finished, new Date('2026-12-04T12:05:00Z'), null)).toBe(finished);
  });

  it('reads its duration from OSL_PIPELINE_LEASE_MS, renewing four times per lease', () => {
    expect(leasePolicyFromEnvironment({})).toEqual({ expiryMs: 60_000, renewMs: 15_000 });
    expect(leasePolicyFromEnvironment({ OSL_PIPELINE_LEASE_MS: '2000' })).toEqual({ expiryMs: 2000, renewMs: 500 });
    expect(() => leasePolicyFromEnvironment({ OSL_PIPELINE_LEASE_MS: 'soon' })).toThrow(/OSL_PIPELINE_LEASE_MS must be/);
  });
});
