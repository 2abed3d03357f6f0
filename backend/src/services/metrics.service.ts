import { Inject, Injectable } from '@nestjs/common';
import type { ConfigSnapshot } from '@osl/data';
import { isPersonMeasure } from '../analytics/measure-catalogue.ts';
import { compileMetricsQuery, parseMetricsQuery, type MetricsQuery } from '../analytics/metrics-query.ts';
import { allowsPersonFigures, applyHiddenCells, personFiguresView } from '../auth/auditor-view.ts';
import type { Scope } from '../auth/access-matrix.ts';
import { DomainError } from '../lib/domain-error.ts';
import { AnalyticsRepository } from '../repositories/analytics.repository.ts';
import { AuditorFiguresService } from './auditor-figures.service.ts';
import { ConfigurationService } from './configuration.service.ts';

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
  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(AuditorFiguresService) private readonly auditorFigures: AuditorFiguresService,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
  ) {}

  /**
   * In the auditor's view, figures of persons come only from the one suppressed table (by month
   * or year, per community or ALL): other grains and breakdowns would add totals that undo it.
   */
  private checkScope(query: MetricsQuery, scope: Scope): void {
    if (!query.measures.some((m) => isPersonMeasure(m) || m === 'turnout')) return;
    if (!allowsPersonFigures(personFiguresView(scope), query)) throw DomainError.invalid('metrics.auditor_view', {});
  }

  parse(raw: Record<string, unknown>): MetricsQuery {
    return parseMetricsQuery(raw, { communities: this.config.communities.map((c) => c.code), groups: this.config.project.activityGroups });
  }

  async run(query: MetricsQuery, scope: Scope): Promise<MetricsResult> {
    this.checkScope(query, scope);
    const compiled = compileMetricsQuery(query);
    const published = this.analytics.published();
    const rows = await this.analytics.metrics(compiled);
    return {
      query,
      columns: compiled.columns,
      rows: scope === 'suppressed' ? await this.suppressed(rows, query) : rows,
      analyticsVersion: published?.runId ?? null,
      dataAsOf: published?.builtAt ?? null,
    };
  }

  private async suppressed(rows: Record<string, unknown>[], query: MetricsQuery): Promise<Record<string, unknown>[]> {
    const hidden = await this.auditorFigures.hiddenCells();
    const byCommunity = query.dimensions.includes('community');
    return rows.map((row) => {
      const community = byCommunity ? String(row.community) : query.communities[0];
      const shown = applyHiddenCells({ ...row, period: String(row.period), community }, hidden, this.config.project.smallCounts.limit);
      if (!byCommunity) delete (shown as Record<string, unknown>).community;
      return shown;
    });
  }
}
