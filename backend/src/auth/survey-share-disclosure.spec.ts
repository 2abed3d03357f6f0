import { describe, expect, it } from 'vitest';
import { indicatorCell, recoverableCells } from './auditor-disclosure.ts';
import {
  protectSurveyFigures,
  shareRatioRelation,
  shownSurveyFigures,
  surveyCell,
  surveyDisclosureTable,
  type SurveyQuestionCounts,
} from './report-disclosure.ts';
import { surveyShareCounts, surveyShareDisclosure, surveyShareHidden, type SurveyShareRule } from './survey-share-disclosure.ts';

const rule: SurveyShareRule = { code: 'R2', survey: 'ANK', question: 'JZ', minValue: 4, decimals: 1, scaleMin: 1, scaleMax: 5 };

/** A 1–5 question's row from its counts of 1, 2, 3, 4, 5. */
const likert = (community: string, counts: number[]): SurveyQuestionCounts => ({
  survey: 'ANK',
  question: 'JZ',
  community,
  n: counts.reduce((a, b) => a + b, 0),
  counts: counts.map((count, i) => ({ value: 5 - i, count: counts[4 - i]! })),
  shareValues: [5, 4],
  hasMean: true,
});
const withAll = (rows: SurveyQuestionCounts[]): SurveyQuestionCounts[] => {
  const counts = rows[0]!.counts.map((c, i) => ({ value: c.value, count: rows.reduce((s, r) => s + r.counts[i]!.count, 0) }));
  return [...rows, { ...rows[0]!, community: 'ALL', n: counts.reduce((s, c) => s + c.count, 0), counts }];
};
/** R2's value of a row as the pipeline computes it. */
const r2Of = (row: SurveyQuestionCounts, year = 2022) => {
  const { answers, atLeast } = surveyShareCounts(row, rule);
  return { code: 'R2', community: row.community, year, value: answers === 0 ? null : Math.round((1000 * atLeast) / answers) / 10 };
};

describe('the survey-share rule', () => {
  it('counts the answers on the scale and those ≥ the least value counted', () => {
    expect(surveyShareCounts(likert('OST', [0, 0, 1, 4, 5]), rule)).toEqual({ answers: 10, atLeast: 9 });
    expect(surveyShareCounts(likert('OST', [1, 2, 3, 4, 5]), { ...rule, minValue: 5 })).toEqual({ answers: 15, atLeast: 5 });
  });

  it('hides a share of 1–2 answers, or with 1–2 answers counted or not counted', () => {
    expect(surveyShareHidden({ answers: 2, atLeast: 1 }, 3)).toBe(true);
    expect(surveyShareHidden({ answers: 2, atLeast: 0 }, 3)).toBe(true);
    expect(surveyShareHidden({ answers: 10, atLeast: 9 }, 3)).toBe(true);
    expect(surveyShareHidden({ answers: 10, atLeast: 2 }, 3)).toBe(true);
    expect(surveyShareHidden({ answers: 10, atLeast: 7 }, 3)).toBe(false);
    expect(surveyShareHidden({ answers: 10, atLeast: 10 }, 3)).toBe(false);
    expect(surveyShareHidden({ answers: 3, atLeast: 0 }, 3)).toBe(false);
    expect(surveyShareHidden({ answers: 0, atLeast: 0 }, 3)).toBe(false);
  });

  it('knows a published share as the ratio of the counts, with which n gives the counted ones', () => {
    const row = likert('OST', [0, 3, 4, 5, 6]);
    const published = { ...rule, community: 'OST', year: 2022, ...surveyShareCounts(row, rule) };
    // 18 answers, 11 ≥ 4: 18 · share's numerator − 11 · n = 0.
    expect(shareRatioRelation(row, published)).toEqual({
      op: '=',
      constant: 0,
      terms: [
        [surveyCell('ANK', 'JZ', 'OST', 'share'), 18],
        [surveyCell('ANK', 'JZ', 'OST', 'n'), -11],
      ],
    });
    // A share of other answers than the row's (another window) says nothing of it.
    expect(shareRatioRelation(row, { ...published, answers: 17 })).toBeNull();
    expect(shareRatioRelation(likert('WZG', [0, 3, 4, 5, 6]), published)).toBeNull();
    // With n, the 5s, the share and the mean hidden, the other counts leave the 5s open; the ratio pins them.
    const hidden = new Set(['n', 5, 'share', 'sum'].map((f) => surveyCell('ANK', 'JZ', 'OST', f as 'n')));
    expect(recoverableCells(surveyDisclosureTable([row]), hidden).size).toBe(0);
    expect(recoverableCells(surveyDisclosureTable([row], [published]), hidden)).toContain(surveyCell('ANK', 'JZ', 'OST', 5));
  });
});

