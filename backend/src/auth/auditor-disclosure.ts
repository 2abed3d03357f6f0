import { personMeasures, type PersonMeasure } from '../analytics/measure-catalogue.ts';
import { isSmallCount } from './suppression.ts';

/**
 * The auditor's one suppression model (docs/spec/domain.md: a figure of 1–2 persons is shown as "<3", and a
 * second cell is hidden where the first could be recomputed). It knows every count of persons the
 * auditor can obtain, in any answer or export:
 * - the metrics table: month and year × every community and ALL × the six person measures (the
 *   only grains and breakdowns the auditor may ask for persons; `from`/`to` only pick whole periods);
 * - each activity's attendances, named and unlisted, and each attendance list's count;
 * - the indicator values counting persons (a hidden value hides its achievement and status too);
 * and the relations among them that an attacker can use: named + unlisted = attendances,
 * new + returning = distinct, communities → ALL and months → year for what adds up, activities →
 * their community's month, lists → the activity, persons reached → new persons of the year, and
 * inequalities (ALL's distinct ≤ Σ communities', a month's distinct ≤ the year's, distinct ≤
 * named…). Turnout is attendances per activity, so it goes wherever attendances go (auditor-view.ts).
 *
 * Primary suppression hides the 1–2 counts; secondary suppression then hides further cells until
 * an audit of the whole table (interval propagation over whole numbers and exact elimination) pins
 * no hidden cell to one value. The audit runs on groups of hidden cells that share no relation,
 * each audited again only when it gains a cell, and only once the pins one relation gives alone
 * are protected (it runs on the server's event loop, over every activity recorded). Every hidden cell is shown alike ("<3") and none is 0, so what the
 * audit's attacker knows of one is that it is at least 1: were the 1–2 counts told apart from the
 * others, a "<3" total over two "<3" parts would be 1 + 1 = 2 whatever else is hidden.
 */

export type CellId = string;

/** Σ coefficient × cell, equal to or at most the constant. */
export interface Relation {
  terms: readonly (readonly [CellId, number])[];
  op: '=' | '<=';
  constant: number;
}

export interface DisclosureTable {
  values: ReadonlyMap<CellId, number>;
  relations: readonly Relation[];
}

/** The person counts of the metrics table the auditor can obtain (analytics/measure-catalogue.ts). */
export const auditorPersonMeasures = personMeasures;
export type AuditorPersonMeasure = PersonMeasure;

/** A metrics cell: the format every answer built on the metrics table looks cells up by. */
export const metricCell = (period: string, community: string, measure: string): CellId => `${period}|${community}|${measure}`;
export const activityCell = (externalId: string, field: 'attendances' | 'namedAttendances' | 'anonymousAttendances'): CellId =>
  `activity|${externalId}|${field}`;
export const attendanceListCell = (externalId: string, batchId: number): CellId => `activity|${externalId}|list|${batchId}`;
export const indicatorCell = (code: string, community: string, year: number): CellId => `indicator|${code}|${community}|${year}`;

export interface PeriodRow {
  period: string;
  community: string;
  [measure: string]: unknown;
}

export interface ActivityCounts {
  externalId: string;
  date: string;
  community: string;
  namedAttendances: number;
  anonymousAttendances: number;
  lists: readonly { batchId: number; attendances: number }[];
}

export interface PersonIndicatorValue {
  code: string;
  community: string;
  year: number;
  value: number | null;
  /** What the value counts (the indicator's computation). */
  computation: { kind: 'distinct_participants'; minAttendances: number } | { kind: 'leaders' };
  cumulative: boolean;
}

export interface DisclosureInput {
  /** Community codes, without ALL. */
  communities: readonly string[];
  /** Metrics rows by month and by year, of every community and ALL, with the six person measures. */
  monthly: readonly PeriodRow[];
  yearly: readonly PeriodRow[];
  activities: readonly ActivityCounts[];
  indicators: readonly PersonIndicatorValue[];
  /** project.json's smallCounts.limit. */
  smallCountLimit: number;
}

