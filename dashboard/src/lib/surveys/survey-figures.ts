// A survey question's figures as the survey page shows them: the answers' labels, and the parts of
// its stacked bar (hidden counts, "<3", share one grey part of what the shown counts leave).
import type { SurveyScopeFigures } from '$lib/api/client';
import type { Lang } from '$lib/i18n/format';
import { labelOf, yesNoLabels } from '$lib/i18n/labels';

export type AnswerCount = SurveyScopeFigures['distribution'][number];

/** An answer as the page names it: "tak"/"yes", or the value of the 1–5 scale. */
export function answerLabel(answer: AnswerCount, lang: Lang): string {
  return answer.answer ? labelOf(yesNoLabels, answer.answer, lang) : String(answer.value);
}

export interface BarSegment {
  /** The answer's value, or 'hidden' for the counts shown as "<3" together. */
  key: string;
  /** Per cent of the answers (the bar's width). */
  percent: number;
  answer: AnswerCount | null;
}

/**
 * The stacked bar of a question: one part per answer given (in the distribution's order), and one
 * for the hidden counts together. Empty where n is hidden or there are no answers.
 */
export function barSegments(scope: Pick<SurveyScopeFigures, 'n' | 'distribution'>): BarSegment[] {
  const n = scope.n;
  if (n === null || n === 0) return [];
  const segments: BarSegment[] = [];
  let shown = 0;
  for (const answer of scope.distribution) {
    if (answer.count === null || answer.count === 0) continue;
    shown += answer.count;
    segments.push({ key: String(answer.value), percent: (100 * answer.count) / n, answer });
  }
  if (shown < n) segments.push({ key: 'hidden', percent: (100 * (n - shown)) / n, answer: null });
  return segments;
}

/** An answer's share of n in per cent, or null where either is hidden or there are no answers. */
export function answerPercent(count: number | null, n: number | null): number | null {
  if (count === null || n === null || n === 0) return null;
  return (100 * count) / n;
}
