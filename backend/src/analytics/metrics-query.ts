import { isCalendarDate } from '../lib/calendar-date.ts';
import { DomainError } from '../lib/domain-error.ts';
import { measureCatalogue, metricMeasureNames, type MetricMeasure } from './measure-catalogue.ts';

/**
 * The typed metrics query of the analytics API (issue 6): measures × dimensions × grain over a
 * date range, for some communities and activity groups. The dashboard never sends SQL: a query
 * is checked against these whitelists and compiled to one parameterised statement over the
 * published participation table.
 */

export { personMeasures, type MetricMeasure } from './measure-catalogue.ts';

/** Own keys only: `"constructor" in measureCatalogue` is true, and its "column" would be a function. */
export function isMetricMeasure(name: string): name is MetricMeasure {
  return Object.hasOwn(measureCatalogue, name);
}

export const metricGrains = ['week', 'month', 'quarter', 'year'] as const;
export type MetricGrain = (typeof metricGrains)[number];

export const metricDimensions = ['community', 'group', 'type'] as const;
export type MetricDimension = (typeof metricDimensions)[number];

export interface MetricsQuery {
  measures: MetricMeasure[];
  grain: MetricGrain;
  /** The period is always a dimension; these add rows per community and per activity group or type. */
  dimensions: MetricDimension[];
  /** Periods starting on or after `from` and on or before `to` (YYYY-MM-DD). */
  from: string | null;
  to: string | null;
  /** Communities (codes, or ALL for the whole project); given or not, parsing resolves it: every community with the community dimension, else ALL. */
  communities: string[];
  /** Activity groups (animation, education, action); with the group or type dimension only. */
  groups: string[] | null;
}

const maxListValues = 50;

const listParam = (value: unknown, name: string): string[] | null => {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw DomainError.invalid('metrics.list_once', { name });
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length > maxListValues) throw DomainError.invalid('metrics.list_too_long', { name, max: maxListValues });
  return items;
};

const dateParam = (value: unknown, name: string): string | null => {
  if (value === undefined || value === '') return null;
  if (!isCalendarDate(value)) {
    throw DomainError.invalid('filter.date', { name });
  }
  return value;
};

/** What the installation has: codes the query may name. */
export interface MetricsVocabulary {
  communities: readonly string[];
  groups: readonly string[];
}

/** Parses a query string into a checked query; every problem names the parameter and what it takes. */
export function parseMetricsQuery(raw: Record<string, unknown>, vocabulary: MetricsVocabulary): MetricsQuery {
  const measures = listParam(raw.measures, 'measures');
  if (!measures || measures.length === 0) throw DomainError.invalid('metrics.measures_required', { allowed: metricMeasureNames.join(', ') });
  for (const m of measures) if (!isMetricMeasure(m)) throw DomainError.invalid('metrics.unknown_measure', { value: m, allowed: metricMeasureNames.join(', ') });
  const grain = raw.grain ?? 'month';
  if (typeof grain !== 'string' || !(metricGrains as readonly string[]).includes(grain))
    throw DomainError.invalid('metrics.grain', { allowed: metricGrains.join(', ') });
  const dimensions = listParam(raw.dimensions, 'dimensions') ?? [];
  for (const d of dimensions)
    if (!(metricDimensions as readonly string[]).includes(d))
      throw DomainError.invalid('metrics.unknown_dimension', { value: d, allowed: metricDimensions.join(', ') });
  if (dimensions.includes('group') && dimensions.includes('type')) throw DomainError.invalid('metrics.group_and_type', {});
  const communities = listParam(raw.communities, 'communities')?.map((c) => c.toUpperCase()) ?? null;
  const knownCommunities = ['ALL', ...vocabulary.communities];
  for (const c of communities ?? [])
    if (!knownCommunities.includes(c)) throw DomainError.invalid('metrics.unknown_community', { value: c, allowed: knownCommunities.join(', ') });
  if (communities && !dimensions.includes('community') && communities.length !== 1) {
    throw DomainError.invalid('metrics.communities_need_dimension', {});
  }
  const groups = listParam(raw.groups, 'groups');
  for (const g of groups ?? [])
    if (!vocabulary.groups.includes(g)) throw DomainError.invalid('metrics.unknown_group', { value: g, allowed: vocabulary.groups.join(', ') });
  if (groups && !dimensions.includes('group') && !dimensions.includes('type')) throw DomainError.invalid('metrics.groups_need_dimension', {});
  const from = dateParam(raw.from, 'from');
  const to = dateParam(raw.to, 'to');
  if (from && to && from > to) throw DomainError.invalid('filter.from_after_to', {});
  const byCommunity = dimensions.includes('community');
  return {
    measures: [...new Set(measures)] as MetricMeasure[],
    grain: grain as MetricGrain,
    dimensions: [...new Set(dimensions)] as MetricDimension[],
    from,
    to,
    communities: communities ?? (byCommunity ? [...vocabulary.communities] : ['ALL']),
    groups,
  };
}

export interface CompiledMetricsQuery {
  sql: string;
  params: (string | null)[];
  /** Output columns in order: period, periodStart, dimensions, measures. */
  columns: string[];
}

/**
 * One parameterised statement. Every identifier comes from the whitelists above; every value is
 * a parameter ($1 grain, $2 breakdown, $3 communities, $4 groups, $5 from, $6 to).
 */
export function compileMetricsQuery(query: MetricsQuery): CompiledMetricsQuery {
  const breakdown = query.dimensions.includes('group') ? 'group' : query.dimensions.includes('type') ? 'type' : 'all';
  const byCommunity = query.dimensions.includes('community');
  const select = ['a.period AS "period"', 'strftime(a.period_start, \'%Y-%m-%d\') AS "periodStart"'];
  const columns = ['period', 'periodStart'];
  if (byCommunity) {
    select.push('a.community AS "community"');
    columns.push('community');
  }
  if (breakdown !== 'all') {
    select.push(`a.breakdown_value AS "${breakdown}"`);
    columns.push(breakdown);
  }
  for (const measure of query.measures) {
    select.push(`a.${measureCatalogue[measure].column} AS "${measure}"`);
    columns.push(measure);
  }
  const groupFilter =
    breakdown === 'group'
      ? 'list_contains($4::VARCHAR[], a.breakdown_value)'
      : 'a.breakdown_value IN (SELECT type_code FROM dim_activity_type WHERE list_contains($4::VARCHAR[], group_code))';
  const sql = [
    `SELECT ${select.join(', ')}`,
    'FROM agg_participation a',
    'WHERE a.grain = $1 AND a.breakdown = $2',
    '  AND list_contains($3::VARCHAR[], a.community)',
    `  AND ($4::VARCHAR[] IS NULL OR ${groupFilter})`,
    '  AND ($5::DATE IS NULL OR a.period_start >= $5::DATE)',
    '  AND ($6::DATE IS NULL OR a.period_start <= $6::DATE)',
    `ORDER BY a.period_start${byCommunity ? ', a.community' : ''}${breakdown !== 'all' ? ', a.breakdown_value' : ''}`,
  ].join('\n');
  return { sql, params: [query.grain, breakdown, listLiteral(query.communities), listLiteral(query.groups), query.from, query.to], columns };
}

// Lists travel as one VARCHAR parameter cast to VARCHAR[] ('[OST, WZG]'); codes are whitelisted,
// so they hold no brackets or commas.
function listLiteral(items: string[] | null): string | null {
  return items ? `[${items.join(', ')}]` : null;
}