/** The cells the auditor can obtain and how they hang together. */
export function buildDisclosureTable(input: DisclosureInput): DisclosureTable {
  const values = new Map<CellId, number>();
  const relations: Relation[] = [];
  const has = (id: CellId) => values.has(id);
  // A relation is kept only where the data satisfy it (a month's activities, read from the
  // operational database, can differ from the published month until the next run): a relation that
  // does not hold gives an attacker nothing exact.
  const add = (terms: [CellId, number][], op: '=' | '<=', constant = 0) => {
    if (terms.length === 0 || !terms.every(([id]) => has(id))) return;
    const sum = terms.reduce((s, [id, k]) => s + k * values.get(id)!, 0);
    if (op === '=' ? Math.abs(sum - constant) > 1e-9 : sum > constant + 1e-9) return;
    relations.push({ terms, op, constant });
  };
  const scopes = [...input.communities, 'ALL'];
  for (const row of [...input.monthly, ...input.yearly]) {
    for (const measure of auditorPersonMeasures)
      if (typeof row[measure] === 'number') values.set(metricCell(row.period, row.community, measure), row[measure] as number);
  }
  const months = [...new Set(input.monthly.map((r) => r.period))].sort();
  const years = [...new Set(input.yearly.map((r) => r.period))].sort();
  const m = metricCell;
  for (const period of [...months, ...years]) {
    for (const scope of scopes) {
      add(
        [
          [m(period, scope, 'attendances'), 1],
          [m(period, scope, 'namedAttendances'), -1],
          [m(period, scope, 'anonymousAttendances'), -1],
        ],
        '=',
      );
      add(
        [
          [m(period, scope, 'distinctParticipants'), 1],
          [m(period, scope, 'newParticipants'), -1],
          [m(period, scope, 'returningParticipants'), -1],
        ],
        '=',
      );
      add(
        [
          [m(period, scope, 'distinctParticipants'), 1],
          [m(period, scope, 'namedAttendances'), -1],
        ],
        '<=',
      );
    }
    for (const measure of ['attendances', 'namedAttendances', 'anonymousAttendances'])
      add([...input.communities.map((c) => [m(period, c, measure), 1] as [CellId, number]), [m(period, 'ALL', measure), -1]], '=');
    add([[m(period, 'ALL', 'distinctParticipants'), 1], ...input.communities.map((c) => [m(period, c, 'distinctParticipants'), -1] as [CellId, number])], '<=');
    add([[m(period, 'ALL', 'newParticipants'), 1], ...input.communities.map((c) => [m(period, c, 'newParticipants'), -1] as [CellId, number])], '<=');
    for (const c of input.communities)
      add(
        [
          [m(period, c, 'distinctParticipants'), 1],
          [m(period, 'ALL', 'distinctParticipants'), -1],
        ],
        '<=',
      );
  }
  for (const year of years) {
    const inYear = months.filter((p) => p.startsWith(`${year}-`));
    for (const scope of scopes) {
      // A person's first attendance falls in one month: new persons add up over the months too.
      for (const measure of ['attendances', 'namedAttendances', 'anonymousAttendances', 'newParticipants'])
        add([...inYear.map((p) => [m(p, scope, measure), 1] as [CellId, number]), [m(year, scope, measure), -1]], '=');
      add([[m(year, scope, 'distinctParticipants'), 1], ...inYear.map((p) => [m(p, scope, 'distinctParticipants'), -1] as [CellId, number])], '<=');
      for (const p of inYear)
        add(
          [
            [m(p, scope, 'distinctParticipants'), 1],
            [m(year, scope, 'distinctParticipants'), -1],
          ],
          '<=',
        );
    }
  }

  const byMonth = new Map<string, ActivityCounts[]>();
  for (const a of input.activities) {
    values.set(activityCell(a.externalId, 'namedAttendances'), a.namedAttendances);
    values.set(activityCell(a.externalId, 'anonymousAttendances'), a.anonymousAttendances);
    values.set(activityCell(a.externalId, 'attendances'), a.namedAttendances + a.anonymousAttendances);
    for (const list of a.lists) values.set(attendanceListCell(a.externalId, list.batchId), list.attendances);
    const key = `${a.date.slice(0, 7)}|${a.community}`;
    byMonth.set(key, [...(byMonth.get(key) ?? []), a]);
  }
  for (const a of input.activities) {
    const cell = (field: Parameters<typeof activityCell>[1]) => activityCell(a.externalId, field);
    add(
      [
        [cell('attendances'), 1],
        [cell('namedAttendances'), -1],
        [cell('anonymousAttendances'), -1],
      ],
      '=',
    );
    if (a.lists.length > 0)
      add([...a.lists.map((l) => [attendanceListCell(a.externalId, l.batchId), 1] as [CellId, number]), [cell('namedAttendances'), -1]], '=');
    // Nobody is on one activity's lists twice: an activity's named count is at most its month's persons.
    add(
      [
        [cell('namedAttendances'), 1],
        [m(a.date.slice(0, 7), a.community, 'distinctParticipants'), -1],
      ],
      '<=',
    );
  }
  for (const [key, activities] of byMonth) {
    const [month, community] = key.split('|') as [string, string];
    for (const field of ['attendances', 'namedAttendances', 'anonymousAttendances'] as const) {
      add([...activities.map((a) => [activityCell(a.externalId, field), 1] as [CellId, number]), [m(month, community, field), -1]], '=');
    }
  }

  const indicators = new Map<string, PersonIndicatorValue[]>();
  for (const v of input.indicators) {
    if (v.value === null) continue;
    values.set(indicatorCell(v.code, v.community, v.year), v.value);
    indicators.set(v.code, [...(indicators.get(v.code) ?? []), v]);
  }
  for (const [code, rows] of indicators) {
    const cell = (scope: string, year: number) => indicatorCell(code, scope, year);
    const { computation, cumulative } = rows[0]!;
    const indicatorYears = [...new Set(rows.map((r) => r.year))].sort();
    for (const year of indicatorYears) {
      for (const scope of scopes) {
        const y = String(year);
        const previous = cumulative && indicatorYears.includes(year - 1) ? [[cell(scope, year - 1), -1] as [CellId, number]] : [];
        if (cumulative && previous.length > 0) add([...previous.map(([id]) => [id, 1] as [CellId, number]), [cell(scope, year), -1]], '<=');
        if (computation.kind === 'distinct_participants') {
          if (cumulative && computation.minAttendances === 1) {
            // Persons reached since the project start: last year's plus this year's new persons (when the data start with the project).
            add([[cell(scope, year), 1], ...previous, [m(y, scope, 'newParticipants'), -1]], '=');
          }
          if (!cumulative) {
            if (computation.minAttendances === 1)
              add(
                [
                  [cell(scope, year), 1],
                  [m(y, scope, 'distinctParticipants'), -1],
                ],
                '=',
              );
            add(
              [
                [cell(scope, year), 1],
                [m(y, scope, 'distinctParticipants'), -1],
              ],
              '<=',
            );
            add(
              [
                [cell(scope, year), computation.minAttendances],
                [m(y, scope, 'namedAttendances'), -1],
              ],
              '<=',
            );
          }
          if (scope !== 'ALL')
            add(
              [
                [cell(scope, year), 1],
                [cell('ALL', year), -1],
              ],
              '<=',
            );
        }
      }
      const parts = input.communities.map((c) => [cell(c, year), 1] as [CellId, number]);
      // Leaders are counted by home community: the communities add up to ALL (or fall short of it).
      if (computation.kind === 'leaders') add([...parts, [cell('ALL', year), -1]], '=');
      if (computation.kind === 'leaders') add([...parts, [cell('ALL', year), -1]], '<=');
      if (computation.kind === 'distinct_participants' && computation.minAttendances === 1)
        add([[cell('ALL', year), 1], ...parts.map(([id]) => [id, -1] as [CellId, number])], '<=');
    }
  }
  return { values, relations };
}

