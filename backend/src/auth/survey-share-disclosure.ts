import { indicatorCell, recoverableCells, type CellId } from './auditor-disclosure.ts';
import { protectSurveyFigures, surveyDisclosureTable, type SurveyQuestionCounts } from './report-disclosure.ts';
import { isSmallCount } from './suppression.ts';

/**
 * Which survey-share indicator values (R2: the share of ANK-ROCZNA/JAKOSC_ZYCIA answers ≥ 4) the
 * auditor and every export are shown: the one decision both the indicators (and their export) and
 * the survey results read, so that they cannot disagree.
 *
 * A share beside its question's n gives the answers it counts (share × n) and the others (n − that),
 * so a value is shown only where its answers, those counted and those not counted are each 0 or at
 * least the small-count limit (a share of 1–2 answers is itself a figure about 1–2 persons); and the
 * survey results' audit knows every value shown (`shareRatioRelation` in report-disclosure.ts), so
 * that no hidden survey figure can be recomputed with it.
 */

/** A survey-share indicator's computation (indicators.json) with the 1–5 scale it counts on. */
export interface SurveyShareRule {
  code: string;
  survey: string;
  question: string;
  /** The least value counted (4 for R2). */
  minValue: number;
  decimals: number;
  /** project.json's answerScales.likert5: the answers the share is taken over. */
  scaleMin: number;
  scaleMax: number;
}

export interface SurveyShareValue {
  code: string;
  community: string;
  year: number;
  value: number | null;
}

/** A survey-share value the auditor is shown, with the counts it is the ratio of. */
export interface PublishedSurveyShare {
  code: string;
  survey: string;
  question: string;
  community: string;
  year: number;
  /** The answers on the scale, and those of them ≥ minValue. */
  answers: number;
  atLeast: number;
  minValue: number;
  scaleMin: number;
  scaleMax: number;
}

export interface SurveyShareDisclosure {
  /** The values shown, each the same figure as the share its question's row shows beside n. */
  published: PublishedSurveyShare[];
  /** indicatorCell ids of the values hidden (value, achievement and status). */
  hidden: Set<CellId>;
  /** The survey cells hidden from the auditor (protectSurveyFigures with the published shares known). */
  surveyHidden: Set<CellId>;
}

/** The answers a share is taken over (on the scale) and those it counts (≥ minValue). */
export function surveyShareCounts(
  row: SurveyQuestionCounts,
  rule: Pick<SurveyShareRule, 'minValue' | 'scaleMin' | 'scaleMax'>,
): { answers: number; atLeast: number } {
  let answers = 0;
  let atLeast = 0;
  for (const { value, count } of row.counts) {
    if (value < rule.scaleMin || value > rule.scaleMax) continue;
    answers += count;
    if (value >= rule.minValue) atLeast += count;
  }
  return { answers, atLeast };
}

/** Whether a share of these counts is hidden: its answers, those counted or those not counted number 1 … limit − 1. */
export function surveyShareHidden(counts: { answers: number; atLeast: number }, smallCountLimit: number): boolean {
  return [counts.answers, counts.atLeast, counts.answers - counts.atLeast].some((c) => isSmallCount(c, smallCountLimit));
}

/** The share in per cent of `part / whole`, rounded half up to `decimals` (as the pipeline computes it); null without answers. */
function sharePercent(part: number, whole: number, decimals: number): number | null {
  if (whole === 0) return null;
  const factor = 10 ** decimals;
  return Math.round((part * 100 * factor) / whole) / factor;
}

/**
 * Which of one year's survey-share values the auditor is shown, and the survey cells hidden beside
 * them. A value is hidden where its counts are small (surveyShareHidden), and where it is not the
 * share of the very answers the survey results count for its question's row (answers off the scale,
 * other values counted, another per cent: a window narrower than the year), since the survey audit
 * could not know it then. Every other value is shown, and the survey figures are audited with it
 * known (its ratio: `shareRatioRelation`): the survey results hide what would give a count of 1–2
 * away with it, n mostly.
 */
export function surveyShareDisclosure(
  values: readonly SurveyShareValue[],
  rules: readonly SurveyShareRule[],
  year: number,
  rows: readonly SurveyQuestionCounts[],
  smallCountLimit: number,
): SurveyShareDisclosure {
  const candidates: PublishedSurveyShare[] = [];
  const hidden = new Set<CellId>();
  const rowOf = new Map(rows.map((r) => [`${r.survey}|${r.question}|${r.community}`, r]));
  for (const value of values) {
    const rule = rules.find((r) => r.code === value.code);
    if (!rule || value.year !== year || value.value === null) continue;
    const row = rowOf.get(`${rule.survey}|${rule.question}|${value.community}`);
    const counts = row ? surveyShareCounts(row, rule) : null;
    const counted = row?.counts.filter((c) => c.value >= rule.minValue && c.value >= rule.scaleMin && c.value <= rule.scaleMax).map((c) => c.value);
    const sameShare =
      row !== undefined &&
      counts !== null &&
      row.n === counts.answers &&
      counted!.length === row.shareValues.length &&
      counted!.every((v) => row.shareValues.includes(v)) &&
      sharePercent(counts.atLeast, counts.answers, rule.decimals) === value.value;
    if (!sameShare || surveyShareHidden(counts, smallCountLimit)) {
      hidden.add(indicatorCell(value.code, value.community, value.year));
      continue;
    }
    candidates.push({
      code: rule.code,
      survey: rule.survey,
      question: rule.question,
      community: value.community,
      year,
      ...counts,
      minValue: rule.minValue,
      scaleMin: rule.scaleMin,
      scaleMax: rule.scaleMax,
    });
  }
  // The survey figures audited with every shown value known: what would give a small count away with
  // them is hidden there. Should the audit be unable to protect a cell (no shown figure left to hide
  // beside it), the values that pin it are not shown after all (one at a time, the last first).
  let published = candidates;
  let surveyHidden = protectSurveyFigures(rows, smallCountLimit, published);
  const pinnedAlone = recoverableCells(surveyDisclosureTable(rows), protectSurveyFigures(rows, smallCountLimit));
  while (published.length > 0 && [...recoverableCells(surveyDisclosureTable(rows, published), surveyHidden)].some((id) => !pinnedAlone.has(id))) {
    published = published.slice(0, -1);
    surveyHidden = protectSurveyFigures(rows, smallCountLimit, published);
  }
  for (const c of candidates) if (!published.includes(c)) hidden.add(indicatorCell(c.code, c.community, c.year));
  return { published, hidden, surveyHidden };
}
