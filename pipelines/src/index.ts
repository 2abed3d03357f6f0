export { runAggregation, type AggregationInput, type AggregationResult, type StepStats } from './jobs/aggregate.job.ts';
export { AnalyticsStore, type PublishedAnalytics } from './analytics/analytics-store.ts';
export { queryRows, querySqlFile, sqlStatements } from './analytics/duckdb-sql.ts';
export { computeIndicatorValues, computeSharePercent, type IndicatorValueRow } from './indicators/indicator-values.ts';
export * from './indicators/indicator-status.ts';
export * from './indicators/indicator-window.ts';
export * from './lib/civil-date.ts';
export { PipelineLock, PipelineBusyError } from './jobs/pipeline-lock.ts';