/**
 * The cells to hide: every small count (1 … smallCountLimit − 1) and the cells `alsoHidden` names (hidden
 * elsewhere, as another answer shows them), and further cells until the audit pins none of them.
 */
export function protectTable(table: DisclosureTable, smallCountLimit: number, alsoHidden: Iterable<CellId> = []): Set<CellId> {
  const hidden = new Set([...table.values].filter(([, v]) => isSmallCount(v, smallCountLimit)).map(([id]) => id));
  for (const id of alsoHidden) if (table.values.has(id)) hidden.add(id);
  const byCell = new Map<CellId, number[]>();
  table.relations.forEach((relation, index) => {
    for (const [id] of relation.terms) {
      const indices = byCell.get(id);
      if (indices) indices.push(index);
      else byCell.set(id, [index]);
    }
  });
  // Hidden cells of the components the last full audit pinned nothing in: a component none of whose
  // cells was hidden since is the same component (hiding only ever joins components), still clean.
  const clean = new Set<CellId>();
  // Relations to look at for obvious pins: one that gave none and gained no hidden cell gives none.
  let pending = new Set(table.relations.keys());
  const watch = (cells: readonly CellId[]) => {
    for (const id of cells) for (const index of byCell.get(id) ?? []) pending.add(index);
  };
  for (;;) {
    // Most pins are one relation's doing: protect those first, and audit in full only when none is left.
    const obvious = new Set<CellId>();
    const pinning = new Set<number>();
    for (const index of pending) {
      const pins = obviousPinsOf(table, hidden, table.relations[index]!);
      if (pins.length > 0) pinning.add(index);
      for (const id of pins) obvious.add(id);
    }
    pending = pinning;
    const picked = obvious.size > 0 ? protectPinned(table, byCell, hidden, obvious, smallCountLimit) : [];
    watch(picked);
    if (picked.length > 0) continue;
    const pinned = new Set<CellId>();
    for (const component of hiddenComponents(table, hidden)) {
      if (component.cells.every((id) => clean.has(id))) continue;
      const found = pinnedInComponent(table, hidden, component.relations);
      if (found.size === 0) for (const id of component.cells) clean.add(id);
      for (const id of found) pinned.add(id);
    }
    if (pinned.size === 0) return hidden;
    const secondary = protectPinned(table, byCell, hidden, pinned, smallCountLimit);
    // A pinned cell none of whose relations has a shown figure left cannot be protected by hiding more.
    if (secondary.length === 0) return hidden;
    watch(secondary);
  }
}

