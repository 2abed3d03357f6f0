import { describe, expect, it } from 'vitest';
import { joinRetries, retryDelayMs, runCovers } from './scheduled-run-retry.ts';

describe('scheduled run retry policy', () => {
  it('waits 1, 2 and 4 minutes, then gives up', () => {
    expect([1, 2, 3, 4].map((retry) => retryDelayMs(retry))).toEqual([60_000, 120_000, 240_000, null]);
    expect(retryDelayMs(0)).toBeNull();
    expect(retryDelayMs(2, { firstDelayMs: 10, factor: 3, maxRetries: 2 })).toBe(30);
  });

  it('coalesces a request into the run in progress only when that run does what was asked', () => {
    expect(runCovers('incremental', 'incremental')).toBe(true);
    expect(runCovers('full', 'incremental')).toBe(true);
    expect(runCovers('full', 'full')).toBe(true);
    expect(runCovers('incremental', 'full')).toBe(false);
    expect(runCovers(null, 'full')).toBe(false);
  });

  it('joins a second failure into the pending retry with the stronger mode', () => {
    expect(joinRetries('incremental', 'incremental')).toBe('incremental');
    expect(joinRetries('incremental', 'full')).toBe('full');
    expect(joinRetries('full', 'incremental')).toBe('full');
  });
});
