export {
  aggregationStepCount,
  runAggregation,
  withAnalyticsAsOf,
  type AnalyticsAsOfInput,
  type AggregationInput,
  type AggregationMode,
  type AggregationResult,
  type StepStats,
  describeFallback,
  type FallbackReason,
} from './jobs/aggregate.job.ts';
export type { OperationalExtract, SourceCounts, StagedExtract } from './source/operational-extract.ts';
export { DatabaseExtract } from './source/database-extract.ts';
export { AnalyticsStore, type PublishedAnalytics } from './analytics/analytics-store.ts';
export { parseAnalyticsMeta, readAnalyticsFileMeta, readStoredMeta, publishedAnalyticsSchema, type AnalyticsMeta } from './analytics/analytics-meta.ts';
export { analyticsLayoutVersion, analyticsTables } from './analytics/analytics-schema.ts';
export { aggregationSteps } from './steps/aggregation-steps.ts';
export { isStepLabelKey, stepLabelKeys, stepLabelOfText, stepLabelText, stepLabelWords, type StepLabel, type StepLabelKey } from './steps/step-labels.ts';
export type { PipelineStep, StepContext } from './steps/pipeline-step.ts';
export { queryRows, querySqlFile, sqlStatements } from './analytics/duckdb-sql.ts';
export { computeIndicatorValues, computeSharePercent, type IndicatorValueRow } from './indicators/indicator-values.ts';
export { computePeriodIndicatorValues, readPeriodIndicatorValues, type PeriodIndicatorValueRow } from './indicators/period-values.ts';
export { readPeriodDrillDown, type PeriodDrillDown } from './indicators/period-drill-down.ts';
export * from './indicators/period-window.ts';
export * from './indicators/indicator-status.ts';
export * from './indicators/indicator-window.ts';
export { computeIndicatorMonthValues, monthWindows, type IndicatorMonthValueRow, type MonthWindow } from './indicators/month-values.ts';
export { forecastIndicator, type Forecast, type ForecastInput, type IndicatorMonthPoint } from './indicators/forecast.ts';
export * from './lib/civil-date.ts';
export { abandonedRunError, leasePolicyFromEnvironment, presentLeasedRun } from './jobs/run-lease.ts';
export { detectDeclines, type DetectedDecline } from './steps/decline.step.ts';
export { resolveDeclineConfig, DEFAULT_DECLINE_CONFIG, type DeclineConfig, type DeclineConfigInput } from './decline/index.ts';
export { describeDecline, describeLapsing, isoWeekOfDate, isoWeekStartDate, type DeclineFinding } from './decline/index.ts';
