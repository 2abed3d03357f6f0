// Lines drawn without symbols show nothing of a point whose neighbours are gaps: the auditor's
// persons reached (year ends only) and months hidden as "<3" leave such points.

type LineValue = number | null | undefined;

/** Whether some value of a line has no value on either side (so that only a symbol can show it). */
export function hasIsolatedPoints(values: readonly LineValue[]): boolean {
  const present = (i: number) => typeof values[i] === 'number' && Number.isFinite(values[i]);
  return values.some((_, i) => present(i) && !present(i - 1) && !present(i + 1));
}
