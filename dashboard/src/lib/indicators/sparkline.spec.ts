import { describe, expect, it } from 'vitest';
import { buildSparkline, sparkPointsByCode } from './sparkline';

describe('buildSparkline', () => {
  it('draws values as a line and targets as steps on one scale', () => {
    const line = buildSparkline(
      [
        { year: 2021, value: 50, target: 100 },
        { year: 2022, value: 100, target: 100 },
        { year: 2023, value: null, target: 150 },
      ],
      106,
      36,
    );
    expect(line.valuePath).toBe('M3.0 23.0L53.0 13.0');
    expect(line.dots.map((d) => d.year)).toEqual([2021, 2022]);
    // The 2023 target (the highest figure) sits at the top.
    expect(line.targetPath).toContain('M78.0 3.0H103.0');
  });

  it('breaks the line at a missing year', () => {
    const line = buildSparkline(
      [
        { year: 2021, value: 1, target: null },
        { year: 2022, value: null, target: null },
        { year: 2023, value: 1, target: null },
      ],
      100,
      20,
    );
    expect(line.valuePath.match(/M/g)).toHaveLength(2);
    expect(line.targetPath).toBe('');
  });
});

describe('sparkPointsByCode', () => {
  it('groups the values per indicator, in year order whatever the order of the answer', () => {
    const byCode = sparkPointsByCode([
      { code: 'P1', year: 2023, value: 230, target: 250 },
      { code: 'P2', year: 2021, value: null, target: 10 },
      { code: 'P1', year: 2021, value: 90, target: 100 },
      { code: 'P1', year: 2022, value: 170, target: 180 },
    ]);
    expect(byCode.get('P1')).toEqual([
      { year: 2021, value: 90, target: 100 },
      { year: 2022, value: 170, target: 180 },
      { year: 2023, value: 230, target: 250 },
    ]);
    expect(byCode.get('P2')).toEqual([{ year: 2021, value: null, target: 10 }]);
    expect(byCode.get('P3')).toBeUndefined();
  });
});
