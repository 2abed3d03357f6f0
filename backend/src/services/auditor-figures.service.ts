import { Inject, Injectable } from '@nestjs/common';
import type { OslConfig } from '@osl/data';
import { compileMetricsQuery } from '../analytics/metrics-query.ts';
import { auditorHiddenCells, auditorPersonMeasures } from '../auth/auditor-view.ts';
import { OSL_CONFIG } from '../lib/osl-environment.ts';
import { AnalyticsRepository } from '../repositories/analytics.repository.ts';

/**
 * The auditor's suppression mask, computed once per published analytics state over every
 * community and ALL, by month and by year (auth/auditor-view.ts), and shared by every answer the
 * auditor gets: a figure hidden in one is hidden in all.
 */
@Injectable()
export class AuditorFiguresService {
  private cached: { runId: number; hidden: Promise<Set<string>> } | null = null;

  constructor(
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(OSL_CONFIG) private readonly config: OslConfig,
  ) {}

  hiddenCells(): Promise<Set<string>> {
    const runId = this.analytics.published()?.runId ?? -1;
    if (this.cached?.runId !== runId) {
      const hidden = this.compute();
      this.cached = { runId, hidden };
      hidden.catch(() => (this.cached = null));
    }
    return this.cached.hidden;
  }

  private async compute(): Promise<Set<string>> {
    const communities = ['ALL', ...this.config.communities.map((c) => c.code)];
    const query = (grain: 'month' | 'year') =>
      compileMetricsQuery({ measures: [...auditorPersonMeasures], grain, dimensions: ['community'], from: null, to: null, communities, groups: null });
    const [monthly, yearly] = await Promise.all([this.analytics.metrics(query('month')), this.analytics.metrics(query('year'))]);
    return auditorHiddenCells(monthly as { period: string; community: string }[], yearly as { period: string; community: string }[]);
  }
}
