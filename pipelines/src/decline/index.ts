// Declining participation: a pure detector (series and configuration in, alerts out), its sentence,
// and the simulation it is evaluated on. Method: decline-detector.ts and pipelines/README-decline.md.
export {
  completeWeeklySeries,
  DECLINE_METHOD_VERSION,
  detectDecline,
  detectDeclineResuming,
  firstDifferingWeek,
  scanDeclineHistory,
  validateWeeklySeries,
  type BaselineKind,
  type CarryChange,
  type DeclineCheck,
  type DeclineCheckStatus,
  type DeclineFinding,
  type DeclineWeekState,
  type ScanCheckpoint,
  type WeeklyParticipation,
} from './decline-detector.ts';
export {
  DECLINE_MEASURES,
  DEFAULT_DECLINE_CONFIG,
  resolveDeclineConfig,
  type DeclineConfig,
  type DeclineConfigInput,
  type DeclineMeasure,
} from './decline-config.ts';
export { describeDecline, type DescribeDeclineOptions } from './describe-decline.ts';
export { describeLapsing, type DescribeLapsingOptions, type LapsingAlertFigures } from './describe-lapsing.ts';
export * from './iso-week.ts';
export { lowerTailPValue, negativeBinomialCdf, poissonCdf } from './count-stats.ts';
export { simulateCommunity, type DropKind, type SimulatedCommunity, type SimulatedSession, type SimulationOptions } from './decline-simulation.ts';
export {
  DEFAULT_LAPSING_SETTINGS,
  lapsingSettingsOf,
  scanLapsing,
  type LapseAssessment,
  type LapsingActivity,
  type LapsingCheck,
  type LapsingScan,
  type LapsingSettings,
  type LapsingStatus,
  type PersonAttendances,
} from './lapsing.ts';
export { evaluateDetector, type EvaluationCell, type EvaluationOptions } from './decline-evaluation.ts';
