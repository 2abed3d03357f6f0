import { describe, expect, it } from 'vitest';
import type { SurveyAggregateRecord } from '../repositories/analytics.repository.ts';
import { answerOf, parseYear, questionCounts, scaleValues, shareOf } from './survey-results.service.ts';

const scales = { likert5: { min: 1, max: 5 }, yes_no: { yes: 1, no: 0 } };
const row = (counts: Partial<SurveyAggregateRecord>): SurveyAggregateRecord => ({
  survey: 'S',
  question: 'Q',
  community: 'OST',
  year: 2022,
  n: 0,
  mean: null,
  n0: 0,
  n1: 0,
  n2: 0,
  n3: 0,
  n4: 0,
  n5: 0,
  share4OrMore: null,
  ...counts,
});

describe('survey results', () => {
  it('list a scale’s values highest first, and the values its share counts', () => {
    expect(scaleValues('likert5', scales)).toEqual({ values: [5, 4, 3, 2, 1], shareValues: [5, 4] });
    expect(scaleValues('yes_no', scales)).toEqual({ values: [1, 0], shareValues: [1] });
    expect(scaleValues('yes_no', { ...scales, yes_no: { yes: 2, no: 1 } })).toEqual({ values: [2, 1], shareValues: [2] });
  });

  it('read a question’s counts from its row, and zeros without one', () => {
    const counts = questionCounts('S', 'Q', 'OST', 'likert5', row({ n: 6, n5: 3, n4: 2, n3: 1 }), scales);
    expect(counts.counts).toEqual([
      { value: 5, count: 3 },
      { value: 4, count: 2 },
      { value: 3, count: 1 },
      { value: 2, count: 0 },
      { value: 1, count: 0 },
    ]);
    expect(counts).toMatchObject({ n: 6, hasMean: true, shareValues: [5, 4] });
    expect(questionCounts('S', 'Q', 'LAZ', 'yes_no', undefined, scales)).toMatchObject({ n: 0, hasMean: false, counts: [{ count: 0 }, { count: 0 }] });
  });

  it('give the share in per cent to one decimal, none without answers', () => {
    expect(shareOf(questionCounts('S', 'Q', 'OST', 'likert5', row({ n: 6, n5: 3, n4: 2, n3: 1 }), scales))).toBe(83.3);
    expect(shareOf(questionCounts('S', 'Q', 'OST', 'yes_no', row({ n: 3, n1: 2, n0: 1 }), scales))).toBe(66.7);
    expect(shareOf(questionCounts('S', 'Q', 'OST', 'yes_no', undefined, scales))).toBeNull();
  });

  it('name yes/no answers, and no answer of the 1–5 scale', () => {
    expect(answerOf('yes_no', 1, scales)).toBe('yes');
    expect(answerOf('yes_no', 0, scales)).toBe('no');
    expect(answerOf('likert5', 1, scales)).toBeNull();
  });

  it('take a project year only', () => {
    expect(parseYear('2022', [2021, 2022, 2023])).toBe(2022);
    for (const bad of [undefined, '2020', '22', '2022a']) expect(() => parseYear(bad, [2021, 2022, 2023])).toThrow();
  });
});
