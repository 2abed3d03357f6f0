// Typed access to the backend API (same origin, under /api). Every response type lives here.

export type CommunityCode = string;
/** The whole project, as opposed to one community. */
export const ALL_COMMUNITIES = 'ALL';
export type Scope = CommunityCode | typeof ALL_COMMUNITIES;

export type IndicatorKind = 'output' | 'result';
export type IndicatorUnit = 'persons' | 'activities' | 'percent';
export type IndicatorStatus =
  | 'on_track'
  | 'at_risk'
  | 'behind'
  | 'no_data'
  | 'no_target'
  | 'not_started';

export interface PipelineRun {
  id: number;
  status: string;
  finishedAt: string | null;
}

export interface HealthResponse {
  /** 'degraded' while the published analytics file cannot be read (the next run rebuilds it). */
  status: 'ok' | 'degraded';
  analytics?: { available: boolean; reason: string | null };
  /** When the analytics data was last refreshed (ISO instant), or null before the first run. */
  dataAsOf: string | null;
  lastRun: PipelineRun | null;
  demo: boolean;
}

export interface ProjectInfo {
  name: string;
  centre: string;
  /** ISO date, e.g. "2021-01-01". */
  periodStart: string;
  periodEnd: string;
  timeZone: string;
  /** Optional (not yet in the contract): the status thresholds, for the legend. */
  statusThresholds?: { onTrack: number; atRisk: number };
}

export interface CommunityInfo {
  code: CommunityCode;
  name: string;
  kind: 'territorial' | 'categorical';
}

export interface IndicatorDefinition {
  code: string;
  namePl: string;
  nameEn: string;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  cumulative: boolean;
}

export interface ActivityTypeInfo {
  code: string;
  namePl: string;
  nameEn: string;
  group: 'animation' | 'education' | 'action';
}

export interface ConfigResponse {
  project: ProjectInfo;
  years: number[];
  communities: CommunityInfo[];
  activityTypes: ActivityTypeInfo[];
  indicators: IndicatorDefinition[];
}

export interface IndicatorValue {
  code: string;
  community: Scope;
  year: number;
  value: number | null;
  target: number | null;
  baseline: number | null;
  expected: number | null;
  /** value / target as a fraction: 1.0 = target met. */
  achievement: number | null;
  status: IndicatorStatus;
  unit: IndicatorUnit;
  /** Fields hidden by small-count suppression (shown as "<3"); the auditor's view only. */
  suppressed?: string[];
}

export interface ParticipationPeriod {
  /** "YYYY-MM" in the Europe/Warsaw calendar. */
  period: string;
  activities: number;
  /** Named plus anonymous attendances. */
  attendances: number;
  namedAttendances: number;
  anonymousAttendances: number;
  distinctParticipants: number;
  newParticipants: number;
  returningParticipants: number;
  /** Distinct persons reached from the project start to the end of this period. */
  cumulativeParticipants: number;
  turnout: number | null;
  /** Fields hidden by small-count suppression (their values are null); the auditor's view only. */
  suppressed?: string[];
}

export interface TargetPathPoint {
  period: string;
  /** The community's P1 expected-to-date at the period's end. */
  expected: number | null;
}

export interface CommunityParticipation {
  community: { code: Scope; name: string };
  grain: 'month';
  periods: ParticipationPeriod[];
  targetPath: TargetPathPoint[];
  target: { indicator: string; baseline: number | null; targets: Record<string, number> } | null;
}

export type Role = 'director' | 'organizer' | 'auditor' | 'admin';

export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  communities: CommunityCode[];
  mustChangePassword: boolean;
}

export interface SessionResponse {
  user: SessionUser | null;
  /** Sent back in X-CSRF-Token with every write. */
  csrfToken: string | null;
  expiresAt: string | null;
  demo: boolean;
}

