import { describe, expect, it } from 'vitest';
import { describeLapsing } from './describe-lapsing.ts';

const figures = { lapsing: 9, regulars: 38, expected: 2.4, since: '2023-W12', medianRate: 0.554 };

describe('describeLapsing', () => {
  it('says in Polish how many regulars stopped, since when, how often they came and what chance explains', () => {
    expect(describeLapsing(figures, { communityName: 'Mieszkańcy Os. Wzgórze', lang: 'pl' })).toBe(
      'W społeczności Mieszkańcy Os. Wzgórze 9 z 38 stałych uczestników przestało przychodzić od tygodnia 2023-W12 ' +
        '(zwykle bywali na 55% swoich zajęć; przy ich zwykłej frekwencji spodziewano by się około 2 takich osób).',
    );
  });

  it('says it in English', () => {
    expect(describeLapsing(figures, { communityName: 'Mieszkańcy Os. Wzgórze', lang: 'en' })).toBe(
      'In Mieszkańcy Os. Wzgórze, 9 of 38 regulars have stopped coming since week 2023-W12 ' +
        '(they usually came to 55% of their activities; at their usual rates about 2 would be expected).',
    );
  });

  it('agrees in number with one person and one expected', () => {
    const one = describeLapsing({ ...figures, lapsing: 1, expected: 1 }, { communityName: 'X', lang: 'pl' });
    expect(one).toContain('1 z 38 stałych uczestników przestał przychodzić');
    expect(one).toContain('zwykle bywał na 55%');
    expect(one).toContain('około 1 takiej osoby');
    expect(describeLapsing({ ...figures, lapsing: 1 }, { communityName: 'X', lang: 'en' })).toContain('1 of 38 regulars has stopped');
  });

  it('says fewer than one when chance explains less than half a person', () => {
    expect(describeLapsing({ ...figures, expected: 0.3 }, { communityName: 'X', lang: 'pl' })).toContain('spodziewano by się mniej niż jednej takiej osoby).');
    expect(describeLapsing({ ...figures, expected: 0.3 }, { communityName: 'X', lang: 'en' })).toContain(
      'at their usual rates fewer than one would be expected).',
    );
  });
});
