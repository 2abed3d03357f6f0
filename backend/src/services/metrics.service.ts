import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { activityGroups, type OslConfig } from '@osl/data';
import { compileMetricsQuery, parseMetricsQuery, personMeasures, type MetricsQuery } from '../analytics/metrics-query.ts';
import type { Scope } from '../auth/access-matrix.ts';
import { suppressMetricRows } from '../auth/suppress-figures.ts';
import { OSL_CONFIG } from '../lib/osl-environment.ts';
import { AnalyticsRepository } from '../repositories/analytics.repository.ts';

export interface MetricsResult {
  query: MetricsQuery;
  columns: string[];
  rows: Record<string, unknown>[];
  analyticsVersion: number | null;
  dataAsOf: string | null;
}

/** The metrics query of the analytics API: parsed, compiled, run on the published state, suppressed for the auditor. */
@Injectable()
export class MetricsService {
  constructor(
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(OSL_CONFIG) private readonly config: OslConfig,
  ) {}

  parse(raw: Record<string, unknown>): MetricsQuery {
    return parseMetricsQuery(raw, { communities: this.config.communities.map((c) => c.code), groups: activityGroups });
  }

  /**
   * The version of the answer without computing it: the published state, the query and what the
   * scope hides. Equal tags mean equal answers (an HTTP ETag).
   */
  etag(query: MetricsQuery, scope: Scope): string | null {
    const published = this.analytics.published();
    if (!published) return null;
    const digest = createHash('sha256').update(JSON.stringify([query, scope === 'suppressed'])).digest('base64url').slice(0, 16);
    return `W/"a${published.runId}-${digest}"`;
  }

  async run(query: MetricsQuery, scope: Scope): Promise<MetricsResult> {
    const compiled = compileMetricsQuery(query);
    const published = this.analytics.published();
    const rows = await this.analytics.metrics(compiled);
    const measures = query.measures.filter((m) => personMeasures.includes(m));
    const groupKeys = compiled.columns.filter((c) => c === 'period' || c === 'group' || c === 'type');
    return {
      query,
      columns: compiled.columns,
      rows: scope === 'suppressed' ? suppressMetricRows(rows, measures, groupKeys) : rows,
      analyticsVersion: published?.runId ?? null,
      dataAsOf: published?.builtAt ?? null,
    };
  }
}
