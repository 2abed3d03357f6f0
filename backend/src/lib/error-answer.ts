import { HttpException } from '@nestjs/common';
import { PipelineBusyError, isDatabaseBusy } from '@osl/prisma';
import { ZodError, type core } from 'zod';
import { instant } from './code-words.ts';
import { DomainError, type ErrorKind } from './domain-error.ts';
import { formatMessage, isMessageKey, type Lang, type MessageKey, type MessageParams } from './messages.ts';

/** The path an error answer names: the whole one as the client sent it (a middleware mounted under /api sees only the rest), without the query. */
export function requestedPath(request: { originalUrl?: string; path: string }): string {
  return (request.originalUrl ?? request.path).split('?')[0]!;
}

/** The HTTP status of each kind of domain error. */
export const httpStatusOfKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many: 429,
  unavailable: 503,
};

/** The kind an HTTP status stands for, for errors that are not domain errors (Nest's own, body parsing). */
function kindOfStatus(status: number): ErrorKind | 'internal' {
  for (const [kind, code] of Object.entries(httpStatusOfKind)) if (code === status) return kind as ErrorKind;
  return status >= 500 ? 'internal' : 'invalid';
}

/** The generic message of an HTTP status that says nothing more in words we can translate. */
const statusMessages: Record<number, MessageKey> = {
  400: 'http.bad_request',
  401: 'auth.sign_in_first',
  403: 'http.forbidden',
  404: 'http.not_found',
  405: 'http.method_not_allowed',
  409: 'http.conflict',
  413: 'http.payload_too_large',
  415: 'http.unsupported_media_type',
  422: 'http.unprocessable',
  429: 'http.too_many_requests',
  500: 'http.internal',
  503: 'http.unavailable',
};

/**
 * Errors from code outside this package that stand for a domain error: the pipeline lock held by
 * another run, the operational database held by another writer. Anything else comes back as it is.
 */
export function asDomainError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  if (error instanceof PipelineBusyError) {
    const { holder } = error;
    return DomainError.conflict(
      'pipeline.busy',
      // The process id stays in the logs: a person waits for the run, they do not look for its process.
      { runId: holder.runId ?? '?', since: instant(holder.since) },
      { code: 'busy', details: { runId: holder.runId }, cause: error },
    );
  }
  if (isDatabaseBusy(error)) return DomainError.unavailable('database.busy', {}, { code: 'busy', retryAfterSeconds: 1, cause: error });
  return error;
}

/** An error answer: its status, its headers and its JSON body `{ statusCode, kind, key, code, message, … }`. */
export interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: { statusCode: number; kind: ErrorKind | 'internal'; key: MessageKey; code: string; message: string; [field: string]: unknown };
}

/**
 * The answer to any error, in `lang`: a domain error by its kind and key; a ZodError as `invalid`
 * naming each parameter and what is wrong with it; an HttpException (a guard's refusal, an unknown
 * route, a body too large, multer's limits) by its status, with its body's `key` and `params`
 * when it names a message of the catalogue; anything else as a 500 without details.
 */
export function errorAnswer(error: unknown, lang: Lang, request: { method: string; path: string }): ErrorAnswer {
  const known = asDomainError(error);
  if (known instanceof DomainError) {
    const status = httpStatusOfKind[known.kind];
    const retry = known.retryAfterSeconds;
    return {
      status,
      headers: retry === undefined ? {} : { 'Retry-After': String(retry) },
      body: {
        statusCode: status,
        kind: known.kind,
        key: known.key,
        code: known.code,
        message: known.messageIn(lang),
        ...known.details,
        ...(retry === undefined ? {} : { retryAfterSeconds: retry }),
      },
    };
  }
  const zodError = zodErrorOf(known);
  if (zodError) {
    const issues = zodError.issues.map((issue) => ({ path: issue.path.map(String), code: issue.code, message: describeZodIssue(issue, lang) }));
    return {
      status: 400,
      headers: {},
      body: { statusCode: 400, kind: 'invalid', key: 'validation.field', code: 'invalid_request', message: issues.map((i) => i.message).join('; '), issues },
    };
  }
  if (known instanceof HttpException) return httpExceptionAnswer(known, lang, request);
  // An error of Express's kind ("http-errors": a status it may show), as Nest's own filter takes it.
  const status = (known as { status?: unknown; statusCode?: unknown } | null)?.statusCode ?? (known as { status?: unknown } | null)?.status;
  if ((known as { expose?: unknown } | null)?.expose === true && typeof status === 'number' && status >= 400 && status < 500) {
    return httpExceptionAnswer(new HttpException('', status), lang, request);
  }
  return {
    status: 500,
    headers: {},
    body: { statusCode: 500, kind: 'internal', key: 'http.internal', code: 'internal', message: formatMessage('http.internal', lang) },
  };
}

