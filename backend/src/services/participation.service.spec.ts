import { describe, expect, it } from 'vitest';
import { defaultConfigDir, loadConfig } from '@osl/data';
import { buildTargetPath, findReachIndicator } from './participation.service.ts';

const config = loadConfig(defaultConfigDir);

describe('findReachIndicator', () => {
  it('finds the cumulative count of persons with one attendance, whatever its code', () => {
    expect(findReachIndicator(config.indicators)?.code).toBe('P1');
    const renamed = config.indicators.map((i) => (i.code === 'P1' ? { ...i, code: 'OSOBY' } : i));
    expect(findReachIndicator(renamed)?.code).toBe('OSOBY');
    expect(findReachIndicator(config.indicators.filter((i) => i.code !== 'P1'))).toBeUndefined();
  });
});

describe('buildTargetPath', () => {
  it('gives the expected-to-date at each month end, reaching each year target in December', () => {
    const p1 = findReachIndicator(config.indicators)!;
    const path = buildTargetPath(p1, p1.targets.WZG!, 0, config.project);
    expect(path).toHaveLength(36);
    expect(path[0]).toEqual({ period: '2021-01', expected: Number(((41 * 31) / 365).toFixed(2)) });
    expect(path.find((p) => p.period === '2021-12')!.expected).toBe(41);
    // Halfway through 2022 on 30 June (day 181): 41 + 40 × 181/365.
    expect(path.find((p) => p.period === '2022-06')!.expected).toBe(Number((41 + (40 * 181) / 365).toFixed(2)));
    expect(path.at(-1)).toEqual({ period: '2023-12', expected: 117 });
  });
});
