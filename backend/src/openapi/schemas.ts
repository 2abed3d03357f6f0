// The API's response shapes as JSON Schema (OpenAPI 3.1), written once: the OpenAPI document at
// /api/docs carries them, and the dashboard's types are generated from that document
// (dashboard/src/lib/api/openapi.d.ts; a test fails when it is stale).

import { importKinds } from '../import/import.types.ts';

type Schema = Record<string, unknown>;

const str: Schema = { type: 'string' };
const num: Schema = { type: 'number' };
const int: Schema = { type: 'integer' };
const bool: Schema = { type: 'boolean' };
const nullable = (schema: Schema): Schema => ({ ...schema, type: [schema.type as string, 'null'] });
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const array = (items: Schema): Schema => ({ type: 'array', items });
const enumOf = (...values: string[]): Schema => ({ type: 'string', enum: values });
const record = (values: Schema): Schema => ({ type: 'object', additionalProperties: values });
/** An object whose properties are all required but the `optional` ones. */
function object(properties: Record<string, Schema>, optional: string[] = [], description?: string): Schema {
  return { type: 'object', ...(description ? { description } : {}), properties, required: Object.keys(properties).filter((k) => !optional.includes(k)) };
}

const suppressed = { ...array(str), description: 'Fields hidden by small-count suppression (their values are null; shown as "<3"); the auditor’s view only.' };
const statuses = ['on_track', 'at_risk', 'behind', 'no_data', 'no_target', 'not_started'];
// Null where small-count suppression hides the value: the status would give it away.
const status = { type: ['string', 'null'], enum: [...statuses, null], description: 'null where the value is suppressed (the auditor’s view, exports)' };
const unit = enumOf('persons', 'activities', 'percent');
const role = enumOf('director', 'organizer', 'auditor', 'admin');
const batchRef = { batchId: int, file: str, importedBy: str, importedAt: str };

