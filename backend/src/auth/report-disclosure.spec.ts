import { describe, expect, it } from 'vitest';
import { recoverableCells } from './auditor-disclosure.ts';
import {
  profileCell,
  profileDisclosureTable,
  protectProfile,
  protectSurveyFigures,
  shownSurveyFigures,
  surveyCell,
  surveyDisclosureTable,
  type ProfileInput,
  type SurveyQuestionCounts,
} from './report-disclosure.ts';

const likert = (community: string, counts: number[]): SurveyQuestionCounts => ({
  survey: 'S',
  question: 'Q',
  community,
  n: counts.reduce((a, b) => a + b, 0),
  counts: counts.map((count, i) => ({ value: i + 1, count })),
  shareValues: [4, 5],
  hasMean: true,
});

const sumOf = (rows: SurveyQuestionCounts[]): SurveyQuestionCounts => {
  const counts = rows[0]!.counts.map((c, i) => ({ value: c.value, count: rows.reduce((s, r) => s + r.counts[i]!.count, 0) }));
  return { ...rows[0]!, community: 'ALL', n: counts.reduce((s, c) => s + c.count, 0), counts };
};

describe('survey figures for the auditor', () => {
  it('show every figure when no count is 1 or 2', () => {
    const rows = [likert('OST', [0, 3, 4, 5, 6]), likert('WZG', [3, 0, 3, 4, 0])];
    const all = sumOf(rows);
    const hidden = protectSurveyFigures([...rows, all], 3);
    expect(hidden.size).toBe(0);
    expect(shownSurveyFigures(all, hidden)).toEqual({ n: 28, counts: [3, 3, 7, 9, 6], meanShown: true, shareShown: true });
  });

  it('hide a count of 1–2, and the mean and share of a question answered by fewer than 3', () => {
    const rows = [likert('OST', [0, 0, 0, 1, 1]), likert('WZG', [3, 4, 0, 5, 6]), likert('LAZ', [0, 3, 4, 3, 5])];
    const all = sumOf(rows);
    const hidden = protectSurveyFigures([...rows, all], 3);
    const ost = shownSurveyFigures(rows[0]!, hidden);
    expect(ost).toMatchObject({ n: null, meanShown: false, shareShown: false });
    expect(ost.counts[3]).toBeNull();
    expect(ost.counts[4]).toBeNull();
    // OST's n could be recomputed from ALL's less WZG's and LAZ's: another cell goes too.
    const table = surveyDisclosureTable([...rows, all]);
    expect(recoverableCells(table, hidden)).toEqual(new Set());
    expect([surveyCell('S', 'Q', 'WZG', 'n'), surveyCell('S', 'Q', 'LAZ', 'n'), surveyCell('S', 'Q', 'ALL', 'n')].some((id) => hidden.has(id))).toBe(true);
  });

  it('hide a mean that would give away a hidden count', () => {
    // n = 10 is shown; the one 4 and the one 3 are hidden, but Σ values = 47 with 8 fives would leave 4 + 3.
    const rows = [likert('OST', [0, 0, 1, 1, 8])];
    const hidden = protectSurveyFigures(rows, 3);
    expect(recoverableCells(surveyDisclosureTable(rows), hidden)).toEqual(new Set());
    const shown = shownSurveyFigures(rows[0]!, hidden);
    expect(shown.counts[2]).toBeNull();
    expect(shown.counts[3]).toBeNull();
    expect(shown.meanShown && shown.n !== null && shown.counts[4] !== null).toBe(false);
  });

  it('hide the share of "yes" when fewer than 3 said yes', () => {
    const row: SurveyQuestionCounts = {
      survey: 'S',
      question: 'YN',
      community: 'OST',
      n: 9,
      counts: [
        { value: 1, count: 2 },
        { value: 0, count: 7 },
      ],
      shareValues: [1],
      hasMean: false,
    };
    const hidden = protectSurveyFigures([row], 3);
    const shown = shownSurveyFigures(row, hidden);
    expect(shown.shareShown).toBe(false);
    expect(shown.counts[0]).toBeNull();
    // 9 − 7 would give the hidden 2.
    expect(shown.n === null || shown.counts[1] === null).toBe(true);
  });
});

const genders = ['K', 'M'];
const bands = ['18-29', '30-44'];

function profile(cells: Record<string, number>, publishedTotals: Record<string, number | null> = {}): ProfileInput {
  return {
    communities: ['OST', 'WZG'],
    genders,
    ageBands: bands,
    persons: new Map(Object.entries(cells).map(([key, v]) => [profileCell(...(key.split(' ') as [string, string, string])), v])),
    publishedTotals: new Map(Object.entries(publishedTotals)),
  };
}

describe('persons by gender and age band for the auditor', () => {
  it('hide a cell of 1–2 and as many more as keep it from its row and column totals', () => {
    const input = profile(
      {
        'OST K 18-29': 1,
        'OST K 30-44': 5,
        'OST M 18-29': 4,
        'OST M 30-44': 6,
        'WZG K 18-29': 5,
        'WZG K 30-44': 7,
        'WZG M 18-29': 3,
        'WZG M 30-44': 8,
        'ALL K 18-29': 6,
        'ALL K 30-44': 12,
        'ALL M 18-29': 7,
        'ALL M 30-44': 14,
      },
      { OST: 16, WZG: 23, ALL: 39 },
    );
    const hidden = protectProfile(input, 3);
    expect(hidden.has(profileCell('OST', 'K', '18-29'))).toBe(true);
    expect(hidden.size).toBeGreaterThan(1);
    expect(recoverableCells(profileDisclosureTable(input), hidden)).toEqual(new Set());
    // The totals the metrics table shows stay shown.
    expect(hidden.has(profileCell('OST', '*', '*'))).toBe(false);
    expect(hidden.has(profileCell('ALL', '*', '*'))).toBe(false);
  });

  it('hide a total the metrics table hides, and what would give it away', () => {
    // One woman of 18–29 came to both communities.
    const input = profile({ 'OST K 18-29': 5, 'OST M 30-44': 4, 'WZG K 18-29': 4, 'ALL K 18-29': 8, 'ALL M 30-44': 4 }, { OST: null, WZG: 4, ALL: 12 });
    const hidden = protectProfile(input, 3);
    expect(hidden.has(profileCell('OST', '*', '*'))).toBe(true);
    expect(hidden.has(profileCell('OST', 'K', '*')) || hidden.has(profileCell('OST', 'M', '*'))).toBe(true);
    expect(recoverableCells(profileDisclosureTable(input), hidden)).toEqual(new Set());
  });

  it('hide nothing in a table without small counts', () => {
    const input = profile({ 'OST K 18-29': 5, 'OST M 30-44': 4, 'ALL K 18-29': 5, 'ALL M 30-44': 4 }, { OST: 9, WZG: 0, ALL: 9 });
    expect(protectProfile(input, 3)).toEqual(new Set());
  });
});
