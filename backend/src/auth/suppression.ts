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

/**
 * Secondary suppression over a table whose cells add up along `lines` (a month across
 * communities adds up to ALL's month; a community's months to its year; new + returning to
 * distinct): starting from the hidden cells, wherever a line has exactly one hidden non-zero cell,
 * its smallest visible non-zero cell is hidden too, until no line changes. Then no hidden cell
 * equals a shown total minus shown cells of one line.
 */
export function secondarySuppression(values: ReadonlyMap<string, number | null>, lines: readonly (readonly string[])[], hidden: ReadonlySet<string>): Set<string> {
  const result = new Set(hidden);
  const nonZero = (id: string) => (values.get(id) ?? 0) > 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.filter((id) => result.has(id) && nonZero(id)).length !== 1) continue;
      let pick: string | null = null;
      for (const id of line) {
        if (result.has(id) || !nonZero(id)) continue;
        if (pick === null || (values.get(id) as number) < (values.get(pick) as number)) pick = id;
      }
      if (pick !== null) {
        result.add(pick);
        changed = true;
      }
    }
  }
  return result;
}
