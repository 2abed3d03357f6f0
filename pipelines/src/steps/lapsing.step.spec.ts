import { describe, expect, it } from 'vitest';
import { DEFAULT_LAPSING_SETTINGS, isoWeekOfDate } from '../decline/index.ts';
import { assessCommunityLapsing, type LapsingInput } from './lapsing.step.ts';

/**
 * A community meeting every Tuesday (animation) from 2022-01-04 for `weeks` weeks; 30 regulars come
 * to four meetings of five (person i misses the meetings n with (n + i) % 5 = 0); the first
 * `stopping` of them stop after meeting `stopAfter`.
 */
function community(weeks: number, stopping: number, stopAfter: number): LapsingInput {
  const dates = Array.from({ length: weeks }, (_, n) => new Date(Date.UTC(2022, 0, 4 + 7 * n)).toISOString().slice(0, 10));
  const persons = Array.from({ length: 30 }, (_, i) => ({
    participantId: 100 + i,
    participantCode: `WZG-${String(i).padStart(4, '0')}`,
    positions: dates.map((_, n) => n).filter((n) => (n + i) % 5 !== 0 && (i >= stopping || n <= stopAfter)),
  }));
  return { community: 'WZG', weeks: dates.map(isoWeekOfDate), groups: dates.map(() => 'animation'), dates, persons };
}

describe('assessCommunityLapsing', () => {
  it('raises the community alert when many regulars stop at once, and words it', () => {
    const input = community(70, 10, 61);
    const lastWeek = input.weeks[69]!;
    const { regulars, finding } = assessCommunityLapsing(input, DEFAULT_LAPSING_SETTINGS, lastWeek, 'Os. Wzgórze');
    expect(finding).toMatchObject({ community: 'WZG', groupCode: '', measure: 'lapsingRegulars', lastWeek, observed: 10, baselineKind: 'regular_rates' });
    expect(finding!.expected).toBeLessThan(3);
    expect(finding!.drop).toBeCloseTo(10 / 30);
    expect(finding!.pValue).toBeLessThan(0.05);
    expect(finding!.since <= input.weeks[63]!).toBe(true);
    expect(finding!.sentencePl).toMatch(
      /^W społeczności Os\. Wzgórze 10 z 30 stałych uczestników przestało przychodzić od tygodnia 2023-W\d\d \(zwykle bywali na \d+% swoich zajęć;/,
    );
    expect(finding!.sentenceEn).toMatch(
      /^In Os\. Wzgórze, 10 of 30 regulars have stopped coming since week 2023-W\d\d \(they usually came to \d+% of their activities;/,
    );
    // The ten who stopped lead the list, the most unusual absence first; codes and dates carried over.
    const lapsing = regulars.filter((r) => r.lapsing);
    expect(lapsing.map((r) => r.participantId).sort()).toEqual(Array.from({ length: 10 }, (_, i) => 100 + i));
    expect(regulars.slice(0, 10).every((r) => r.lapsing && r.counted)).toBe(true);
    expect(regulars.map((r) => r.rank)).toEqual(regulars.map((_, i) => i + 1));
    for (let i = 1; i < regulars.length; i++) expect(regulars[i]!.absenceProbability).toBeGreaterThanOrEqual(regulars[i - 1]!.absenceProbability);
    const first = regulars.find((r) => r.participantId === 100)!;
    expect(first).toMatchObject({ participantCode: 'WZG-0000', groups: ['animation'], lastDate: input.dates[61] });
    expect(first.usualRate).toBeGreaterThan(0.6);
  });

  it('raises nothing while the regulars keep coming, and nothing before the first activity', () => {
    const input = community(70, 0, 0);
    const steady = assessCommunityLapsing(input, DEFAULT_LAPSING_SETTINGS, input.weeks[69]!, 'Os. Wzgórze');
    expect(steady.finding).toBeNull();
    expect(steady.regulars).toHaveLength(30);
    expect(steady.regulars.some((r) => r.lapsing)).toBe(false);
    expect(assessCommunityLapsing(input, DEFAULT_LAPSING_SETTINGS, '2021-W40', 'Os. Wzgórze')).toEqual({ regulars: [], finding: null });
  });

  it('reads a week of the scan only up to the last complete week it is given', () => {
    // The same stop seen two weeks in: too early for the community test to be sure.
    const input = community(64, 10, 61);
    const { finding } = assessCommunityLapsing(input, DEFAULT_LAPSING_SETTINGS, input.weeks[63]!, 'Os. Wzgórze');
    expect(finding).toBeNull();
  });
});
