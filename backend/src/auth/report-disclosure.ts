import { protectTable, type CellId, type DisclosureTable, type Relation } from './auditor-disclosure.ts';
import { isSmallCount } from './suppression.ts';
import type { PublishedSurveyShare } from './survey-share-disclosure.ts';

/**
 * The auditor's suppression of the two report tables (survey results, persons by gender and age
 * band), with the one audit of auditor-disclosure.ts: counts of 1–2 are hidden ("<3"), then further
 * cells until no hidden one can be recomputed from what is shown (totals, the communities adding
 * up to ALL, a mean or a share beside its count).
 */

/** ALL's cell stands for the project as a whole; the others are communities. */
const all = 'ALL';

// ------------------------------------------------------------------------------------ surveys

/** One question's answers in one scope (a community or ALL) in one year. */
export interface SurveyQuestionCounts {
  survey: string;
  question: string;
  community: string;
  n: number;
  /** Answers per value of the question's scale (every value of the scale, 0 where none). */
  counts: readonly { value: number; count: number }[];
  /** The values the share counts (4 and 5 of the 1–5 scale; "yes" of a yes/no question). */
  shareValues: readonly number[];
  /** Whether a mean is shown (the 1–5 scale): mean × n gives the sum of the values. */
  hasMean: boolean;
}