/** Hides a secondary cell for pinned cells, one per relation (a cell hidden for one pinned cell often frees its neighbours too); returns those hidden. */
function protectPinned(
  table: DisclosureTable,
  byCell: ReadonlyMap<CellId, number[]>,
  hidden: Set<CellId>,
  pinned: ReadonlySet<CellId>,
  smallCountLimit: number,
): CellId[] {
  const picked: CellId[] = [];
  const touched = new Set<number>();
  for (const cell of [...pinned].sort(
    (a, b) => Number(isSmallCount(table.values.get(b), smallCountLimit)) - Number(isSmallCount(table.values.get(a), smallCountLimit)),
  )) {
    if ((byCell.get(cell) ?? []).some((i) => touched.has(i))) continue;
    const pick = secondaryCell(table, byCell, hidden, cell);
    if (!pick) continue;
    hidden.add(pick);
    picked.push(pick);
    for (const i of byCell.get(pick) ?? []) touched.add(i);
  }
  return picked;
}

/**
 * The hidden cells one relation alone pins, found without the full audit: the only hidden cell of
 * an equality, and each hidden cell of a relation whose hidden cells' least values (1 for a count
 * that is not 0) leave no room for it to be one more (a month of n over n hidden activities, each
 * at least 1). The full audit (`recoverableCells`) finds all of these and more.
 */
