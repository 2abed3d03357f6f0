// Typed access to the backend API (same origin, under /api), through a client generated from the
// API's OpenAPI document (openapi.d.ts, generated before every build and typecheck).
import createClient, { createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import type { components, paths } from './openapi';

type Schemas = components['schemas'];
export type HealthResponse = Schemas['HealthResponse'];
export type PipelineRun = NonNullable<HealthResponse['lastRun']>;
export type ConfigResponse = Schemas['ConfigResponse'];
export type ProjectInfo = ConfigResponse['project'];
export type CommunityInfo = ConfigResponse['communities'][number];
export type ActivityTypeInfo = ConfigResponse['activityTypes'][number];
export type IndicatorDefinition = ConfigResponse['indicators'][number];
export type IndicatorKind = IndicatorDefinition['kind'];
export type IndicatorUnit = Schemas['IndicatorValue']['unit'];
// A suppressed value has no status (null); a status shown is one of these.
export type IndicatorStatus = NonNullable<Schemas['IndicatorValue']['status']>;
export type IndicatorValue = Schemas['IndicatorValue'];
export type IndicatorForecast = Schemas['IndicatorForecast'];
export type IndicatorForecastRow = Schemas['IndicatorForecastRow'];
export type IndicatorForecasts = Schemas['IndicatorForecasts'];
export type ParticipationPeriod = Schemas['ParticipationPeriod'];
export type CommunityParticipation = Schemas['CommunityParticipation'];
export type TargetPathPoint = CommunityParticipation['targetPath'][number];
export type SessionUser = Schemas['SessionUser'];
export type Role = SessionUser['role'];
export type SessionResponse = Schemas['SessionResponse'];
export type DeclineAlert = Schemas['DeclineAlert'];
export type BatchRef = Schemas['BatchRef'];
export type ActivityItem = Schemas['ActivityItem'];
export type ParticipantItem = Schemas['ParticipantItem'];
export type ParticipantList = Schemas['ParticipantList'];
export type AttendanceHistory = Schemas['AttendanceHistory'];
export type IndicatorSources = Schemas['IndicatorSources'];
export type IndicatorPersons = Schemas['IndicatorPersons'];
export type IndicatorSurveyAnswers = Schemas['IndicatorSurveyAnswers'];
export type IndicatorLeaders = Schemas['IndicatorLeaders'];
export type IndicatorComputation = Schemas['IndicatorComputation'];
export type AuditEvent = Schemas['AuditEvent'];
export type AuditChainVerdict = Schemas['AuditChainVerdict'];
export type AuditChainBreak = NonNullable<AuditChainVerdict['firstBroken']>['reason'];
export type ImportIssue = Schemas['ImportIssue'];
export type FileImportReport = Schemas['FileImportReport'];
export type ImportJob = Schemas['ImportJob'];
export type ImportBatchItem = Schemas['ImportBatchItem'];
export type PipelineRunItem = Schemas['PipelineRunItem'];
export type SurveyResults = Schemas['SurveyResults'];
export type SurveyQuestionResults = Schemas['SurveyQuestionResults'];
export type SurveyScopeFigures = Schemas['SurveyScopeFigures'];
export type ParticipantProfile = Schemas['ParticipantProfile'];
export type ParticipantProfileTable = Schemas['ParticipantProfileTable'];
export type ProfileGender = ParticipantProfile['genders'][number];
export type ProfileAgeBand = ParticipantProfile['ageBands'][number];

export type CommunityCode = string;
/** The whole project, as opposed to one community. */
export const ALL_COMMUNITIES = 'ALL';
export type Scope = CommunityCode | typeof ALL_COMMUNITIES;

/** The API's one error format: `{ statusCode, message, code? }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly path: string,
    readonly code: string | null = null,
    readonly retryAfterSeconds: number | null = null,
    /** A refusal's field errors (`errors: [{ field, key, message }]`), each in the server's words. */
    readonly fieldErrors: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** One field a refusal names, with the server's words for what is wrong with it. */
export interface FieldError {
  field: string;
  key: string;
  message: string;
}

/** What the client calls to send a request (window.fetch, or a stand-in in tests). */
export type FetchFn = (request: Request) => Promise<Response>;

/**
 * The API client generated from the OpenAPI document: every path, parameter, body and answer below
 * is checked against it when the dashboard is type-checked (a route or field the API no longer has
 * does not compile). Same origin; the session cookie goes with every request.
 */
// Its calls read JSON (files are downloaded through downloadUrl; the Arrow stream is parsed as bytes).
const api = createClient<paths, 'application/json'>({
  // A Request needs an absolute address outside the browser (the unit tests).
  baseUrl: typeof location === 'undefined' ? 'http://localhost' : location.origin,
  credentials: 'same-origin',
  // Looked up at each call, not captured once (tests replace it).
  fetch: (request) => globalThis.fetch(request),
});

let csrfToken: string | null = null;
let onSignedOut: (() => void) | null = null;
// The language the server words its messages in (errors, run notes): the dashboard's, not the browser's.
let language: 'pl' | 'en' = 'pl';

/** The token of the current session, for writes (set from the session and the sign-in answer). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The dashboard's language, sent as Accept-Language with every request (set by the i18n store). */
export function setRequestLanguage(lang: 'pl' | 'en'): void {
  language = lang;
}

/** Called when the server answers 401 to a signed-in page (the session ended or expired). */
export function onSessionEnded(listener: (() => void) | null): void {
  onSignedOut = listener;
}

// Every write carries the session's CSRF token; every request the dashboard's language.
api.use({
  onRequest({ request }) {
    request.headers.set('accept-language', language);
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
});

/**
 * The answer of one API call, or an ApiError: the API's error format, a page that is not JSON
 * (a proxy's), or a network failure (status 0). `route` names the call in errors ('/config').
 */
async function call<T>(route: string, request: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request();
  } catch (cause) {
    // fetch fails with a TypeError when the server is down or unreachable; anything else (an
    // aborted request, an answer that is not what it says) goes on as it is.
    if (!(cause instanceof TypeError)) throw cause;
    throw new ApiError(0, cause.message, route);
  }
  if (!result.response.ok) throw toApiError(result.response, result.error, route);
  return result.data as T;
}

function toApiError(response: Response, body: unknown, route: string): ApiError {
  let message = response.statusText || `HTTP ${response.status}`;
  let code: string | null = null;
  let retryAfter: number | null = null;
  let fieldErrors: FieldError[] = [];
  // openapi-fetch hands over the error body parsed when it is JSON, as text otherwise.
  if (body && typeof body === 'object') {
    const record = body as { message?: unknown; code?: unknown; retryAfterSeconds?: unknown };
    if (typeof record.message === 'string') message = record.message;
    else if (Array.isArray(record.message)) message = record.message.join('; ');
    if (typeof record.code === 'string') code = record.code;
    if (typeof record.retryAfterSeconds === 'number') retryAfter = record.retryAfterSeconds;
    const errors = (body as { errors?: unknown }).errors;
    if (Array.isArray(errors)) {
      fieldErrors = errors.filter(
        (e): e is FieldError =>
          typeof e === 'object' && e !== null && typeof e.field === 'string' && typeof e.key === 'string' && typeof e.message === 'string',
      );
    }
  }
  if (response.status === 401 && !route.startsWith('/auth/')) onSignedOut?.();
  return new ApiError(response.status, message, route, code, retryAfter, fieldErrors);
}

// A type, not an interface: it is handed to the generated client, whose options take any field.
export type RequestOptions = {
  fetch?: FetchFn;
  signal?: AbortSignal;
};

export function fetchSession(options: RequestOptions = {}): Promise<SessionResponse> {
  return call('/auth/session', () => api.GET('/api/auth/session', options));
}

export async function signIn(email: string, password: string, fetchFn?: FetchFn): Promise<SessionResponse> {
  const answer = await call('/auth/sign-in', () => api.POST('/api/auth/sign-in', { body: { email, password }, fetch: fetchFn }));
  return { ...answer, demo: false };
}

export async function signOut(fetchFn?: FetchFn): Promise<void> {
  await call('/auth/sign-out', () => api.POST('/api/auth/sign-out', { fetch: fetchFn }));
}

export async function changePassword(currentPassword: string, newPassword: string, fetchFn?: FetchFn): Promise<void> {
  await call('/auth/password', () => api.POST('/api/auth/password', { body: { currentPassword, newPassword }, fetch: fetchFn }));
}

export function fetchHealth(options: RequestOptions = {}): Promise<HealthResponse> {
  return call('/health', () => api.GET('/api/health', options));
}

export function fetchConfig(options: RequestOptions = {}): Promise<ConfigResponse> {
  return call('/config', () => api.GET('/api/config', options));
}

export function fetchIndicators(year: number, community?: Scope, options: RequestOptions = {}): Promise<IndicatorValue[]> {
  return call('/indicators', () => api.GET('/api/indicators', { ...options, params: { query: { year: String(year), community } } }));
}

/** Values as of a day with their forecasts (director and admin): `asOf` today by default, else a past month's last day. */
export function fetchForecasts(query: { asOf?: string; year?: number; community?: Scope }, options: RequestOptions = {}): Promise<IndicatorForecasts> {
  const { asOf, year, community } = query;
  return call('/indicators/forecast', () =>
    api.GET('/api/indicators/forecast', { ...options, params: { query: { asOf, year: year === undefined ? undefined : String(year), community } } }),
  );
}

export function fetchParticipation(community: Scope, options: RequestOptions = {}): Promise<CommunityParticipation> {
  return call('/communities/participation', () => api.GET('/api/communities/{code}/participation', { ...options, params: { path: { code: community } } }));
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

type MetricsQuery = NonNullable<paths['/api/metrics']['get']['parameters']['query']>;

/** The metrics query's parameters as the API reads them (lists comma-separated; empty ones left out). */
export function metricsQuery(params: MetricsParams): MetricsQuery {
  const list = (values: readonly string[] | undefined) => (values?.length ? values.join(',') : undefined);
  return {
    measures: params.measures.join(','),
    grain: params.grain,
    dimensions: list(params.dimensions),
    from: params.from,
    to: params.to,
    communities: list(params.communities),
    groups: list(params.groups),
  };
}

/**
 * The metrics query, transferred as an Arrow IPC stream (exact integers, compact) and decoded
 * here; apache-arrow is loaded only by the pages that chart series.
 */
export async function fetchMetrics(params: MetricsParams, options: RequestOptions = {}): Promise<MetricsRow[]> {
  const bytes = await call('/metrics', () =>
    api.GET('/api/metrics', {
      ...options,
      params: { query: metricsQuery(params) },
      headers: { accept: 'application/vnd.apache.arrow.stream' },
      parseAs: 'arrayBuffer',
    }),
  );
  const { tableFromIPC } = await import('apache-arrow');
  const table = tableFromIPC(new Uint8Array(bytes));
  return table.toArray().map((row) => row.toJSON() as MetricsRow);
}

export function fetchAlerts(community: string, options: RequestOptions = {}): Promise<DeclineAlert[]> {
  return call('/alerts', () => api.GET('/api/alerts', { ...options, params: { query: { status: 'all', community } } }));
}

export function fetchActivities(community: string, from: string, to: string, options: RequestOptions = {}): Promise<Schemas['ActivityList']> {
  return call('/activities', () => api.GET('/api/activities', { ...options, params: { query: { community, from, to } } }));
}

export function fetchParticipants(community: string, options: RequestOptions = {}): Promise<Schemas['ParticipantList']> {
  return call('/communities/participants', () => api.GET('/api/communities/{code}/participants', { ...options, params: { path: { code: community } } }));
}

/** Every year's values (with the year "to-date"), of one scope or of all. */
export function fetchAllIndicators(options: RequestOptions & { community?: Scope } = {}): Promise<IndicatorValue[]> {
  const { community, ...request } = options;
  return call('/indicators', () => api.GET('/api/indicators', { ...request, params: { query: { community } } }));
}

export function fetchIndicatorSources(code: string, year: number, community: string, options: RequestOptions = {}): Promise<IndicatorSources> {
  return call('/indicators/sources', () =>
    api.GET('/api/indicators/{code}/sources', { ...options, params: { path: { code }, query: { year: String(year), community } } }),
  );
}

/** The persons a count of distinct participants counts (P1, R1): codes, and names where the viewer may see them. */
export function fetchIndicatorPersons(code: string, year: number, community: string, options: RequestOptions = {}): Promise<IndicatorPersons> {
  return call('/indicators/persons', () =>
    api.GET('/api/indicators/{indicator}/persons', { ...options, params: { path: { indicator: code }, query: { year: String(year), community } } }),
  );
}

/** The survey answers a survey share (R2) is taken over, with their files and rows. */
export function fetchIndicatorSurveyAnswers(code: string, year: number, community: string, options: RequestOptions = {}): Promise<IndicatorSurveyAnswers> {
  return call('/indicators/survey-answers', () =>
    api.GET('/api/indicators/{indicator}/survey-answers', { ...options, params: { path: { indicator: code }, query: { year: String(year), community } } }),
  );
}

/** The register entries a count of leaders (P5) counts, with their files and rows. */
export function fetchIndicatorLeaders(code: string, year: number, community: string, options: RequestOptions = {}): Promise<IndicatorLeaders> {
  return call('/indicators/leaders', () =>
    api.GET('/api/indicators/{indicator}/leaders', { ...options, params: { path: { indicator: code }, query: { year: String(year), community } } }),
  );
}

/** Every survey's results in a year, per community and ALL. */
export function fetchSurveyResults(year: number, options: RequestOptions = {}): Promise<SurveyResults> {
  return call('/surveys/results', () => api.GET('/api/surveys/results', { ...options, params: { query: { year: String(year) } } }));
}

/** Persons by gender and age band in a year, per community and ALL. */
export function fetchParticipantProfile(year: number, options: RequestOptions = {}): Promise<ParticipantProfile> {
  return call('/participant-profile', () => api.GET('/api/participant-profile', { ...options, params: { query: { year: String(year) } } }));
}

export type AuditFilter = NonNullable<paths['/api/audit']['get']['parameters']['query']>;

export function fetchAudit(filter: AuditFilter, options: RequestOptions = {}): Promise<Schemas['AuditPage']> {
  return call('/audit', () => api.GET('/api/audit', { ...options, params: { query: filter } }));
}

/** Checks the audit trail's hash chain: intact, or its first broken entry and why. */
export function verifyAuditChain(options: RequestOptions = {}): Promise<AuditChainVerdict> {
  return call('/audit/verify', () => api.GET('/api/audit/verify', options));
}

export function fetchAuditActors(options: RequestOptions = {}): Promise<Schemas['AuditActors']> {
  return call('/audit/actors', () => api.GET('/api/audit/actors', options));
}

// ---------------------------------------------------------------- accounts (admin and director)

export type NewAccount = NonNullable<paths['/api/users']['post']['requestBody']>['content']['application/json'];
export type AccountChanges = NonNullable<paths['/api/users/{id}']['patch']['requestBody']>['content']['application/json'];

export function fetchUsers(options: RequestOptions = {}): Promise<SessionUser[]> {
  return call('/users', () => api.GET('/api/users', options));
}

export function createUser(body: NewAccount): Promise<{ user: SessionUser; oneTimePassword: string | null }> {
  return call('/users', () => api.POST('/api/users', { body }));
}

export function updateUser(id: number, body: AccountChanges): Promise<SessionUser> {
  return call('/users', () => api.PATCH('/api/users/{id}', { params: { path: { id: String(id) } }, body }));
}

export function resetUserPassword(id: number): Promise<{ user: SessionUser; oneTimePassword: string }> {
  return call('/users/reset-password', () => api.POST('/api/users/{id}/reset-password', { params: { path: { id: String(id) } } }));
}

export type ReportingPeriod = Schemas['ReportingPeriod'];
export type PeriodVersion = Schemas['PeriodVersion'];
export type PeriodFigure = Schemas['PeriodFigure'];
export type PeriodRestatement = Schemas['PeriodRestatement'];
export type RecordChange = Schemas['RecordChange'];
export type PeriodDetail = paths['/api/periods/{id}']['get']['responses'][200]['content']['application/json'];
export type PeriodFiguresAt = paths['/api/periods/{id}/as-of']['get']['responses'][200]['content']['application/json'];
export type PeriodInput = NonNullable<paths['/api/periods']['post']['requestBody']>['content']['application/json'];
export type PeriodSignOffInput = NonNullable<paths['/api/periods/{id}/sign-off']['post']['requestBody']>['content']['application/json'];

const periodPath = (id: number) => ({ params: { path: { id: String(id) } } });

export function fetchPeriods(options: RequestOptions = {}): Promise<ReportingPeriod[]> {
  return call('/periods', () => api.GET('/api/periods', options));
}

export function fetchPeriod(id: number, options: RequestOptions = {}): Promise<PeriodDetail> {
  return call('/periods/detail', () => api.GET('/api/periods/{id}', { ...periodPath(id), ...options }));
}

export function createPeriod(body: PeriodInput): Promise<ReportingPeriod> {
  return call('/periods', () => api.POST('/api/periods', { body }));
}

export function updatePeriod(id: number, body: PeriodInput): Promise<ReportingPeriod> {
  return call('/periods', () => api.PATCH('/api/periods/{id}', { ...periodPath(id), body }));
}

export function deletePeriod(id: number): Promise<{ deleted: true }> {
  return call('/periods', () => api.DELETE('/api/periods/{id}', periodPath(id)));
}

export function closePeriod(id: number): Promise<ReportingPeriod> {
  return call('/periods/close', () => api.POST('/api/periods/{id}/close', periodPath(id)));
}

export function reopenPeriod(id: number, reason: string): Promise<ReportingPeriod> {
  return call('/periods/reopen', () => api.POST('/api/periods/{id}/reopen', { ...periodPath(id), body: { reason } }));
}

export function signOffPeriod(id: number, body: PeriodSignOffInput): Promise<ReportingPeriod> {
  return call('/periods/sign-off', () => api.POST('/api/periods/{id}/sign-off', { ...periodPath(id), body }));
}

export function acceptRestatement(id: number, note: string | null): Promise<ReportingPeriod> {
  return call('/periods/restatement', () => api.POST('/api/periods/{id}/restatement', { ...periodPath(id), body: { note } }));
}

export function fetchPeriodAsOf(id: number, moment: string, options: RequestOptions = {}): Promise<PeriodFiguresAt> {
  return call('/periods/as-of', () => api.GET('/api/periods/{id}/as-of', { params: { path: { id: String(id) }, query: { moment } }, ...options }));
}

/** Routes answered with a file to download. */
type DownloadRoute =
  | '/api/audit'
  | '/api/exports/indicators'
  | '/api/exports/indicators/{code}/sources'
  | '/api/exports/communities/{code}/lapsed'
  | '/api/reports/summary.pdf'
  | '/api/periods/{id}/report.pdf'
  | '/api/periods/{id}/report.xlsx'
  | '/api/imports/templates/{kind}';
type DownloadParameters<R extends DownloadRoute> = paths[R]['get']['parameters'];

/** Where a download is served (same origin, the session cookie goes with it); checked like the calls. */
export function downloadUrl<R extends DownloadRoute>(
  route: R,
  params: { path?: DownloadParameters<R>['path']; query?: DownloadParameters<R>['query'] },
): string {
  const pathname = defaultPathSerializer(route, (params.path ?? {}) as Record<string, unknown>);
  const query = createQuerySerializer()((params.query ?? {}) as Record<string, unknown>);
  return query ? `${pathname}?${query}` : pathname;
}

/** Uploads files as an import job (answered at once) to poll with `fetchImportJob`. */
export function startImport(files: File[], lang: 'pl' | 'en'): Promise<ImportJob> {
  return call('/imports', async () => {
    const result = await api.POST('/api/imports', {
      params: { query: { async: 'true' } },
      body: { files, lang },
      bodySerializer: (body) => {
        const form = new FormData();
        for (const file of body.files) form.append('files', file, (file as File).name);
        if (body.lang) form.append('lang', body.lang);
        return form;
      },
    });
    // Asked for a job, the API answers with one.
    return result as { data?: ImportJob; error?: unknown; response: Response };
  });
}

export function fetchImportJob(id: string, options: RequestOptions = {}): Promise<ImportJob> {
  return call('/imports/jobs', () => api.GET('/api/imports/jobs/{id}', { ...options, params: { path: { id } } }));
}

export function fetchImportHistory(options: RequestOptions = {}): Promise<ImportBatchItem[]> {
  return call('/imports', () => api.GET('/api/imports', options));
}

export function fetchPipelineRuns(options: RequestOptions = {}): Promise<PipelineRunItem[]> {
  return call('/pipeline/runs', () => api.GET('/api/pipeline/runs', options));
}

export async function startPipelineRun(mode: 'incremental' | 'full'): Promise<{ id: number }> {
  return call('/pipeline/runs', () => api.POST('/api/pipeline/runs', { body: { mode } }));
}

export function fetchAllAlerts(options: RequestOptions = {}): Promise<DeclineAlert[]> {
  return call('/alerts', () => api.GET('/api/alerts', { ...options, params: { query: { status: 'all' } } }));
}

/** Every community's active decline alerts (the overview's summary, the marks in the navigation). */
export function fetchActiveAlerts(options: RequestOptions = {}): Promise<DeclineAlert[]> {
  return call('/alerts', () => api.GET('/api/alerts', { ...options, params: { query: { status: 'active' } } }));
}

/** One person's attendances at a community's activities, the latest first. */
export function fetchAttendanceHistory(community: string, participant: string, options: RequestOptions = {}): Promise<AttendanceHistory> {
  return call('/communities/participants/attendances', () =>
    api.GET('/api/communities/{code}/participants/{participant}/attendances', { ...options, params: { path: { code: community, participant } } }),
  );
}

export type TargetsChange = NonNullable<paths['/api/indicators/{code}/targets']['put']['requestBody']>['content']['application/json'];

export async function updateTargets(code: string, body: TargetsChange): Promise<{ pipelineRunId: number | null }> {
  return call('/indicators/targets', () => api.PUT('/api/indicators/{code}/targets', { params: { path: { code } }, body }));
}

// ---------------------------------------------------------------- recording an activity (the form)
export type RecordingForm = Schemas['RecordingForm'];
export type RecordedActivity = Schemas['RecordedActivity'];
export type RecordingResult = Schemas['RecordingResult'];
export type RecordingFieldError = Schemas['RecordingFieldError'];
export type RecordingInput = NonNullable<paths['/api/recording/{code}']['post']['requestBody']>['content']['application/json'];

export function fetchRecordingForm(community: string, options: RequestOptions = {}): Promise<RecordingForm> {
  return call('/recording', () => api.GET('/api/recording/{code}', { ...options, params: { path: { code: community } } }));
}

export function fetchRecordedActivity(community: string, id: string, options: RequestOptions = {}): Promise<RecordedActivity> {
  return call('/recording/activity', () => api.GET('/api/recording/{code}/activity', { ...options, params: { path: { code: community }, query: { id } } }));
}

export function fetchRecordingRefresh(batch: number, options: RequestOptions = {}): Promise<NonNullable<RecordingResult['refresh']>> {
  return call('/recording/refresh', () => api.GET('/api/recording/batches/{batch}/refresh', { ...options, params: { path: { batch: String(batch) } } }));
}

/**
 * Records an activity: its result, or the refusal's field errors (a 400 that names fields); any
 * other failure is thrown as an ApiError.
 */
export async function saveRecording(
  community: string,
  body: RecordingInput,
): Promise<{ saved: RecordingResult; refused?: undefined } | { saved?: undefined; refused: { message: string; errors: RecordingFieldError[] } }> {
  let refused: { message: string; errors: RecordingFieldError[] } | null = null;
  const saved = await call('/recording', async () => {
    const result = await api.POST('/api/recording/{code}', { params: { path: { code: community } }, body });
    const error = result.error as { message?: unknown; errors?: unknown } | undefined;
    if (result.response.status === 400 && error && Array.isArray(error.errors)) {
      refused = { message: typeof error.message === 'string' ? error.message : '', errors: error.errors as RecordingFieldError[] };
      return { data: undefined, response: new Response(null, { status: 200 }) };
    }
    return result;
  });
  if (refused) return { refused };
  return { saved: saved as RecordingResult };
}