export const surveyCell = (survey: string, question: string, community: string, figure: 'n' | 'sum' | 'share' | number): CellId =>
  `survey|${survey}|${question}|${community}|${typeof figure === 'number' ? `v${figure}` : figure}`;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * What a published survey share (an indicator value the auditor is shown, survey-share-disclosure.ts)
 * tells of a row, taken as exact: answers × (share's numerator) = counted × n. With n it gives the
 * counted answers and the others, and the other way round. Null where it is not this row's share
 * or the row's figures do not satisfy it (a relation that does not hold gives nothing exact): the
 * share must be taken over the row's n and count the row's share values (surveyShareDisclosure checks).
 */
export function shareRatioRelation(row: SurveyQuestionCounts, share: PublishedSurveyShare): Relation | null {
  if (share.survey !== row.survey || share.question !== row.question || share.community !== row.community || share.answers === 0) return null;
  const numerator = row.counts.filter((c) => row.shareValues.includes(c.value)).reduce((s, c) => s + c.count, 0);
  if (row.n !== share.answers || numerator !== share.atLeast) return null;
  const g = gcd(share.answers, share.atLeast);
  const cell = (figure: 'n' | 'share') => surveyCell(row.survey, row.question, row.community, figure);
  const terms: (readonly [CellId, number])[] = [[cell('share'), share.answers / g]];
  if (share.atLeast > 0) terms.push([cell('n'), -share.atLeast / g]);
  return { terms, op: '=', constant: 0 };
}

/**
 * The cells and relations of a year's survey answers: n = Σ counts, sum = Σ value × count (known from
 * the mean and n), share's numerator = Σ its values' counts, each community's figure adding up
 * to ALL's (an answer belongs to one community), and the ratio of every survey share published
 * beside them (R2 on the indicators route and in the exports).
 */
export function surveyDisclosureTable(rows: readonly SurveyQuestionCounts[], published: readonly PublishedSurveyShare[] = []): DisclosureTable {
  const values = new Map<CellId, number>();
  const relations: Relation[] = [];
  const byQuestion = new Map<string, SurveyQuestionCounts[]>();
  for (const row of rows) {
    const cell = (figure: Parameters<typeof surveyCell>[3]) => surveyCell(row.survey, row.question, row.community, figure);
    values.set(cell('n'), row.n);
    for (const { value, count } of row.counts) values.set(cell(value), count);
    const top = row.counts.filter((c) => row.shareValues.includes(c.value));
    values.set(
      cell('share'),
      top.reduce((s, c) => s + c.count, 0),
    );
    relations.push({ terms: [[cell('n'), 1], ...row.counts.map((c) => [cell(c.value), -1] as const)], op: '=', constant: 0 });
    relations.push({ terms: [[cell('share'), 1], ...top.map((c) => [cell(c.value), -1] as const)], op: '=', constant: 0 });
    if (row.hasMean) {
      values.set(
        cell('sum'),
        row.counts.reduce((s, c) => s + c.value * c.count, 0),
      );
      relations.push({
        terms: [[cell('sum'), 1], ...row.counts.filter((c) => c.value !== 0).map((c) => [cell(c.value), -c.value] as const)],
        op: '=',
        constant: 0,
      });
    }
    for (const share of published) {
      const ratio = shareRatioRelation(row, share);
      if (ratio) relations.push(ratio);
    }
    const key = `${row.survey}|${row.question}`;
    byQuestion.set(key, [...(byQuestion.get(key) ?? []), row]);
  }
  for (const group of byQuestion.values()) {
    const total = group.find((r) => r.community === all);
    const parts = group.filter((r) => r.community !== all);
    if (!total) continue;
    const figures: Parameters<typeof surveyCell>[3][] = ['n', 'share', ...total.counts.map((c) => c.value), ...(total.hasMean ? (['sum'] as const) : [])];
    for (const figure of figures) {
      const terms = parts.map((p) => [surveyCell(p.survey, p.question, p.community, figure), 1] as const).filter(([id]) => values.has(id));
      const sum = terms.reduce((s, [id]) => s + values.get(id)!, 0);
      const totalId = surveyCell(total.survey, total.question, all, figure);
      // Only what the data satisfy (they always should): a relation that does not hold gives nothing exact.
      if (values.has(totalId) && sum === values.get(totalId)) relations.push({ terms: [...terms, [totalId, -1]], op: '=', constant: 0 });
    }
  }
  return { values, relations };
}

/** What the auditor is shown of one question in one scope: hidden figures are null. */
export interface ShownSurveyFigures {
  n: number | null;
  counts: (number | null)[];
  /** Whether the mean and the share may be shown (their n and their sum or numerator are). */
  meanShown: boolean;
  shareShown: boolean;
}

export function shownSurveyFigures(row: SurveyQuestionCounts, hidden: ReadonlySet<CellId>): ShownSurveyFigures {
  const cell = (figure: Parameters<typeof surveyCell>[3]) => surveyCell(row.survey, row.question, row.community, figure);
  const nShown = !hidden.has(cell('n'));
  return {
    n: nShown ? row.n : null,
    counts: row.counts.map((c) => (hidden.has(cell(c.value)) ? null : c.count)),
    meanShown: nShown && row.hasMean && !hidden.has(cell('sum')),
    shareShown: nShown && !hidden.has(cell('share')),
  };
}

/**
 * The survey cells to hide from the auditor. Where a count is small, the mean (and the share, where
 * it counts that value) goes with it from the start: with n and the other counts shown, either
 * would give the count away, and hiding it costs less than hiding more counts. `published` are the
 * survey shares shown elsewhere (R2 on the indicators route and in the exports: surveyShareDisclosure):
 * their ratios are known, so what would give a small count away with them (n, mostly) is hidden too.
 */
export function protectSurveyFigures(
  rows: readonly SurveyQuestionCounts[],
  smallCountLimit: number,
  published: readonly PublishedSurveyShare[] = [],
): Set<CellId> {
  const withIt: CellId[] = [];
  for (const row of rows) {
    const small = row.counts.filter((c) => isSmallCount(c.count, smallCountLimit));
    if (small.length === 0) continue;
    if (row.hasMean) withIt.push(surveyCell(row.survey, row.question, row.community, 'sum'));
    if (small.some((c) => row.shareValues.includes(c.value))) withIt.push(surveyCell(row.survey, row.question, row.community, 'share'));
  }
  return protectTable(surveyDisclosureTable(rows, published), smallCountLimit, withIt);
}

// ------------------------------------------------------------------------ persons by gender and age

/** '*' stands for the total over genders or over age bands. */
export const profileCell = (community: string, gender: string, ageBand: string): CellId => `profile|${community}|${gender}|${ageBand}`;

export interface ProfileInput {
  /** Community codes, without ALL. */
  communities: readonly string[];
  genders: readonly string[];
  ageBands: readonly string[];
  /** Persons per scope (a community or ALL), gender and age band; a cell not given is 0. */
  persons: ReadonlyMap<CellId, number>;
  /**
   * Each scope's total as another answer shows it to the auditor (the year's distinct participants
   * of the metrics table): a number where it is shown, null where that answer hides it.
   */
  publishedTotals: ReadonlyMap<string, number | null>;
}

/**
 * The cells and relations of one year's table: the rows and columns add up to their totals, every
 * community's cell is at most ALL's and ALL's at most the communities' together (one person can come
 * to two communities), and a total shown by the metrics table is known.
 */
export function profileDisclosureTable(input: ProfileInput): DisclosureTable {
  const values = new Map<CellId, number>();
  const relations: Relation[] = [];
  const scopes = [...input.communities, all];
  const genders = [...input.genders, '*'];
  const bands = [...input.ageBands, '*'];
  // A total the metrics table shows is no cell of this table (it cannot be hidden here): a constant.
  const known = new Map<CellId, number>();
  const add = (terms: (readonly [CellId, number])[], op: '=' | '<=') => {
    let constant = 0;
    const cells = terms.filter(([id, k]) => {
      if (!known.has(id)) return true;
      constant -= k * known.get(id)!;
      return false;
    });
    if (cells.length > 0) relations.push({ terms: cells, op, constant });
  };
  for (const scope of scopes) {
    let total = 0;
    for (const gender of input.genders) {
      let row = 0;
      for (const band of input.ageBands) {
        const v = input.persons.get(profileCell(scope, gender, band)) ?? 0;
        values.set(profileCell(scope, gender, band), v);
        row += v;
      }
      values.set(profileCell(scope, gender, '*'), row);
      total += row;
    }
    for (const band of input.ageBands)
      values.set(
        profileCell(scope, '*', band),
        input.genders.reduce((s, g) => s + values.get(profileCell(scope, g, band))!, 0),
      );
    const published = input.publishedTotals.get(scope);
    // Only a total that agrees (it always should): one that does not gives nothing exact.
    if (typeof published === 'number' && published === total) known.set(profileCell(scope, '*', '*'), total);
    else values.set(profileCell(scope, '*', '*'), total);
  }
  for (const scope of scopes) {
    for (const gender of genders) add([[profileCell(scope, gender, '*'), 1], ...input.ageBands.map((b) => [profileCell(scope, gender, b), -1] as const)], '=');
    for (const band of input.ageBands) add([[profileCell(scope, '*', band), 1], ...input.genders.map((g) => [profileCell(scope, g, band), -1] as const)], '=');
  }
  for (const gender of genders)
    for (const band of bands) {
      const allId = profileCell(all, gender, band);
      for (const community of input.communities)
        add(
          [
            [profileCell(community, gender, band), 1],
            [allId, -1],
          ],
          '<=',
        );
      add([[allId, 1], ...input.communities.map((c) => [profileCell(c, gender, band), -1] as const)], '<=');
    }
  return { values, relations };
}

/** The profile cells to hide from the auditor: small counts, totals another answer hides, and what protects them. */
export function protectProfile(input: ProfileInput, smallCountLimit: number): Set<CellId> {
  const hiddenElsewhere = [...input.publishedTotals].filter(([, v]) => v === null).map(([scope]) => profileCell(scope, '*', '*'));
  return protectTable(profileDisclosureTable(input), smallCountLimit, hiddenElsewhere);
}
