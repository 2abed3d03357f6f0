/**
 * Small-count suppression (domain.md): a count of one or two persons shown to an auditor or in an
 * export is hidden ("<3"), and where the hidden cell could be recomputed from a total shown beside
 * it, a second cell is hidden too.
 */
export const smallCountLimit = 3;
export const suppressedLabel = '<3';

export function isSmallCount(value: number | null | undefined): boolean {
  return typeof value === 'number' && value > 0 && value < smallCountLimit;
}

/**
 * Which cells of a group that adds up to a shown total must be hidden: the small ones, and when
 * exactly one is hidden, also the smallest other non-zero cell (else total − the others reveals
 * it). A hidden total is not a disclosure risk for its parts, so the total itself is checked by
 * the caller as a cell of its own group.
 */
export function cellsToSuppress(values: readonly (number | null)[]): boolean[] {
  const hidden = values.map((v) => isSmallCount(v));
  if (hidden.filter(Boolean).length === 1) {
    let second = -1;
    values.forEach((v, i) => {
      if (hidden[i] || v === null || v <= 0) return;
      if (second < 0 || v < (values[second] as number)) second = i;
    });
    if (second >= 0) hidden[second] = true;
  }
  return hidden;
}