export const apiSchemas: Record<string, Schema> = {
  HealthResponse: object({
    status: enumOf('ok', 'degraded'),
    analytics: object({ available: bool, reason: nullable(str) }),
    dataAsOf: nullable(str),
    analyticsVersion: nullable(int),
    lastRun: nullable(object({ id: int, status: str, trigger: str, startedAt: str, finishedAt: nullable(str) })),
    demo: bool,
  }),
  ConfigResponse: object({
    project: object({ name: str, centre: str, periodStart: str, periodEnd: str, timeZone: str, statusThresholds: object({ onTrack: num, atRisk: num }) }),
    years: array(int),
    communities: array(object({ code: str, name: str, kind: enumOf('territorial', 'categorical') })),
    activityTypes: array(object({ code: str, namePl: str, nameEn: str, group: enumOf('animation', 'education', 'action') })),
    indicators: array(object({ code: str, namePl: str, nameEn: str, kind: enumOf('output', 'result'), unit, cumulative: bool })),
  }),
  SessionUser: object({ id: int, email: str, displayName: str, role, communities: array(str), disabled: bool, mustChangePassword: bool, lastSignInAt: nullable(str), createdAt: str }),
  SessionResponse: object({ user: { anyOf: [ref('SessionUser'), { type: 'null' }] }, csrfToken: nullable(str), expiresAt: nullable(str), demo: bool }),
  IndicatorValue: object(
    { code: str, community: str, year: int, value: nullable(num), target: nullable(num), baseline: nullable(num), expected: nullable(num), achievement: nullable(num), status, unit, suppressed },
    ['suppressed'],
  ),
  ParticipationPeriod: object(
    {
      period: str,
      activities: int,
      attendances: nullable(int),
      namedAttendances: nullable(int),
      anonymousAttendances: nullable(int),
      distinctParticipants: nullable(int),
      newParticipants: nullable(int),
      returningParticipants: nullable(int),
      cumulativeParticipants: nullable(int),
      turnout: nullable(num),
      suppressed,
    },
    ['suppressed'],
  ),
  CommunityParticipation: object({
    community: object({ code: str, name: str }),
    grain: enumOf('month'),
    periods: array(ref('ParticipationPeriod')),
    targetPath: array(object({ period: str, expected: nullable(num) })),
    target: nullable(object({ indicator: str, baseline: nullable(num), targets: record(num) })),
  }),
  MetricsResult: object({
    query: { type: 'object' },
    columns: array(str),
    rows: array({ type: 'object', additionalProperties: { type: ['string', 'number', 'null'] } }),
    analyticsVersion: nullable(int),
    dataAsOf: nullable(str),
  }),
  DeclineAlert: object({
    id: int,
    community: str,
    group: nullable(str),
    measure: enumOf('attendances', 'distinctParticipants'),
    since: str,
    lastWeek: str,
    status: enumOf('active', 'ended'),
    drop: num,
    observed: nullable(num),
    expected: nullable(num),
    sentencePl: str,
    sentenceEn: str,
  }),
  BatchRef: object(batchRef),
  ActivityItem: object(
    {
      externalId: str,
      date: str,
      community: str,
      type: str,
      title: str,
      residentInitiative: bool,
      namedAttendances: nullable(int),
      anonymousAttendances: nullable(int),
      attendances: nullable(int),
      source: object({ ...batchRef, row: int }),
      attendanceLists: array(object({ ...batchRef, attendances: nullable(int) })),
      suppressed,
    },
    ['suppressed'],
  ),
  ActivityList: object({ activities: array(ref('ActivityItem')), truncated: bool, limit: int }),
  IndicatorSources: object({
    indicator: object({ code: str, namePl: str, nameEn: str, computation: str }),
    community: str,
    year: int,
    window: nullable(object({ from: str, to: str })),
    selection: object({ types: nullable(array(str)), residentInitiative: nullable(bool) }),
    activities: array(ref('ActivityItem')),
    truncated: bool,
  }),
  ParticipantItem: object(
    {
      code: str,
      fromOtherCommunity: { ...bool, description: 'registered in another community than the list’s' },
      homeCommunity: nullable(str),
      gender: nullable(str),
      birthYear: nullable(int),
      joinedOn: nullable(str),
      leader: nullable(bool),
      firstName: nullable(str),
      lastName: nullable(str),
      attendances: int,
      firstAttended: nullable(str),
      lastAttended: nullable(str),
      daysAway: nullable(int),
      lapsed: bool,
    },
    ['firstName', 'lastName'],
    'Register details (home community, gender, birth year, joining, leader) are null and names absent unless the viewer is the director or an organizer of the person’s home community.',
  ),
  ParticipantList: object({ community: str, names: bool, lapsedAfterDays: int, participants: array(ref('ParticipantItem')) }),
  AuditEvent: object({ id: int, at: str, actor: str, action: str, entity: str, entityId: nullable(str), before: {}, after: {}, address: nullable(str) }),
  AuditPage: object({ total: int, events: array(ref('AuditEvent')) }),
  ImportIssue: object({ row: nullable(int), column: nullable(str), value: nullable(str), code: str, message: str }),
  FileImportReport: object({
    file: str,
    kind: nullable(str),
    status: enumOf('imported', 'rejected', 'unchanged'),
    rows: int,
    created: int,
    updated: int,
    unchanged: int,
    batchId: nullable(int),
    errors: array(ref('ImportIssue')),
    warnings: array(ref('ImportIssue')),
  }),
  ImportJob: object({
    id: str,
    status: enumOf('running', 'finished', 'failed'),
    startedAt: str,
    finishedAt: nullable(str),
    progress: nullable(object({ file: str, fileIndex: int, fileCount: int, phase: str, rowsDone: int, rowsTotal: int })),
    files: nullable(array(ref('FileImportReport'))),
    error: nullable(str),
  }),
  ImportBatchItem: object({ id: int, file: str, kind: str, sha256: str, status: str, source: str, importedBy: str, at: str, rowsRead: int, rowsWritten: int, errorCount: int, warningCount: int, report: {} }),
  PipelineRunItem: object({
    id: int,
    trigger: str,
    mode: str,
    // skipped: a scheduled run that did not start (coalesced into or deferred behind the run in progress; the note says which)
    status: enumOf('running', 'succeeded', 'failed', 'skipped'),
    startedAt: str,
    finishedAt: nullable(str),
    steps: nullable(array(object({ name: str, rowsRead: int, rowsWritten: int, ms: num, running: bool }, ['rowsRead', 'rowsWritten', 'ms', 'running']))),
    error: nullable(str),
    note: nullable(str),
  }),
  PublicUser: ref('SessionUser'),
  Error: object({ statusCode: int, message: { anyOf: [str, array(str)] }, code: str }, ['code']),
};

