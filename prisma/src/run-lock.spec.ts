import { describe, expect, it } from 'vitest';
import { defaultLeasePolicy, leaseExpiry, leaseHasExpired } from './run-lock.ts';

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
});