export function obviousPins(table: DisclosureTable, hidden: ReadonlySet<CellId>): Set<CellId> {
  return new Set(table.relations.flatMap((relation) => obviousPinsOf(table, hidden, relation)));
}

function obviousPinsOf(table: DisclosureTable, hidden: ReadonlySet<CellId>, relation: Relation): CellId[] {
  let constant = relation.constant;
  const terms: [CellId, number][] = [];
  for (const [id, k] of relation.terms) {
    if (hidden.has(id)) terms.push([id, k]);
    else constant -= k * table.values.get(id)!;
  }
  if (terms.length === 0) return [];
  if (relation.op === '=' && terms.length === 1) return [terms[0]![0]];
  // Σ k·x (= or ≤) constant with every k of one sign (positive for "≤") and x ≥ its least: x can
  // rise above its least only by a step of |k| within what the least values leave of the constant.
  const sign = Math.sign(terms[0]![1]);
  if ((relation.op === '<=' && sign < 0) || !terms.every(([, k]) => Math.sign(k) === sign)) return [];
  let slack = sign * constant;
  for (const [id, k] of terms) slack -= Math.abs(k) * leastOf(table, id);
  return terms.filter(([, k]) => Math.abs(k) > slack + tolerance).map(([id]) => id);
}

/** What the attacker knows of a hidden cell beforehand: at least 1, as none that is 0 is hidden (0 if it were). */
const leastOf = (table: DisclosureTable, id: CellId) => (table.values.get(id)! > 0 ? 1 : 0);

export interface HiddenComponent {
  cells: CellId[];
  /** Indices in the table's relations of those with a hidden cell of the component. */
  relations: number[];
}

/**
 * The hidden cells in groups that share no relation (shown cells being constants): the audit of
 * each group is the audit of the whole table restricted to it, so each can be audited alone, and
 * one that gained no hidden cell need not be audited again.
 */
export function hiddenComponents(table: DisclosureTable, hidden: ReadonlySet<CellId>): HiddenComponent[] {
  const parent = new Map<CellId, CellId>();
  const rootOf = (id: CellId): CellId => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id; at !== root;) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const id of hidden) if (table.values.has(id)) parent.set(id, id);
  const firstHidden: (CellId | null)[] = table.relations.map((relation) => {
    let first: CellId | null = null;
    for (const [id] of relation.terms) {
      if (!parent.has(id)) continue;
      if (first === null) first = id;
      else parent.set(rootOf(id), rootOf(first));
    }
    return first;
  });
  const components = new Map<CellId, HiddenComponent>();
  for (const id of parent.keys()) {
    const root = rootOf(id);
    const component = components.get(root) ?? { cells: [], relations: [] };
    component.cells.push(id);
    components.set(root, component);
  }
  firstHidden.forEach((first, index) => {
    if (first !== null) components.get(rootOf(first))!.relations.push(index);
  });
  return [...components.values()];
}

/**
 * The shown cell to hide beside a pinned one, among the shown non-zero cells of its equalities
 * (else its inequalities, else one relation further): the one that leaves the fewest equalities
 * with a single hidden cell (each would be pinned next: hiding a year's total that an indicator
 * repeats only moves the leak), then the smallest.
 */
function secondaryCell(table: DisclosureTable, byCell: ReadonlyMap<CellId, number[]>, hidden: ReadonlySet<CellId>, cell: CellId): CellId | null {
  const newSingletons = (id: CellId) =>
    (byCell.get(id) ?? []).filter((i) => table.relations[i]!.op === '=' && !table.relations[i]!.terms.some(([other]) => hidden.has(other))).length;
  const best = (relations: readonly number[]) => {
    let pick: CellId | null = null;
    let pickRank: [number, number] = [Infinity, Infinity];
    for (const index of relations) {
      for (const [id] of table.relations[index]!.terms) {
        if (hidden.has(id) || table.values.get(id)! <= 0) continue;
        const rank: [number, number] = [newSingletons(id), table.values.get(id)!];
        if (rank[0] < pickRank[0] || (rank[0] === pickRank[0] && rank[1] < pickRank[1])) [pick, pickRank] = [id, rank];
      }
    }
    return pick;
  };
  const own = byCell.get(cell) ?? [];
  const found = best(own.filter((i) => table.relations[i]!.op === '=')) ?? best(own);
  if (found) return found;
  const further = new Set(
    own.flatMap((i) => table.relations[i]!.terms.filter(([id]) => hidden.has(id) && id !== cell).flatMap(([id]) => byCell.get(id) ?? [])),
  );
  return best([...further]);
}

