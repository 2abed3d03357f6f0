import { describe, expect, it } from 'vitest';
import { hasIsolatedPoints } from './line-points';

describe('hasIsolatedPoints', () => {
  it('finds a value between gaps, at the ends too', () => {
    expect(hasIsolatedPoints([null, null, 47, null, null, 92])).toBe(true);
    expect(hasIsolatedPoints([5, null, 7, 8])).toBe(true);
    expect(hasIsolatedPoints([47])).toBe(true);
  });

  it('finds none in a line whose values all have a neighbour', () => {
    expect(hasIsolatedPoints([1, 2, null, 3, 4])).toBe(false);
    expect(hasIsolatedPoints([null, null])).toBe(false);
    expect(hasIsolatedPoints([])).toBe(false);
  });
});
