import { describe, expect, it } from 'vitest';
import { answerLabel, answerPercent, barSegments } from './survey-figures';

const likert = (counts: (number | null)[]) => counts.map((count, i) => ({ value: 5 - i, answer: null, count }));

describe('survey figures', () => {
  it('name yes/no answers in words and scale answers by their value', () => {
    expect(answerLabel({ value: 1, answer: 'yes', count: 3 }, 'pl')).toBe('tak');
    expect(answerLabel({ value: 0, answer: 'no', count: 3 }, 'en')).toBe('no');
    expect(answerLabel({ value: 4, answer: null, count: 3 }, 'pl')).toBe('4');
  });

  it('split the bar by the answers given, in their order', () => {
    const segments = barSegments({ n: 10, distribution: likert([5, 0, 3, 2, 0]) });
    expect(segments.map((s) => [s.key, s.percent])).toEqual([
      ['5', 50],
      ['3', 30],
      ['2', 20],
    ]);
  });

  it('put the hidden counts into one part of what the shown counts leave', () => {
    const segments = barSegments({ n: 12, distribution: likert([6, null, 3, null, 0]) });
    expect(segments.map((s) => [s.key, s.percent])).toEqual([
      ['5', 50],
      ['3', 25],
      ['hidden', 25],
    ]);
  });

  it('draw no bar without n or answers', () => {
    expect(barSegments({ n: null, distribution: likert([null, null, null, null, null]) })).toEqual([]);
    expect(barSegments({ n: 0, distribution: likert([0, 0, 0, 0, 0]) })).toEqual([]);
  });

  it('give an answer’s share only where its count and n are shown', () => {
    expect(answerPercent(3, 12)).toBe(25);
    expect(answerPercent(null, 12)).toBeNull();
    expect(answerPercent(3, null)).toBeNull();
    expect(answerPercent(0, 0)).toBeNull();
  });
});
