// A small chart of an indicator over the project years: its values as a line with dots, its
// targets as a dashed step, on one scale. Pure, so it is tested without a DOM.

export interface SparkPoint {
  year: number;
  value: number | null;
  target: number | null;
}

export interface Sparkline {
  valuePath: string;
  targetPath: string;
  dots: { x: number; y: number; year: number; value: number }[];
}

export function buildSparkline(points: readonly SparkPoint[], width: number, height: number, pad = 3): Sparkline {
  const numbers = points.flatMap((p) => [p.value, p.target]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const max = Math.max(1, ...numbers);
  const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  const x = (i: number) => pad + i * step;
  const y = (v: number) => height - pad - (v / max) * (height - 2 * pad);
  // A missing value breaks the line instead of dropping to zero.
  let valuePath = '';
  let drawing = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      drawing = false;
      return;
    }
    valuePath += `${drawing ? 'L' : 'M'}${x(i).toFixed(1)} ${y(p.value).toFixed(1)}`;
    drawing = true;
  });
  let targetPath = '';
  points.forEach((p, i) => {
    if (p.target === null) return;
    const half = step / 2;
    const left = Math.max(pad, x(i) - half);
    const right = Math.min(width - pad, x(i) + half);
    targetPath += `M${left.toFixed(1)} ${y(p.target).toFixed(1)}H${right.toFixed(1)}`;
  });
  const dots = points.flatMap((p, i) => (p.value === null ? [] : [{ x: x(i), y: y(p.value), year: p.year, value: p.value }]));
  return { valuePath, targetPath, dots };
}

/** Every year's value and target per indicator, in year order, from /api/indicators rows. */
export function sparkPointsByCode(values: readonly { code: string; year: number; value: number | null; target: number | null }[]): Map<string, SparkPoint[]> {
  const byCode = new Map<string, SparkPoint[]>();
  for (const v of [...values].sort((a, b) => a.year - b.year)) {
    byCode.set(v.code, [...(byCode.get(v.code) ?? []), { year: v.year, value: v.value, target: v.target }]);
  }
  return byCode;
}
