import { describe, expect, it } from 'vitest';
import { betaI, erfc, gammaQ, logGamma, lowerTailPValue, negativeBinomialCdf, normalQuantile, poissonCdf } from './count-stats.ts';

function poissonCdfBySum(k: number, mean: number): number {
  let term = Math.exp(-mean);
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= mean / i;
    sum += term;
  }
  return sum;
}

function negativeBinomialCdfBySum(k: number, mean: number, size: number): number {
  const p = size / (size + mean);
  let term = Math.pow(p, size);
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= ((i - 1 + size) / i) * (1 - p);
    sum += term;
  }
  return sum;
}

describe('count distributions', () => {
  it('computes ln Γ', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(100.5)).toBeCloseTo(361.4355404677776, 8);
  });

  it('has the limits of the incomplete gamma and beta functions', () => {
    expect(gammaQ(3, 0)).toBe(1);
    expect(betaI(0, 2, 3)).toBe(0);
    expect(betaI(1, 2, 3)).toBe(1);
    // I_x(1, 1) = x; I_x(a, b) = 1 − I_{1−x}(b, a)
    expect(betaI(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(betaI(0.3, 2.5, 4)).toBeCloseTo(1 - betaI(0.7, 4, 2.5), 12);
  });

  it('gives the Poisson lower tail', () => {
    for (const [k, mean] of [
      [0, 3],
      [3, 3],
      [10, 4.2],
      [52, 71.2],
      [180, 210],
    ] as const) {
      expect(poissonCdf(k, mean)).toBeCloseTo(poissonCdfBySum(k, mean), 10);
    }
    expect(poissonCdf(-1, 3)).toBe(0);
  });

  it('gives the negative-binomial lower tail, tending to the Poisson one', () => {
    for (const [k, mean, size] of [
      [0, 5, 2],
      [4, 5, 2],
      [40, 60, 8.5],
      [150, 200, 30],
    ] as const) {
      expect(negativeBinomialCdf(k, mean, size)).toBeCloseTo(negativeBinomialCdfBySum(k, mean, size), 10);
    }
    expect(negativeBinomialCdf(40, 60, 1e12)).toBeCloseTo(poissonCdf(40, 60), 8);
  });

  it('matches a negative binomial to mean and variance, and is wider when overdispersed', () => {
    expect(lowerTailPValue(40, 60, 60)).toBeCloseTo(poissonCdf(40, 60), 12);
    const size = (60 * 60) / (120 - 60);
    expect(lowerTailPValue(40, 60, 120)).toBeCloseTo(negativeBinomialCdf(40, 60, size), 12);
    expect(lowerTailPValue(40, 60, 120)).toBeGreaterThan(lowerTailPValue(40, 60, 60));
    expect(lowerTailPValue(5, 0, 0)).toBe(1);
  });

  it('inverts the normal distribution', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326347874040841, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    for (const p of [1e-12, 0.003, 0.2, 0.7, 0.999]) expect(0.5 * erfc(-normalQuantile(p) / Math.SQRT2)).toBeCloseTo(p, 14);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
  });
});