/** What each route answers with (200/201/202), by its access-matrix key. */
export const routeResponses: Record<string, { schema: Schema; contentType?: string }> = {
  'GET /api/health': { schema: ref('HealthResponse') },
  'GET /api/config': { schema: ref('ConfigResponse') },
  'GET /api/auth/session': { schema: ref('SessionResponse') },
  'POST /api/auth/sign-in': { schema: object({ user: ref('SessionUser'), csrfToken: str, expiresAt: str }) },
  'GET /api/indicators': { schema: array(ref('IndicatorValue')) },
  'PUT /api/indicators/:code/targets': { schema: object({ indicator: { type: 'object' }, pipelineRunId: nullable(int) }) },
  'GET /api/indicators/:code/sources': { schema: ref('IndicatorSources') },
  'GET /api/metrics': { schema: ref('MetricsResult') },
  'GET /api/communities/:code/participation': { schema: ref('CommunityParticipation') },
  'GET /api/communities/:code/participants': { schema: ref('ParticipantList') },
  'GET /api/activities': { schema: ref('ActivityList') },
  'GET /api/alerts': { schema: array(ref('DeclineAlert')) },
  'GET /api/pipeline/runs': { schema: array(ref('PipelineRunItem')) },
  'POST /api/pipeline/runs': { schema: object({ id: int, status: str, mode: str }) },
  'GET /api/imports': { schema: array(ref('ImportBatchItem')) },
  'POST /api/imports': { schema: { anyOf: [object({ files: array(ref('FileImportReport')) }), ref('ImportJob')] } },
  'GET /api/imports/jobs/:id': { schema: ref('ImportJob') },
  'GET /api/users': { schema: array(ref('SessionUser')) },
  'POST /api/users': { schema: object({ user: ref('SessionUser'), oneTimePassword: nullable(str) }) },
  'PATCH /api/users/:id': { schema: ref('SessionUser') },
  'POST /api/users/:id/reset-password': { schema: object({ user: ref('SessionUser'), oneTimePassword: str }) },
  'GET /api/audit': { schema: ref('AuditPage') },
};

/**
 * What each write takes as its JSON body. Descriptive: the services check every field themselves and
 * say which one is wrong; this is what clients (the dashboard's generated types) are written against.
 */
export const routeBodies: Record<string, { schema: Schema; contentType?: string; required?: boolean }> = {
  'POST /api/auth/sign-in': { schema: object({ email: { ...str, maxLength: 254 }, password: { ...str, maxLength: 256 } }) },
  'POST /api/auth/password': { schema: object({ currentPassword: str, newPassword: { ...str, description: 'at least the configured length; not the e-mail' } }) },
  'PUT /api/indicators/:code/targets': {
    schema: object(
      {
        baseline: { ...record(num), description: 'by scope (ALL or a community code)' },
        targets: { ...record(record(num)), description: 'by scope, then by project year' },
      },
      ['baseline', 'targets'],
      'At least one of the two; what is not sent stays as it is.',
    ),
  },
  'POST /api/pipeline/runs': { schema: object({ mode: enumOf('incremental', 'full') }, ['mode']), required: false },
  'POST /api/imports': {
    contentType: 'multipart/form-data',
    schema: object(
      {
        files: array({ ...str, format: 'binary' }),
        lang: { ...enumOf('pl', 'en'), description: 'the language of the report' },
        kind: { ...enumOf(...importKinds), description: 'what the files hold, when their names and headers do not say' },
      },
      ['lang', 'kind'],
    ),
  },
  'POST /api/users': {
    schema: object(
      { email: str, role, displayName: str, communities: array(str), password: { ...str, description: 'absent: a one-time password is generated and returned' } },
      ['displayName', 'communities', 'password'],
    ),
  },
  'PATCH /api/users/:id': { schema: object({ displayName: str, role, communities: array(str), disabled: bool }, ['displayName', 'role', 'communities', 'disabled']) },
};

/** The query parameters of each route (the path parameters are read from the path). */
export const routeQueries: Record<string, Record<string, string>> = {
  'GET /api/indicators': { year: 'a project year or "to-date"', community: 'ALL or a community code' },
  'GET /api/indicators/:code/sources': { year: 'a project year or "to-date"', community: 'ALL or a community code' },
  'GET /api/metrics': {
    measures: 'comma-separated: activities, attendances, namedAttendances, anonymousAttendances, distinctParticipants, newParticipants, returningParticipants, turnout',
    grain: 'week, month (default), quarter or year',
    dimensions: 'comma-separated: community, group or type',
    from: 'YYYY-MM-DD',
    to: 'YYYY-MM-DD',
    communities: 'comma-separated community codes, or ALL',
    groups: 'comma-separated: animation, education, action',
  },
  'GET /api/activities': { community: 'a community code', from: 'YYYY-MM-DD', to: 'YYYY-MM-DD' },
  'GET /api/alerts': { status: 'active (default), ended or all', community: 'a community code' },
  'GET /api/audit': { from: 'YYYY-MM-DD or date-time', to: 'YYYY-MM-DD or date-time', actor: 'e-mail', action: 'e.g. import or import.imported', entity: 'e.g. activity', entityId: 'e.g. an activity id', limit: '1–1000', offset: 'number', format: 'json (default) or csv' },
  'GET /api/exports/indicators': { format: 'xlsx (default), csv or pdf' },
  'GET /api/exports/indicators/:code/sources': { format: 'xlsx (default), csv or pdf', year: 'a project year', community: 'ALL or a community code' },
  'GET /api/reports/summary.pdf': { year: 'a project year', lang: 'pl (default) or en' },
  'GET /api/imports/templates/:kind': { survey: 'a survey code (kind survey)' },
  'POST /api/imports': { async: '"true": answer at once with a job to poll' },
};
