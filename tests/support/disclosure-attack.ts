// An attacker on the auditor's small-count suppression, written apart from the backend's own
// model (backend/src/auth/auditor-disclosure.ts) so that it checks it rather than repeats it: it
// knows only what the figures mean (a month's communities add up to ALL's month, a person is
// counted once in a distinct count, turnout is attendances per activity…), takes the numbers the
// auditor's answers show, and solves for the hidden ones: exact elimination on the equalities
// and interval propagation (whole numbers, bounds) on equalities and inequalities together.

/** Σ coefficient × cell  (= or ≤)  constant. Cells are the attacker's own names for figures. */
export interface Constraint {
  terms: [string, number][];
  op: '=' | '<=';
  constant: number;
}

export interface AttackResult {
  /** Hidden cells whose value the constraints leave a single whole number for. */
  recovered: Map<string, number>;
  /** Each hidden cell's interval at the end. */
  bounds: Map<string, [number, number]>;
}

const eps = 1e-7;

/**
 * Solves for the hidden cells: `shown` are the figures the answers give, `bounds` what the attacker
 * knows of each hidden one beforehand (a "<3" cell is 1 or 2). Constraints naming a cell that is
 * neither shown nor bounded are dropped (nothing is known of it, not even that it exists).
 */
export function attack(
  constraints: readonly Constraint[],
  shown: ReadonlyMap<string, number>,
  hiddenBounds: ReadonlyMap<string, [number, number]>,
): AttackResult {
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  for (const [cell, [a, b]] of hiddenBounds) {
    lo.set(cell, a);
    hi.set(cell, b);
  }
  // Each constraint over the hidden cells only, the shown ones moved to the constant.
  const reduce = (c: Constraint): Constraint | null => {
    let constant = c.constant;
    const terms = new Map<string, number>();
    for (const [cell, coefficient] of c.terms) {
      if (shown.has(cell)) constant -= coefficient * shown.get(cell)!;
      else if (hiddenBounds.has(cell)) terms.set(cell, (terms.get(cell) ?? 0) + coefficient);
      else return null;
    }
    const kept = [...terms].filter(([, k]) => Math.abs(k) > eps);
    return kept.length > 0 ? { terms: kept, op: c.op, constant } : null;
  };
  const base = constraints.map(reduce).filter((c): c is Constraint => c !== null);
  let system = base;
  const fixed = () => new Map([...lo].filter(([cell, a]) => a === hi.get(cell)));

  for (let round = 0; round < 20; round += 1) {
    const before = fixed().size;
    propagate(system, lo, hi);
    // Elimination over the equalities with the cells pinned so far substituted; its reduced rows
    // are new equalities for the propagation (they can bound what no single original row does).
    const known = fixed();
    const rows = gaussJordan(
      system
        .filter((c) => c.op === '=')
        .map((c) => substitute(c, known))
        .filter((c): c is Constraint => c !== null),
    );
    for (const row of rows) {
      if (row.terms.length === 1) {
        const [cell, k] = row.terms[0]!;
        const value = row.constant / k;
        lo.set(cell, Math.max(lo.get(cell)!, Math.ceil(value - eps)));
        hi.set(cell, Math.min(hi.get(cell)!, Math.floor(value + eps)));
      }
    }
    system = [...base, ...rows];
    propagate(system, lo, hi);
    if (fixed().size === before) break;
  }
  const recovered = new Map<string, number>();
  const bounds = new Map<string, [number, number]>();
  for (const cell of hiddenBounds.keys()) {
    bounds.set(cell, [lo.get(cell)!, hi.get(cell)!]);
    if (lo.get(cell) === hi.get(cell)) recovered.set(cell, lo.get(cell)!);
  }
  return { recovered, bounds };
}

function substitute(c: Constraint, known: ReadonlyMap<string, number>): Constraint | null {
  let constant = c.constant;
  const terms: [string, number][] = [];
  for (const [cell, k] of c.terms) {
    if (known.has(cell)) constant -= k * known.get(cell)!;
    else terms.push([cell, k]);
  }
  return terms.length > 0 ? { terms, op: c.op, constant } : null;
}

/** Bounds of whole numbers, tightened by every constraint in turn until nothing moves. */
function propagate(system: readonly Constraint[], lo: Map<string, number>, hi: Map<string, number>): void {
  for (let sweep = 0, changed = true; changed && sweep < 200; sweep += 1) {
    changed = false;
    for (const c of system) {
      let min = 0;
      let max = 0;
      for (const [cell, k] of c.terms) {
        min += k > 0 ? k * lo.get(cell)! : k * hi.get(cell)!;
        max += k > 0 ? k * hi.get(cell)! : k * lo.get(cell)!;
      }
      for (const [cell, k] of c.terms) {
        const own = [k * lo.get(cell)!, k * hi.get(cell)!];
        const restMin = min - Math.min(...own);
        const restMax = max - Math.max(...own);
        // k·x ≤ constant − restMin; with "=", also k·x ≥ constant − restMax.
        const upper = c.constant - restMin;
        const lower = c.op === '=' ? c.constant - restMax : -Infinity;
        let newLo = lo.get(cell)!;
        let newHi = hi.get(cell)!;
        if (k > 0) {
          if (Number.isFinite(upper)) newHi = Math.min(newHi, Math.floor(upper / k + eps));
          if (Number.isFinite(lower)) newLo = Math.max(newLo, Math.ceil(lower / k - eps));
        } else {
          if (Number.isFinite(upper)) newLo = Math.max(newLo, Math.ceil(upper / k - eps));
          if (Number.isFinite(lower)) newHi = Math.min(newHi, Math.floor(lower / k + eps));
        }
        if (newLo > lo.get(cell)! || newHi < hi.get(cell)!) {
          if (newLo > newHi) throw new Error(`the attacker's constraints contradict each other at ${cell}: [${newLo}, ${newHi}]`);
          lo.set(cell, newLo);
          hi.set(cell, newHi);
          changed = true;
        }
      }
    }
  }
}

/** Reduced row echelon form of equalities (sparse rows, pivots normalised to 1). */
function gaussJordan(equalities: readonly Constraint[]): Constraint[] {
  const pivots = new Map<string, { terms: Map<string, number>; constant: number }>();
  for (const equality of equalities) {
    let terms = new Map(equality.terms);
    let constant = equality.constant;
    for (const [cell] of [...terms]) {
      const pivot = pivots.get(cell);
      const k = terms.get(cell);
      if (!pivot || k === undefined) continue;
      for (const [other, p] of pivot.terms) terms.set(other, (terms.get(other) ?? 0) - k * p);
      constant -= k * pivot.constant;
      terms = new Map([...terms].filter(([, v]) => Math.abs(v) > eps));
    }
    if (terms.size === 0) continue;
    const [pivotCell, pivotK] = [...terms].reduce((best, t) => (Math.abs(t[1]) > Math.abs(best[1]) ? t : best));
    const row = { terms: new Map([...terms].map(([cell, v]) => [cell, v / pivotK])), constant: constant / pivotK };
    for (const other of pivots.values()) {
      const k = other.terms.get(pivotCell);
      if (k === undefined) continue;
      for (const [cell, v] of row.terms) other.terms.set(cell, (other.terms.get(cell) ?? 0) - k * v);
      other.constant -= k * row.constant;
      for (const [cell, v] of [...other.terms]) if (Math.abs(v) <= eps) other.terms.delete(cell);
    }
    pivots.set(pivotCell, row);
  }
  return [...pivots.values()].map((row) => ({ terms: [...row.terms], op: '=' as const, constant: row.constant }));
}
