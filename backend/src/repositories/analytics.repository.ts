import path from 'node:path';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { AnalyticsStore, queryRows, type PublishedAnalytics } from '@osl/pipelines';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';

export interface IndicatorValueRecord {
  code: string;
  community: string;
  year: number;
  value: number | null;
  target: number | null;
  baseline: number | null;
  expected: number | null;
  achievement: number | null;
  status: string;
  unit: string;
}

export interface ParticipationMonthRecord {
  period: string;
  activities: number;
  attendances: number;
  namedAttendances: number;
  anonymousAttendances: number;
  distinctParticipants: number;
  newParticipants: number;
  returningParticipants: number;
  cumulativeParticipants: number;
  turnout: number | null;
}

const indicatorValuesSql = `
  SELECT code, community, year, value, target, baseline, expected, achievement, status, unit
  FROM indicator_value
  WHERE ($1::INTEGER IS NULL OR year = $1::INTEGER) AND ($2::VARCHAR IS NULL OR community = $2::VARCHAR)
  ORDER BY code, year, CASE WHEN community = 'ALL' THEN 0 ELSE 1 END, community`;

const participationByMonthSql = `
  SELECT period, activities, attendances, named_attendances AS namedAttendances,
         anonymous_attendances AS anonymousAttendances, distinct_participants AS distinctParticipants,
         new_participants AS newParticipants, returning_participants AS returningParticipants,
         cumulative_participants AS cumulativeParticipants, turnout::DOUBLE AS turnout
  FROM agg_participation_month WHERE community = $1 ORDER BY period`;

interface OpenState {
  published: PublishedAnalytics;
  instance: DuckDBInstance;
  connection: DuckDBConnection;
}

/**
 * Reads the published analytics state. It follows the store's pointer: when a run publishes
 * a new file, the next read opens it (read-only) and the old one is closed.
 */
@Injectable()
export class AnalyticsRepository implements OnModuleDestroy {
  private readonly store: AnalyticsStore;
  private state: OpenState | null = null;
  private opening: Promise<OpenState | null> | null = null;

  constructor(@Inject(OSL_ENVIRONMENT) environment: OslEnvironment) {
    this.store = new AnalyticsStore(environment.dataDir);
  }

  published(): PublishedAnalytics | null {
    return this.store.current();
  }

  async indicatorValues(filter: { year: number | null; community: string | null }): Promise<IndicatorValueRecord[]> {
    return this.query<IndicatorValueRecord>(indicatorValuesSql, [filter.year, filter.community]);
  }

  async participationByMonth(community: string): Promise<ParticipationMonthRecord[]> {
    return this.query<ParticipationMonthRecord>(participationByMonthSql, [community]);
  }

  /** Rows of a query on the published state; empty when nothing is published yet. */
  private async query<T>(sql: string, params: (string | number | boolean | null)[]): Promise<T[]> {
    const state = await this.open();
    if (!state) return [];
    return queryRows<T>(state.connection, sql, params);
  }

  private async open(): Promise<OpenState | null> {
    const published = this.store.current();
    if (this.state && published && this.state.published.file === published.file) return this.state;
    this.opening ??= this.switchTo(published).finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  private async switchTo(published: PublishedAnalytics | null): Promise<OpenState | null> {
    const previous = this.state;
    this.state = null;
    if (published) {
      const instance = await DuckDBInstance.create(path.join(this.store.dir, published.file), { access_mode: 'READ_ONLY' });
      this.state = { published, instance, connection: await instance.connect() };
    }
    if (previous) this.close(previous);
    return this.state;
  }

  private close(state: OpenState): void {
    state.connection.closeSync();
    state.instance.closeSync();
  }

  onModuleDestroy(): void {
    if (this.state) this.close(this.state);
    this.state = null;
  }
}