/**
 * The hidden cells an attacker can pin to one value from the shown cells and the relations: bounds
 * (a hidden 1–2 count is in [1, 2], another hidden count in [3, ∞) or 0) tightened by every relation
 * over whole numbers, and exact elimination over the equalities, each feeding the other.
 */
export function recoverableCells(table: DisclosureTable, hidden: ReadonlySet<CellId>): Set<CellId> {
  const pinned = new Set<CellId>();
  for (const component of hiddenComponents(table, hidden)) for (const id of pinnedInComponent(table, hidden, component.relations)) pinned.add(id);
  return pinned;
}

/** The audit over some of the table's relations (a component's: those with a hidden cell of it). */
function pinnedInComponent(table: DisclosureTable, hidden: ReadonlySet<CellId>, relations: readonly number[]): Set<CellId> {
  const lo = new Map<CellId, number>();
  const hi = new Map<CellId, number>();
  const reduced: Relation[] = [];
  for (const index of relations) {
    const relation = table.relations[index]!;
    let constant = relation.constant;
    const terms: [CellId, number][] = [];
    for (const [id, k] of relation.terms) {
      if (!hidden.has(id)) {
        constant -= k * table.values.get(id)!;
        continue;
      }
      terms.push([id, k]);
      if (!lo.has(id)) {
        lo.set(id, leastOf(table, id));
        hi.set(id, Infinity);
      }
    }
    if (terms.length > 0) reduced.push({ terms, op: relation.op, constant });
  }
  const cells = [...lo.keys()];
  const pinned = () => new Set(cells.filter((id) => lo.get(id) === hi.get(id)));
  let system = reduced;
  for (let known = -1; known !== pinned().size;) {
    known = pinned().size;
    tightenBounds(system, lo, hi);
    const fixed = pinned();
    const rows = eliminate(reduced.filter((r) => r.op === '=').map((r) => substituteKnown(r, fixed, lo)));
    for (const row of rows) {
      if (row.terms.length !== 1) continue;
      const [id, k] = row.terms[0]!;
      const value = Math.round(row.constant / k);
      if (Math.abs(value - row.constant / k) > 1e-6) continue;
      lo.set(id, value);
      hi.set(id, value);
    }
    system = [...reduced, ...rows];
    tightenBounds(system, lo, hi);
  }
  return pinned();
}

function substituteKnown(relation: Relation, fixed: ReadonlySet<CellId>, value: ReadonlyMap<CellId, number>): Relation {
  let constant = relation.constant;
  const terms = relation.terms.filter(([id, k]) => {
    if (!fixed.has(id)) return true;
    constant -= k * value.get(id)!;
    return false;
  });
  return { terms, op: relation.op, constant };
}

const tolerance = 1e-7;

