import { describe, expect, it } from 'vitest';
import { megabytes } from './megabytes.ts';

describe('megabytes', () => {
  it('gives one decimal from 1 MB up and two significant digits below, never 0 for a non-empty size', () => {
    expect(megabytes(50 * 1024 * 1024)).toBe(50);
    expect(megabytes(1.26 * 1024 * 1024)).toBe(1.3);
    expect(megabytes(300 * 1024)).toBe(0.29);
    expect(megabytes(1000)).toBe(0.00095);
  });
});
