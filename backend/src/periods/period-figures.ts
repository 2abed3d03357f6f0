import { Inject, Injectable } from '@nestjs/common';
import { analyticsConfigVersion, type ConfigSnapshot, type ReportingPeriodConfig } from '@osl/data';
import { computePeriodIndicatorValues, readPeriodDrillDown, readPeriodIndicatorValues, withAnalyticsAsOf } from '@osl/pipelines';
import { BoundedSemaphore } from '../lib/bounded-semaphore.ts';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { AnalyticsRepository } from '../repositories/analytics.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import type { FrozenDrillDown, FrozenFigure } from './frozen-period.ts';

export interface PeriodFigures {
  figures: FrozenFigure[];
  drillDown: FrozenDrillDown;
  /** The civil date they were computed as of, and the last import batch they saw. */
  asOf: string;
  dataVersion: number;
}

/**
 * A period's figures and drill-down, from the pipeline: as the published analytics hold them now,
 * or as the data stood after a given import batch (a scratch build of its own, never published).
 */
@Injectable()
export class PeriodFiguresReader {
  // A build "as of" a moment is a full rebuild: one at a time, whoever asks.
  private readonly builds = new BoundedSemaphore(1, 4, 30);

  constructor(
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
  ) {}

  /** From the published analytics; null when they do not hold the period yet (defined since the last run). */
  async published(config: ConfigSnapshot, period: ReportingPeriodConfig, options: { drillDown: boolean } = { drillDown: true }): Promise<PeriodFigures | null> {
    return this.analytics.withPublished(async (connection, state) => {
      // Built with other periods (one edited or added since): its figures are not this period's.
      if (state.configHash !== analyticsConfigVersion(config)) return null;
      const figures = await readPeriodIndicatorValues(connection, period.id);
      if (figures.length === 0) return null;
      return {
        figures: figures.map(frozenFigure),
        drillDown: options.drillDown ? await readPeriodDrillDown(connection, config, period, state.asOf) : emptyDrillDown(),
        asOf: state.asOf,
        dataVersion: state.watermark,
      };
    });
  }

  /**
   * As the data stands at `dataVersion` (the newest batch): from the published analytics when
   * they were built from exactly that data and configuration, else by a build of its own.
   */
  async latest(config: ConfigSnapshot, period: ReportingPeriodConfig, moment: Date, dataVersion: number): Promise<PeriodFigures> {
    const published = await this.published(config, period);
    if (published && published.dataVersion === dataVersion) return published;
    return this.asOf(config, period, moment, dataVersion);
  }

  /** As the data stood after import batch `dataVersion`, computed as of `moment`. */
  async asOf(config: ConfigSnapshot, period: ReportingPeriodConfig, moment: Date, dataVersion: number): Promise<PeriodFigures> {
    return this.builds.run(() =>
      withAnalyticsAsOf(
        { database: this.database.operational, config, dataDir: this.environment.dataDir, moment, asOfBatch: dataVersion },
        async (connection, asOf) => ({
          figures: (await computePeriodIndicatorValues(connection, config, asOf, [period])).map(frozenFigure),
          drillDown: await readPeriodDrillDown(connection, config, period, asOf),
          asOf,
          dataVersion,
        }),
      ),
    );
  }
}

function emptyDrillDown(): FrozenDrillDown {
  return { activities: [], persons: [], regulars: [], leaders: [], surveyAnswers: [] };
}

function frozenFigure(row: FrozenFigure): FrozenFigure {
  return {
    code: row.code,
    community: row.community,
    valueWithin: row.valueWithin,
    valueCumulative: row.valueCumulative,
    target: row.target,
    achievement: row.achievement,
    status: row.status,
    withinFrom: row.withinFrom,
    withinTo: row.withinTo,
    cumulativeFrom: row.cumulativeFrom,
    cumulativeTo: row.cumulativeTo,
  };
}