/** Interval propagation over whole numbers until nothing moves (bounded sweeps: chains creep one by one). */
function tightenBounds(system: readonly Relation[], lo: Map<CellId, number>, hi: Map<CellId, number>): void {
  for (let sweep = 0, moved = true; moved && sweep < 200; sweep += 1) {
    moved = false;
    for (const { terms, op, constant } of system) {
      if (terms.length === 0) continue;
      let min = 0;
      let max = 0;
      for (const [id, k] of terms) {
        min += k > 0 ? k * lo.get(id)! : k * hi.get(id)!;
        max += k > 0 ? k * hi.get(id)! : k * lo.get(id)!;
      }
      for (const [id, k] of terms) {
        const ownMin = k > 0 ? k * lo.get(id)! : k * hi.get(id)!;
        const ownMax = k > 0 ? k * hi.get(id)! : k * lo.get(id)!;
        // k·x ≤ constant − (the others' least); with "=", k·x ≥ constant − (the others' most).
        const upper = constant - (min - ownMin);
        const lower = op === '=' ? constant - (max - ownMax) : -Infinity;
        let newLo = lo.get(id)!;
        let newHi = hi.get(id)!;
        const [atMost, atLeast] = k > 0 ? [upper / k, lower / k] : [lower / k, upper / k];
        if (Number.isFinite(atMost)) newHi = Math.min(newHi, Math.floor(atMost + tolerance));
        if (Number.isFinite(atLeast)) newLo = Math.max(newLo, Math.ceil(atLeast - tolerance));
        if (newLo > lo.get(id)! || newHi < hi.get(id)!) {
          lo.set(id, newLo);
          hi.set(id, Math.max(newHi, newLo));
          moved = true;
        }
      }
    }
  }
}

/**
 * Gauss–Jordan elimination of equalities (sparse rows, each pivot scaled to 1 and cleared from every
 * other row). An index of the rows holding each cell finds the rows to clear without visiting all.
 */
function eliminate(equalities: readonly Relation[]): Relation[] {
  const pivots = new Map<CellId, { terms: Map<CellId, number>; constant: number }>();
  const rowsWith = new Map<CellId, Set<CellId>>();
  const index = (pivotId: CellId, id: CellId, present: boolean) => {
    let rows = rowsWith.get(id);
    if (present) {
      if (!rows) rowsWith.set(id, (rows = new Set()));
      rows.add(pivotId);
    } else rows?.delete(pivotId);
  };
  for (const equality of equalities) {
    const terms = new Map<CellId, number>();
    for (const [id, k] of equality.terms) terms.set(id, (terms.get(id) ?? 0) + k);
    let constant = equality.constant;
    for (const id of [...terms.keys()]) {
      const pivot = pivots.get(id);
      const k = terms.get(id);
      if (!pivot || k === undefined) continue;
      for (const [other, p] of pivot.terms) terms.set(other, (terms.get(other) ?? 0) - k * p);
      constant -= k * pivot.constant;
      for (const other of pivot.terms.keys()) if (Math.abs(terms.get(other)!) <= tolerance) terms.delete(other);
    }
    for (const [id, v] of [...terms]) if (Math.abs(v) <= tolerance) terms.delete(id);
    if (terms.size === 0) continue;
    let [pivotId, pivotK] = [...terms][0]!;
    for (const [id, k] of terms) if (Math.abs(k) > Math.abs(pivotK)) [pivotId, pivotK] = [id, k];
    const row = { terms: new Map([...terms].map(([id, k]) => [id, k / pivotK])), constant: constant / pivotK };
    for (const otherId of [...(rowsWith.get(pivotId) ?? [])]) {
      const other = pivots.get(otherId)!;
      const k = other.terms.get(pivotId)!;
      for (const [id, v] of row.terms) {
        const updated = (other.terms.get(id) ?? 0) - k * v;
        const kept = Math.abs(updated) > tolerance;
        if (kept) other.terms.set(id, updated);
        else other.terms.delete(id);
        index(otherId, id, kept);
      }
      other.constant -= k * row.constant;
    }
    pivots.set(pivotId, row);
    for (const id of row.terms.keys()) index(pivotId, id, true);
  }
  return [...pivots.values()].map((row) => ({ terms: [...row.terms], op: '=' as const, constant: row.constant }));
}

/** The auditor's mask over a published state: the cells hidden in every answer and export. */
export function auditorDisclosureMask(input: DisclosureInput): Set<CellId> {
  return protectTable(buildDisclosureTable(input), input.smallCountLimit);
}
