import { describe, expect, it } from 'vitest';
import { cleanUpAfter } from './clean-up.ts';

class StepError extends Error {}

describe('cleanUpAfter', () => {
  it('keeps the cause (its class too) and appends what the clean-up could not do', () => {
    const cause = new StepError("EACCES: permission denied, open '/srv/osl/analytics/build-000009.duckdb'");
    const steps: string[] = [];
    const result = cleanUpAfter(
      cause,
      () => steps.push('close'),
      () => {
        throw new Error("EACCES: permission denied, unlink '/srv/osl/analytics/build-000009.duckdb'\n(more detail)");
      },
      () => steps.push('work folder'),
    );
    expect(result).toBe(cause);
    expect(result).toBeInstanceOf(StepError);
    expect(steps).toEqual(['close', 'work folder']);
    expect(result.message).toBe(
      "EACCES: permission denied, open '/srv/osl/analytics/build-000009.duckdb'; the clean-up also failed: EACCES: permission denied, unlink '/srv/osl/analytics/build-000009.duckdb'",
    );
  });

  it('leaves the message alone when the clean-up succeeds', () => {
    expect(cleanUpAfter(new Error('IO Error: disk full'), () => {}).message).toBe('IO Error: disk full');
    expect(cleanUpAfter('not an error').message).toBe('not an error');
  });
});
