/**
 * Small-count suppression (docs/spec/domain.md): a count of one or two persons shown to an auditor or in an
 * export is hidden ("<3"); auditor-disclosure.ts decides which further cells go with it.
 */
export const smallCountLimit = 3;
export const suppressedLabel = '<3';

export function isSmallCount(value: number | null | undefined): boolean {
  return typeof value === 'number' && value > 0 && value < smallCountLimit;
}
