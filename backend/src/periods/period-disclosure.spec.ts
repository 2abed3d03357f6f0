import { defaultConfigDir, loadConfig } from '@osl/data';
import { describe, expect, it } from 'vitest';
import type { FrozenFigure } from './frozen-period.ts';
import { protectDrillDown, protectPeriodFigures } from './period-disclosure.ts';

const config = loadConfig(defaultConfigDir);
const communities = config.communities.map((c) => c.code);

const figure = (code: string, community: string, valueWithin: number, valueCumulative: number): FrozenFigure => ({
  code,
  community,
  valueWithin,
  valueCumulative,
  target: 5,
  achievement: valueCumulative / 5,
  status: 'not_achieved',
  withinFrom: '2022-01-01',
  withinTo: '2022-06-30',
  cumulativeFrom: '2021-01-01',
  cumulativeTo: '2022-06-30',
});

describe('protectPeriodFigures', () => {
  it('hides persons counts of 1–2 with their achievement and status, never counts of activities', () => {
    const shown = protectPeriodFigures([figure('P1', 'LAZ', 2, 14), figure('P2', 'LAZ', 1, 1)], config.indicators, 3, communities);
    expect(shown[0]).toMatchObject({ valueWithin: null, valueCumulative: 14, suppressed: ['valueWithin'], status: 'not_achieved' });
    expect(shown[1]).toMatchObject({ valueWithin: 1, valueCumulative: 1 });
    expect(shown[1]!.suppressed).toBeUndefined();
  });

  it('hides a second community of leaders, whose communities add up to ALL', () => {
    const leaders = [figure('P5', 'WZG', 4, 6), figure('P5', 'OST', 3, 4), figure('P5', 'LAZ', 1, 3), figure('P5', 'ALL', 8, 13)];
    const shown = protectPeriodFigures(leaders, config.indicators, 3, communities);
    const hiddenWithin = shown.filter((f) => f.suppressed?.includes('valueWithin')).map((f) => f.community);
    expect(hiddenWithin).toContain('LAZ');
    expect(hiddenWithin.length).toBeGreaterThanOrEqual(2);
    const cumulativeHidden = shown.find((f) => f.community === 'LAZ')!.suppressed?.includes('valueCumulative');
    expect(cumulativeHidden).toBeFalsy();
  });

  it('withholds the codes of a community whose person count is hidden', () => {
    const shown = protectPeriodFigures([figure('P1', 'LAZ', 2, 14), figure('P1', 'WZG', 9, 30)], config.indicators, 3, communities);
    const drillDown = protectDrillDown(
      {
        activities: [],
        persons: [
          { code: 'L001', community: 'LAZ', attendances: 1 },
          { code: 'W001', community: 'WZG', attendances: 4 },
        ],
        regulars: [],
        leaders: [],
        surveyAnswers: [],
      },
      shown,
      config.indicators,
    );
    expect(drillDown.persons.map((p) => p.code)).toEqual(['W001']);
  });
});
