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

export interface ConfigResponse {
  project: ProjectInfo;
  years: number[];
  communities: CommunityInfo[];
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

/** The API's one error format: `{ statusCode, message }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly path: string
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
  if (!response.ok) {
    throw new ApiError(response.status, await readErrorMessage(response), path);
  }
  return (await response.json()) as T;
}

async function readErrorMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && 'message' in body) {
      const message = (body as { message: unknown }).message;
      if (typeof message === 'string') return message;
      if (Array.isArray(message)) return message.join('; ');
    }
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): fall back to the status text.
  }
  return response.statusText || `HTTP ${response.status}`;
}

export interface RequestOptions {
  fetch?: FetchFn;
  signal?: AbortSignal;
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