function httpExceptionAnswer(error: HttpException, lang: Lang, request: { method: string; path: string }): ErrorAnswer {
  const status = error.getStatus();
  const response = error.getResponse();
  const fields: Record<string, unknown> = typeof response === 'object' && response !== null ? { ...(response as Record<string, unknown>) } : {};
  const { key: ownKey, params: ownParams, message: original, statusCode: _statusCode, error: _error, ...rest } = fields;
  let key: MessageKey;
  let params: MessageParams = {};
  if (isMessageKey(ownKey)) {
    key = ownKey;
    params = (typeof ownParams === 'object' && ownParams !== null ? ownParams : {}) as MessageParams;
  } else if (status === 404 && typeof original === 'string' && original.startsWith('Cannot ')) {
    // Nest's answer to a route it does not have ("Cannot GET /api/nothing").
    key = 'http.route_not_found';
    params = { method: request.method, path: request.path };
  } else if (status === 400 && original === 'Too many files') {
    key = 'imports.too_many_files';
  } else if (status === 413 && original === 'File too large') {
    key = 'imports.file_too_large';
  } else {
    key = statusMessages[status] ?? 'http.error';
    params = { status };
  }
  const headers: Record<string, string> = {};
  if (typeof rest.retryAfterSeconds === 'number') headers['Retry-After'] = String(rest.retryAfterSeconds);
  return {
    status,
    headers,
    body: {
      statusCode: status,
      kind: kindOfStatus(status),
      key,
      code: typeof rest.code === 'string' ? rest.code : key,
      message: formatMessage(key, lang, params),
      ...rest,
    },
  };
}

/** A ZodError, thrown as it is or wrapped in an HttpException by a validation pipe (nestjs-zod's getZodError). */
function zodErrorOf(error: unknown): ZodError | null {
  if (error instanceof ZodError) return error;
  const wrapped = (error as { getZodError?: () => unknown } | null)?.getZodError;
  if (typeof wrapped === 'function') {
    const inner = wrapped.call(error);
    if (inner instanceof ZodError) return inner;
  }
  return null;
}

/**
 * One zod issue in words: the parameter or field it concerns (its path: `year`, `targets.OST.2022`)
 * and what is wrong. A refinement names a catalogue message with `params: { key, … }` to say it in
 * its own words; otherwise its kind of problem is told.
 */
export function describeZodIssue(issue: core.$ZodIssue, lang: Lang): string {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : formatMessage('validation.root', lang);
  return formatMessage('validation.field', lang, { field, problem: zodProblem(issue, lang) });
}

function zodProblem(issue: core.$ZodIssue, lang: Lang): string {
  const t = (key: MessageKey, params: MessageParams = {}) => formatMessage(key, lang, params);
  // Nothing given where a value (or one of a list) is needed (the contracts parse with reportInput).
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && 'input' in issue && issue.input === undefined && issue.path.length > 0)
    return t('validation.required');
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined$/.test(issue.message)) return t('validation.required');
      // A query parameter given twice (`?year=1&year=2`) arrives as a list (the contracts parse with reportInput).
      if (issue.path.length > 0 && Array.isArray((issue as { input?: unknown }).input) && issue.expected !== 'array') return t('validation.single_value');
      return t('validation.invalid_type', { expected: typeName(issue.expected, lang) });
    case 'too_small':
      if (issue.origin === 'string') return t('validation.too_small.string', { minimum: Number(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.too_small.array', { minimum: Number(issue.minimum) });
      return t('validation.too_small.number', { relation: issue.inclusive === false ? '>' : '≥', minimum: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.too_big.string', { maximum: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.too_big.array', { maximum: Number(issue.maximum) });
      return t('validation.too_big.number', { relation: issue.inclusive === false ? '<' : '≤', maximum: Number(issue.maximum) });
    case 'invalid_format':
      return t('validation.invalid_format', { format: issue.format });
    case 'invalid_value':
      // An empty choice stands for "not given" in the contracts' lists; it is not one to offer.
      return t('validation.invalid_value', {
        values: issue.values
          .filter((v) => v !== '')
          .map(String)
          .join(', '),
      });
    case 'unrecognized_keys':
      return t('validation.unrecognized_keys', { keys: issue.keys.join(', ') });
    case 'not_multiple_of':
      return t('validation.not_multiple_of', { divisor: issue.divisor });
    case 'custom': {
      const { key, ...params } = (issue.params ?? {}) as { key?: unknown };
      if (isMessageKey(key)) return formatMessage(key, lang, params as MessageParams);
      return t('validation.invalid');
    }
    default:
      return t('validation.invalid');
  }
}

const typeNames: Record<string, MessageKey> = {
  string: 'validation.type.string',
  number: 'validation.type.number',
  int: 'validation.type.int',
  boolean: 'validation.type.boolean',
  object: 'validation.type.object',
  array: 'validation.type.array',
  date: 'validation.type.date',
};

function typeName(expected: string, lang: Lang): string {
  const key = typeNames[expected];
  return key ? formatMessage(key, lang) : expected;
}
