/**
 * Small-count suppression (docs/spec/domain.md): a count of 1 … limit − 1 persons shown to an auditor or in an
 * export is hidden (shown as the label; the limit and label are project.json's smallCounts, by default 3 and
 * "<3"); auditor-disclosure.ts decides which further cells go with it.
 */
export function isSmallCount(value: number | null | undefined, limit: number): boolean {
  return typeof value === 'number' && value > 0 && value < limit;
}
