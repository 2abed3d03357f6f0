import { describe, expect, it } from 'vitest';
import { defaultConfigDir, loadConfig } from '@osl/data';
import { buildTargetPath, findReachIndicator, reachedAtYearEnds } from './participation.service.ts';

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

describe('reachedAtYearEnds', () => {
  it("puts each year's reach value at that year's last month, and says where the mask hides it", () => {
    const months = ['2021-11', '2021-12', '2022-01', '2022-12', '2023-01', '2023-02'];
    const found = reachedAtYearEnds(months, [
      { year: 2021, value: 47 },
      { year: 2022, value: null, suppressed: ['achievement', 'status', 'value'] },
      // A year under way: its value to date belongs to its latest month.
      { year: 2023, value: 141 },
      { year: 2024, value: 150 },
    ]);
    expect([...found]).toEqual([
      ['2021-12', { value: 47, hidden: false }],
      ['2022-12', { value: null, hidden: true }],
      ['2023-02', { value: 141, hidden: false }],
    ]);
  });
});
