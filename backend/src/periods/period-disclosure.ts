import type { IndicatorConfig } from '@osl/data';
import { protectTable, type CellId, type Relation } from '../auth/auditor-disclosure.ts';
import type { FrozenDrillDown, FrozenFigure } from './frozen-period.ts';

export type FigureField = 'valueWithin' | 'valueCumulative';

export interface ShownFigure extends FrozenFigure {
  /** Fields hidden by small-count suppression: their values, and the achievement and status, are null. */
  suppressed?: FigureField[];
}

const cell = (code: string, community: string, field: FigureField): CellId => `period|${code}|${community}|${field}`;
const fields: FigureField[] = ['valueWithin', 'valueCumulative'];

/**
 * A period's figures as the auditor and exports may show them (domain.md): counts of 1–2 persons
 * hidden, and further cells until none can be recomputed (leaders are counted by home community,
 * so the communities add up to ALL). A hidden value takes its achievement and status with it.
 */
export function protectPeriodFigures(
  figures: readonly FrozenFigure[],
  indicators: readonly IndicatorConfig[],
  smallCountLimit: number,
  communities: readonly string[],
): ShownFigure[] {
  const persons = new Map(indicators.filter((i) => i.unit === 'persons').map((i) => [i.code, i]));
  const values = new Map<CellId, number>();
  for (const figure of figures) {
    if (!persons.has(figure.code)) continue;
    for (const field of fields) {
      const value = figure[field];
      if (value !== null) values.set(cell(figure.code, figure.community, field), value);
    }
  }
  const relations: Relation[] = [];
  for (const indicator of persons.values()) {
    if (indicator.computation.kind !== 'leaders') continue;
    for (const field of fields) {
      const terms: [CellId, number][] = communities.map((c) => [cell(indicator.code, c, field), 1]);
      terms.push([cell(indicator.code, 'ALL', field), -1]);
      if (terms.every(([id]) => values.has(id))) relations.push({ terms, op: '=', constant: 0 });
    }
  }
  const hidden = protectTable({ values, relations }, smallCountLimit);
  return figures.map((figure) => {
    const suppressed = fields.filter((field) => hidden.has(cell(figure.code, figure.community, field)));
    if (suppressed.length === 0) return { ...figure };
    const shown: ShownFigure = { ...figure, suppressed };
    for (const field of suppressed) shown[field] = null;
    if (suppressed.includes('valueCumulative')) {
      shown.achievement = null;
      shown.status = 'suppressed';
    }
    return shown;
  });
}

/**
 * The drill-down the auditor may see beside protected figures: a community whose person count is
 * hidden does not show the codes that would count it.
 */
export function protectDrillDown(drillDown: FrozenDrillDown, shown: readonly ShownFigure[], indicators: readonly IndicatorConfig[]): FrozenDrillDown {
  const kindOf = new Map(indicators.map((i) => [i.code, i.computation]));
  const hiddenFor = (test: (computation: IndicatorConfig['computation']) => boolean) =>
    new Set(shown.filter((f) => f.suppressed?.length && test(kindOf.get(f.code)!)).map((f) => f.community));
  const persons = hiddenFor((c) => c.kind === 'distinct_participants' && c.minAttendances === 1);
  const regulars = hiddenFor((c) => c.kind === 'distinct_participants' && c.minAttendances > 1);
  const leaders = hiddenFor((c) => c.kind === 'leaders');
  const keep = (hidden: Set<string>) => (row: { community: string }) => !hidden.has(row.community) && !hidden.has('ALL');
  return {
    ...drillDown,
    persons: drillDown.persons.filter(keep(persons)),
    regulars: drillDown.regulars.filter(keep(regulars)),
    leaders: drillDown.leaders.filter(keep(leaders)),
  };
}