/** The API's one error format: `{ statusCode, message, code? }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly path: string,
    readonly code: string | null = null,
    readonly retryAfterSeconds: number | null = null
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type FetchFn = typeof fetch;

const API_BASE = '/api';

async function getJson<T>(path: string, fetchFn: FetchFn, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetchFn(`${API_BASE}${path}`, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      signal
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    // Network failure: the server is down or unreachable.
    throw new ApiError(0, cause instanceof Error ? cause.message : String(cause), path);
  }
  if (!response.ok) throw await toApiError(response, path);
  return (await response.json()) as T;
}

let csrfToken: string | null = null;
let onSignedOut: (() => void) | null = null;

/** The token of the current session, for writes (set from the session and the sign-in answer). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server answers 401 to a signed-in page (the session ended or expired). */
export function onSessionEnded(listener: (() => void) | null): void {
  onSignedOut = listener;
}

async function sendJson<T>(method: 'POST' | 'PATCH', path: string, body: unknown, fetchFn: FetchFn = fetch): Promise<T | null> {
  let response: Response;
  try {
    response = await fetchFn(`${API_BASE}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {})
      },
      credentials: 'same-origin',
      body: JSON.stringify(body ?? {})
    });
  } catch (cause) {
    throw new ApiError(0, cause instanceof Error ? cause.message : String(cause), path);
  }
  if (!response.ok) throw await toApiError(response, path);
  return response.status === 204 ? null : ((await response.json()) as T);
}

async function toApiError(response: Response, path: string): Promise<ApiError> {
  let message = response.statusText || `HTTP ${response.status}`;
  let code: string | null = null;
  let retryAfter: number | null = null;
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object') {
      const record = body as { message?: unknown; code?: unknown; retryAfterSeconds?: unknown };
      if (typeof record.message === 'string') message = record.message;
      else if (Array.isArray(record.message)) message = record.message.join('; ');
      if (typeof record.code === 'string') code = record.code;
      if (typeof record.retryAfterSeconds === 'number') retryAfter = record.retryAfterSeconds;
    }
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): fall back to the status text.
  }
  if (response.status === 401 && !path.startsWith('/auth/')) onSignedOut?.();
  return new ApiError(response.status, message, path, code, retryAfter);
}

export interface RequestOptions {
  fetch?: FetchFn;
  signal?: AbortSignal;
}

export function fetchSession(options: RequestOptions = {}): Promise<SessionResponse> {
  return getJson('/auth/session', options.fetch ?? fetch, options.signal);
}

export async function signIn(email: string, password: string, fetchFn?: FetchFn): Promise<SessionResponse> {
  const answer = await sendJson<{ user: SessionUser; csrfToken: string; expiresAt: string }>('POST', '/auth/sign-in', { email, password }, fetchFn);
  return { ...answer!, demo: false };
}

export async function signOut(fetchFn?: FetchFn): Promise<void> {
  await sendJson('POST', '/auth/sign-out', {}, fetchFn);
}

export async function changePassword(currentPassword: string, newPassword: string, fetchFn?: FetchFn): Promise<void> {
  await sendJson('POST', '/auth/password', { currentPassword, newPassword }, fetchFn);
}

export function fetchHealth(options: RequestOptions = {}): Promise<HealthResponse> {
  return getJson('/health', options.fetch ?? fetch, options.signal);
}

export function fetchConfig(options: RequestOptions = {}): Promise<ConfigResponse> {
  return getJson('/config', options.fetch ?? fetch, options.signal);
}

export function fetchIndicators(
  year: number,
  community?: Scope,
  options: RequestOptions = {}
): Promise<IndicatorValue[]> {
  const query = new URLSearchParams({ year: String(year) });
  if (community) query.set('community', community);
  return getJson(`/indicators?${query}`, options.fetch ?? fetch, options.signal);
}

export function fetchParticipation(
  community: Scope,
  options: RequestOptions = {}
): Promise<CommunityParticipation> {
  return getJson(
    `/communities/${encodeURIComponent(community)}/participation`,
    options.fetch ?? fetch,
    options.signal
  );
}

// ---------------------------------------------------------------- analytics API and drill-down

export interface MetricsRow {
  period: string;
  periodStart: string;
  community?: string;
  group?: string;
  type?: string;
  [measure: string]: string | number | null | undefined;
}

export interface MetricsParams {
  measures: string[];
  grain: 'week' | 'month' | 'quarter' | 'year';
  dimensions?: ('community' | 'group' | 'type')[];
  from?: string;
  to?: string;
  communities?: string[];
  groups?: string[];
}

export function metricsQueryString(params: MetricsParams): string {
  const query = new URLSearchParams({ measures: params.measures.join(','), grain: params.grain });
  if (params.dimensions?.length) query.set('dimensions', params.dimensions.join(','));
  if (params.from) query.set('from', params.from);
  if (params.to) query.set('to', params.to);
  if (params.communities?.length) query.set('communities', params.communities.join(','));
  if (params.groups?.length) query.set('groups', params.groups.join(','));
  return query.toString();
}

/**
 * The metrics query, transferred as an Arrow IPC stream (exact integers, compact) and decoded
 * here; apache-arrow is loaded only by the pages that chart series.
 */
export async function fetchMetrics(params: MetricsParams, options: RequestOptions = {}): Promise<MetricsRow[]> {
  const path = `/metrics?${metricsQueryString(params)}`;
  const fetchFn = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchFn(`${API_BASE}${path}`, {
      headers: { accept: 'application/vnd.apache.arrow.stream' },
      credentials: 'same-origin',
      signal: options.signal
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, cause instanceof Error ? cause.message : String(cause), path);
  }
  if (!response.ok) throw await toApiError(response, path);
  const { tableFromIPC } = await import('apache-arrow');
  const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
  return table.toArray().map((row) => row.toJSON() as MetricsRow);
}

export interface DeclineAlert {
  id: number;
  community: string;
  group: string | null;
  measure: 'attendances' | 'distinctParticipants';
  since: string;
  lastWeek: string;
  status: 'active' | 'ended';
  drop: number;
  observed: number;
  expected: number;
  sentencePl: string;
  sentenceEn: string;
}

export function fetchAlerts(community: string, options: RequestOptions = {}): Promise<DeclineAlert[]> {
  return getJson(`/alerts?status=all&community=${encodeURIComponent(community)}`, options.fetch ?? fetch, options.signal);
}

export interface BatchRef {
  batchId: number;
  file: string;
  importedBy: string;
  importedAt: string;
}

export interface ActivityItem {
  externalId: string;
  date: string;
  community: string;
  type: string;
  title: string;
  namedAttendances: number | null;
  anonymousAttendances: number | null;
  attendances: number | null;
  source: BatchRef & { row: number };
  attendanceLists: (BatchRef & { attendances: number | null })[];
  suppressed?: string[];
}

export function fetchActivities(community: string, from: string, to: string, options: RequestOptions = {}): Promise<{ activities: ActivityItem[]; truncated: boolean }> {
  const query = new URLSearchParams({ community, from, to });
  return getJson(`/activities?${query}`, options.fetch ?? fetch, options.signal);
}

export interface ParticipantItem {
  code: string;
  homeCommunity: string;
  firstName?: string | null;
  lastName?: string | null;
  attendances: number;
  lastAttended: string | null;
  daysAway: number | null;
  lapsed: boolean;
}

export function fetchParticipants(community: string, options: RequestOptions = {}): Promise<{ community: string; names: boolean; lapsedAfterDays: number; participants: ParticipantItem[] }> {
  return getJson(`/communities/${encodeURIComponent(community)}/participants`, options.fetch ?? fetch, options.signal);
}

export function fetchAllIndicators(options: RequestOptions = {}): Promise<IndicatorValue[]> {
  return getJson('/indicators', options.fetch ?? fetch, options.signal);
}

export interface IndicatorSources {
  indicator: { code: string; namePl: string; nameEn: string; computation: string };
  community: string;
  year: number;
  window: { from: string; to: string } | null;
  selection: { types: string[] | null; residentInitiative: boolean | null };
  activities: ActivityItem[];
  truncated: boolean;
}

export function fetchIndicatorSources(code: string, year: number, community: string, options: RequestOptions = {}): Promise<IndicatorSources> {
  const query = new URLSearchParams({ year: String(year), community });
  return getJson(`/indicators/${encodeURIComponent(code)}/sources?${query}`, options.fetch ?? fetch, options.signal);
}

export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  address: string | null;
}

export function fetchAudit(filter: Record<string, string>, options: RequestOptions = {}): Promise<{ total: number; events: AuditEvent[] }> {
  return getJson(`/audit?${new URLSearchParams(filter)}`, options.fetch ?? fetch, options.signal);
}

/** Where a download is served (same origin, the session cookie goes with it). */
export function exportUrl(path: string, params: Record<string, string>): string {
  return `${API_BASE}${path}?${new URLSearchParams(params)}`;
}

export interface ImportIssue {
  row: number | null;
  column: string | null;
  value: string | null;
  code: string;
  message: string;
}

export interface FileImportReport {
  file: string;
  kind: string | null;
  status: 'imported' | 'rejected' | 'unchanged';
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  batchId: number | null;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

export interface ImportJob {
  id: string;
  status: 'running' | 'finished' | 'failed';
  progress: { file: string; fileIndex: number; fileCount: number; phase: string; rowsDone: number; rowsTotal: number } | null;
  files: FileImportReport[] | null;
  error: string | null;
}

/** Uploads files as an import job (answered at once) to poll with `fetchImportJob`. */
export async function startImport(files: File[], lang: string): Promise<ImportJob> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  form.append('lang', lang);
  const path = '/imports?async=true';
  const response = await fetch(`${API_BASE}${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
    body: form
  });
  if (!response.ok) throw await toApiError(response, path);
  return (await response.json()) as ImportJob;
}

export function fetchImportJob(id: string, options: RequestOptions = {}): Promise<ImportJob> {
  return getJson(`/imports/jobs/${encodeURIComponent(id)}`, options.fetch ?? fetch, options.signal);
}

export interface ImportBatchItem {
  id: number;
  file: string;
  kind: string;
  status: string;
  source: string;
  importedBy: string;
  at: string;
  rowsRead: number;
  rowsWritten: number;
  errorCount: number;
  warningCount: number;
}

export function fetchImportHistory(options: RequestOptions = {}): Promise<ImportBatchItem[]> {
  return getJson('/imports', options.fetch ?? fetch, options.signal);
}

export interface PipelineRunItem {
  id: number;
  trigger: string;
  mode: string;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  steps: { name: string; rowsRead?: number; rowsWritten?: number; ms?: number; running?: boolean }[] | null;
  error: string | null;
  note: string | null;
}

export function fetchPipelineRuns(options: RequestOptions = {}): Promise<PipelineRunItem[]> {
  return getJson('/pipeline/runs', options.fetch ?? fetch, options.signal);
}

export async function startPipelineRun(mode: 'incremental' | 'full'): Promise<{ id: number }> {
  return (await sendJson<{ id: number }>('POST', '/pipeline/runs', { mode }))!;
}

export function fetchAllAlerts(options: RequestOptions = {}): Promise<DeclineAlert[]> {
  return getJson('/alerts?status=all', options.fetch ?? fetch, options.signal);
}

export async function updateTargets(code: string, body: { baseline?: Record<string, number>; targets?: Record<string, Record<string, number>> }): Promise<{ pipelineRunId: number | null }> {
  const path = `/indicators/${encodeURIComponent(code)}/targets`;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
      body: JSON.stringify(body)
    });
  } catch (cause) {
    throw new ApiError(0, cause instanceof Error ? cause.message : String(cause), path);
  }
  if (!response.ok) throw await toApiError(response, path);
  return (await response.json()) as { pipelineRunId: number | null };
}
