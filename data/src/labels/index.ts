// Words for codes in Polish and English, shared by the dashboard and the server's exports. Free of
// Node: the dashboard imports this entry (@osl/data/labels) into the browser.
export { isRecord, labelOf, type Label, type LabelMap, type Lang } from './label-map.ts';
export { DISPLAY_TIME_ZONE, LOCALES, formatDate, formatDateTime, formatNumber } from './format.ts';
export * from './code-labels.ts';
export * from './absence-labels.ts';
export * from './audit-labels.ts';
export { REDACTED, auditChangeLines, changeLineText, computationKindLabels, type ChangeContext, type ChangeLine } from './audit-changes.ts';