describe('survey shares for the auditor', () => {
  const decide = (rows: SurveyQuestionCounts[], values = rows.map((r) => r2Of(r))) => surveyShareDisclosure(values, [rule], 2022, rows, 3);

  it('shows every share of large counts, and hides no survey figure for it', () => {
    const rows = withAll([likert('OST', [0, 3, 4, 5, 6]), likert('WZG', [3, 0, 3, 4, 0])]);
    const found = decide(rows);
    expect(found.hidden.size).toBe(0);
    expect(found.published.map((p) => p.community)).toEqual(['OST', 'WZG', 'ALL']);
    expect(found.surveyHidden).toEqual(protectSurveyFigures(rows, 3, found.published));
    expect(found.surveyHidden.size).toBe(0);
  });

  it('hides a share of 2 answers, and of 10 with one below 4 (n − share × n = 1)', () => {
    const rows = withAll([likert('OST', [0, 0, 1, 4, 5]), likert('WZG', [0, 0, 0, 1, 1]), likert('LAZ', [3, 3, 3, 4, 5])]);
    const found = decide(rows);
    expect(found.hidden).toContain(indicatorCell('R2', 'OST', 2022));
    expect(found.hidden).toContain(indicatorCell('R2', 'WZG', 2022));
    expect(found.published.map((p) => p.community)).not.toContain('OST');
  });

  it('shows a large share beside a single 5, and the survey results hide what would give the 5 away with it', () => {
    // LAZ: 11 answers, 7 ≥ 4 (63.6%: no small count of its own), one of them a 5, which is hidden.
    const rows = withAll([likert('OST', [3, 0, 3, 3, 3]), likert('WZG', [0, 3, 3, 3, 4]), likert('LAZ', [0, 0, 4, 6, 1])]);
    const found = decide(rows);
    expect(found.hidden.size).toBe(0);
    expect(found.published.map((p) => p.community)).toEqual(['OST', 'WZG', 'LAZ', 'ALL']);
    const table = surveyDisclosureTable(rows, found.published);
    // The survey audit alone would let the shares give hidden counts away; with them known, nothing is.
    expect(recoverableCells(table, protectSurveyFigures(rows, 3)).size).toBeGreaterThan(0);
    expect(recoverableCells(table, found.surveyHidden).size).toBe(0);
    expect(found.surveyHidden).toEqual(protectSurveyFigures(rows, 3, found.published));
    expect(shownSurveyFigures(rows[2]!, found.surveyHidden).counts[0]).toBeNull();
  });

  it('hides a value that is not the share of the survey row (another window, answers off the scale) or has no row', () => {
    const rows = withAll([likert('OST', [0, 3, 4, 5, 6]), likert('WZG', [3, 0, 3, 4, 0])]);
    const found = decide(rows, [
      { code: 'R2', community: 'OST', year: 2022, value: 50 },
      { code: 'R2', community: 'LAZ', year: 2022, value: 60 },
      { ...r2Of(rows[1]!), year: 2023 },
    ]);
    expect([...found.hidden].sort()).toEqual([indicatorCell('R2', 'LAZ', 2022), indicatorCell('R2', 'OST', 2022)]);
    // Another year's value is that year's decision: neither shown nor hidden here.
    expect(found.published).toEqual([]);
    // No answers: no value, nothing to hide.
    expect(decide(rows, [{ code: 'R2', community: 'OST', year: 2022, value: null }]).hidden.size).toBe(0);
  });
});
