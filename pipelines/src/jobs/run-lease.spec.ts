import { describe, expect, it } from 'vitest';
import { defaultLeasePolicy, leaseExpiry, leaseHasExpired, leasePolicyFromEnvironment, presentLeasedRun } from './run-lease.ts';

describe('run lease', () => {
  it('expires at its expiry, not before; a run without a lease never expires by time', () => {
    const now = new Date('2026-12-04T12:00:00Z');
    const expiry = leaseExpiry(now, defaultLeasePolicy);
    expect(expiry.toISOString()).toBe('2026-12-04T12:01:00.000Z');
    expect(leaseHasExpired(expiry, new Date('2026-12-04T12:00:59.999Z'))).toBe(false);
    expect(leaseHasExpired(expiry, expiry)).toBe(true);
    expect(leaseHasExpired(expiry.toISOString(), new Date('2026-12-04T12:02:00Z'))).toBe(true);
    expect(leaseHasExpired(null, new Date('2030-01-01'))).toBe(false);
  });

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
