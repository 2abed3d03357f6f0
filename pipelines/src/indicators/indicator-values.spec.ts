import { describe, expect, it } from 'vitest';
import { indicatorMayHaveChanged } from './indicator-values.ts';

const window2022 = { from: '2021-01-01', to: '2022-12-31' };
const none = { days: [], participants: false, surveyAnswers: false };

describe('indicatorMayHaveChanged', () => {
  it('re-measures counts of activities and persons only when a changed day falls in the window', () => {
    expect(indicatorMayHaveChanged('distinct_participants', window2022, { ...none, days: ['2023-01-01'] })).toBe(false);
    expect(indicatorMayHaveChanged('activity_count', window2022, { ...none, days: ['2020-12-31', '2023-03-01'] })).toBe(false);
    expect(indicatorMayHaveChanged('distinct_participants', window2022, { ...none, days: ['2022-12-31'] })).toBe(true);
    expect(indicatorMayHaveChanged('activity_count', window2022, { ...none, days: ['2021-01-01'] })).toBe(true);
  });

  it('re-measures leaders on any register change and survey shares on any new answers, whatever the days', () => {
    expect(indicatorMayHaveChanged('leaders', window2022, { ...none, days: ['2022-05-01'] })).toBe(false);
    expect(indicatorMayHaveChanged('leaders', window2022, { ...none, participants: true })).toBe(true);
    expect(indicatorMayHaveChanged('survey_share', window2022, { ...none, days: ['2022-05-01'] })).toBe(false);
    expect(indicatorMayHaveChanged('survey_share', window2022, { ...none, surveyAnswers: true })).toBe(true);
  });
});
