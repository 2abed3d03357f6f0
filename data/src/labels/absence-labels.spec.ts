import { describe, expect, it } from 'vitest';
import { absenceKind, absenceLabels } from './absence-labels.ts';

describe('absenceKind', () => {
  it('words an absence by the test’s verdict and, when lapsing, by how small its probability is', () => {
    expect(absenceKind({ absenceProbability: 0.002, lapsing: true })).toBe('very_unusual');
    expect(absenceKind({ absenceProbability: 0.03, lapsing: true })).toBe('unusual');
    expect(absenceKind({ absenceProbability: 0.002, lapsing: false })).toBe('usual');
    expect(absenceLabels[absenceKind({ absenceProbability: 0.002, lapsing: true })].pl).toBe('bardzo nietypowa nieobecność');
  });
});
