import { describe, expect, it } from 'vitest';
import { resolveDeclineConfig } from './decline-config.ts';
import { detectDecline, detectDeclineResuming, firstDifferingWeek, scanDeclineHistory, type WeeklyParticipation } from './decline-detector.ts';
import { seedOf, simulateCommunity } from './decline-simulation.ts';

// A scan resumed where the series changed must give exactly what a scan from the start gives: the
// pipeline's incremental runs rely on it (and on the checkpoint it hands on).
const cases = [10, 40, 150].flatMap((regulars) =>
  [0, 1, 2].map((rep) => {
    const seed = seedOf(regulars, rep, 31);
    const drop = rep === 0 ? undefined : { fraction: rep === 1 ? 0.5 : 0.3, fromWeek: `2023-W${String(8 + ((seed >>> 4) % 36)).padStart(2, '0')}` };
    return {
      name: `${regulars} regulars, ${drop ? `drop ${drop.fraction} from ${drop.fromWeek}` : 'stable'}`,
      series: simulateCommunity({ regulars, seed, drop }).series,
    };
  }),
);

function fromScratch(series: WeeklyParticipation[]) {
  return detectDeclineResuming(series, {}, null);
}

describe('a resumed decline scan', () => {
  it('without a checkpoint, gives for every prefix the alerts the week-by-week history holds at its last week', () => {
    // scanDeclineHistory records every week's state in one pass; a scan of a prefix must agree with
    // it at that week (a week's test reads no later week), and alerts must be among the cases.
    for (const c of cases) {
      const history = scanDeclineHistory(c.series);
      for (const cut of [30, 75, 120, c.series.length])
        expect(fromScratch(c.series.slice(0, cut)).findings, `${c.name}, ${cut} weeks`).toEqual(history[cut - 1]!.alerts);
    }
    expect(cases.some((c) => fromScratch(c.series).findings.length > 0)).toBe(true);
  });

  for (const c of cases) {
    it(`equals a scan from the start when weeks are added, when a week is corrected, and resumed twice: ${c.name}`, () => {
      const full = fromScratch(c.series);
      for (const cut of [20, 60, 100, 130, c.series.length - 3, c.series.length - 1]) {
        // Weeks added at the end (the usual incremental run).
        const before = fromScratch(c.series.slice(0, cut));
        const resumed = detectDeclineResuming(c.series, {}, { series: c.series.slice(0, cut), checkpoint: before.checkpoint });
        expect(resumed.resumedAt).toBe(cut);
        expect(resumed.findings).toEqual(full.findings);
        expect(resumed.checkpoint).toEqual(full.checkpoint);
        // A week corrected in the middle: the previous scan saw other counts from week `cut` on.
        const altered = c.series.map((w, i) => (i === cut ? { ...w, attendances: w.attendances + 7, distinctParticipants: w.distinctParticipants + 3 } : w));
        const alteredScan = fromScratch(altered);
        const corrected = detectDeclineResuming(c.series, {}, { series: altered, checkpoint: alteredScan.checkpoint });
        expect(corrected.resumedAt).toBe(Math.min(cut, c.series.length - 1));
        expect(corrected.findings).toEqual(full.findings);
        expect(corrected.checkpoint).toEqual(full.checkpoint);
      }
      // Resumed from a resumed scan's checkpoint.
      const first = fromScratch(c.series.slice(0, 90));
      const second = detectDeclineResuming(c.series.slice(0, 120), {}, { series: c.series.slice(0, 90), checkpoint: first.checkpoint });
      const third = detectDeclineResuming(c.series, {}, { series: c.series.slice(0, 120), checkpoint: second.checkpoint });
      expect(third.findings).toEqual(full.findings);
      expect(third.checkpoint).toEqual(full.checkpoint);
    });
  }

  it('starts from the beginning when the weeks moved (the series begins earlier)', () => {
    const series = cases[4]!.series;
    const later = fromScratch(series.slice(10));
    const resumed = detectDeclineResuming(series, {}, { series: series.slice(10), checkpoint: later.checkpoint });
    expect(resumed.resumedAt).toBe(0);
    expect(resumed.findings).toEqual(detectDecline(series));
  });

  it('tests the last week again when nothing changed', () => {
    const series = cases[5]!.series;
    const scan = fromScratch(series);
    const again = detectDeclineResuming(series, {}, { series, checkpoint: scan.checkpoint });
    expect(again.resumedAt).toBe(series.length - 1);
    expect(again.findings).toEqual(scan.findings);
  });

  it('finds the first differing week', () => {
    const a: WeeklyParticipation[] = [
      { week: '2023-W01', attendances: 5, distinctParticipants: 4, activities: 1 },
      { week: '2023-W02', attendances: 6, distinctParticipants: 4, activities: 1 },
    ];
    expect(firstDifferingWeek(a, a)).toBe(2);
    expect(firstDifferingWeek(a, a.slice(0, 1))).toBe(1);
    expect(firstDifferingWeek(a, [a[0]!, { ...a[1]!, activities: 2 }])).toBe(1);
    expect(firstDifferingWeek(a, [{ ...a[0]!, week: '2022-W52' }, a[1]!])).toBe(0);
  });

  it('builds the weeks’ calendar again when the holiday weeks change, even in the same array', () => {
    const series = cases[4]!.series;
    const holidayWeeks = [1, 52, 53];
    scanDeclineHistory(series, { holidayWeeks });
    holidayWeeks.push(...Array.from({ length: 12 }, (_, i) => 24 + i));
    const after = scanDeclineHistory(series, { holidayWeeks });
    // The same with a calendar built from scratch (another series' weeks in between).
    scanDeclineHistory(series.slice(1), {});
    expect(after).toEqual(scanDeclineHistory(series, { holidayWeeks: [...holidayWeeks] }));
    expect(after).not.toEqual(scanDeclineHistory(series, { holidayWeeks: [1, 52, 53] }));
  });

  it('keeps last year’s widened weeks within last year (each week’s test reads no later week)', () => {
    expect(() => resolveDeclineConfig({ seasonalSmoothingWeeks: 27 })).toThrow(/seasonalSmoothingWeeks/);
    expect(resolveDeclineConfig({ seasonalSmoothingWeeks: 26 }).seasonalSmoothingWeeks).toBe(26);
  });
});
