import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  NotFoundException,
  PayloadTooLargeException,
  UnauthorizedException,
  type ArgumentsHost,
} from '@nestjs/common';
import { PipelineBusyError } from '@osl/prisma';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DomainError, errorKinds } from './domain-error.ts';
import { errorAnswer, httpStatusOfKind, requestedPath } from './error-answer.ts';
import { ErrorAnswerFilter } from './error-answer.filter.ts';
import { lastValueFrom, of } from 'rxjs';
import { acceptedLanguage, currentLanguage, RequestLanguageInterceptor, requestLanguage, withLanguage } from './request-language.ts';

const request = { method: 'GET', path: '/api/indicators' };

/** Whether a Polish answer reads as Polish: no sentence of its English counterpart. */
const englishOf = (error: unknown) => errorAnswer(error, 'en', request).body.message;

describe('errorAnswer', () => {
  it.each([
    ['invalid', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['too_many', 429],
    ['unavailable', 503],
  ] as const)('answers a domain error of kind %s with %i', (kind, status) => {
    const answer = errorAnswer(new DomainError(kind, 'http.error', { status }), 'pl', request);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({
      statusCode: status,
      kind,
      key: 'http.error',
      code: 'http.error',
      message: `Żądanie nie powiodło się (HTTP ${status}).`,
    });
  });

  it('maps every kind to a status', () => {
    expect(Object.keys(httpStatusOfKind).sort()).toEqual([...errorKinds].sort());
  });

  it('words the message in the language asked, keeping the code clients read and adding Retry-After', () => {
    const error = DomainError.tooMany('auth.too_many_attempts', { minutes: 15 }, { code: 'too_many_attempts', retryAfterSeconds: 900 });
    const pl = errorAnswer(error, 'pl', request);
    const en = errorAnswer(error, 'en', request);
    expect(pl).toEqual({
      status: 429,
      headers: { 'Retry-After': '900' },
      body: {
        statusCode: 429,
        kind: 'too_many',
        key: 'auth.too_many_attempts',
        code: 'too_many_attempts',
        message: 'Zbyt wiele nieudanych logowań; spróbuj ponownie za 15 min.',
        retryAfterSeconds: 900,
      },
    });
    expect(en.body.message).toBe('Too many failed sign-ins; try again in 15 min.');
    // The English text is the error's own message (logs, tests); the answer is in the request's language.
    expect(error.message).toBe(en.body.message);
  });

  it('names the run in progress of a refused pipeline run (409)', () => {
    const answer = errorAnswer(new PipelineBusyError({ runId: 7, pid: 4242, since: '2026-12-07T08:00:00.000Z' }), 'pl', request);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      kind: 'conflict',
      key: 'pipeline.busy',
      runId: 7,
      // When it started on the project's clock; the process id is for the logs, not the person waiting.
      message: 'Trwa już przeliczanie danych (przebieg nr 7, rozpoczęty 07.12.2026, 09:00). Poczekaj, aż się zakończy, i spróbuj ponownie.',
    });
  });

  it('answers a busy operational database with 503 and Retry-After', () => {
    const answer = errorAnswer(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), 'en', request);
    expect(answer).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '1' },
      body: { kind: 'unavailable', code: 'busy', message: 'the database is busy: another import or run is writing; try again in a moment' },
    });
  });

  it('answers an Express error that may be shown by its status, in words of the catalogue', () => {
    const payloadTooLarge = Object.assign(new Error('request entity too large'), { status: 413, statusCode: 413, expose: true });
    expect(errorAnswer(payloadTooLarge, 'pl', request)).toMatchObject({
      status: 413,
      body: { kind: 'invalid', key: 'http.payload_too_large', message: 'Żądanie jest za duże.' },
    });
  });

  it('answers an unexpected error with 500 and nothing of it', () => {
    const answer = errorAnswer(new Error('secret stack detail'), 'pl', request);
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ statusCode: 500, kind: 'internal', key: 'http.internal', code: 'internal', message: 'Wewnętrzny błąd serwera.' });
  });

  describe("Nest's own exceptions", () => {
    it('words an unknown route, naming it', () => {
      const answer = errorAnswer(new NotFoundException('Cannot GET /api/nothing'), 'pl', { method: 'GET', path: '/api/nothing' });
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ kind: 'not_found', key: 'http.route_not_found', message: 'Nie ma takiego adresu API: GET /api/nothing.' });
      expect(englishOf(new NotFoundException('Cannot GET /api/nothing'))).toBe('There is no API route GET /api/indicators.');
    });

    it('words a refusal by its status, keeping its code and other fields', () => {
      const forbidden = errorAnswer(new ForbiddenException({ code: 'csrf', message: 'Missing or wrong X-CSRF-Token header.' }), 'pl', request);
      expect(forbidden).toMatchObject({
        status: 403,
        body: { kind: 'forbidden', key: 'http.forbidden', code: 'csrf', message: 'Nie masz uprawnień do tej operacji.' },
      });
      expect(errorAnswer(new UnauthorizedException(), 'pl', request).body).toMatchObject({ kind: 'unauthenticated', message: 'Najpierw się zaloguj.' });
      expect(errorAnswer(new HttpException('I am a teapot', 418), 'pl', request).body).toMatchObject({
        statusCode: 418,
        kind: 'invalid',
        key: 'http.error',
        message: 'Żądanie nie powiodło się (HTTP 418).',
      });
    });

    it("words multer's limits", () => {
      expect(errorAnswer(new BadRequestException('Too many files'), 'pl', request).body).toMatchObject({
        key: 'imports.too_many_files',
        message: 'Za dużo plików w jednym wysłaniu; wyślij je w kilku częściach.',
      });
      expect(errorAnswer(new PayloadTooLargeException('File too large'), 'pl', request)).toMatchObject({
        status: 413,
        body: { key: 'imports.file_too_large' },
      });
    });

    it('renders a body that names a message of the catalogue, keeping its other fields', () => {
      const answer = errorAnswer(
        new HttpException({ code: 'upload_too_large', key: 'upload_too_large', params: { limitMb: 200 }, files: [] }, 413),
        'pl',
        request,
      );
      expect(answer.status).toBe(413);
      expect(answer.body).toEqual({
        statusCode: 413,
        kind: 'invalid',
        key: 'upload_too_large',
        code: 'upload_too_large',
        message: 'Wysłane pliki mają razem ponad 200 MB, a jednorazowo można wysłać najwyżej 200 MB. Wyślij je w kilku częściach.',
        files: [],
      });
    });
  });

  describe('ZodError', () => {
    const query = z.strictObject({
      year: z.coerce.number().int().min(2021).max(2023),
      community: z.enum(['WZG', 'OST', 'LAZ']).optional(),
      email: z.email().optional(),
      name: z.string().max(5).optional(),
      limit: z.number().optional(),
      code: z
        .string()
        .refine((v) => v.startsWith('P'), { params: { key: 'indicator.unknown', code: 'X9', allowed: 'P1, P2' } })
        .optional(),
    });
    const refusal = (input: unknown, lang: 'pl' | 'en') => {
      const result = query.safeParse(input);
      expect(result.success).toBe(false);
      return errorAnswer(result.error, lang, request);
    };

    it('is invalid (400), naming each parameter and what is wrong with it, in Polish', () => {
      const answer = refusal({ year: '1999', community: 'XYZ', email: 'nie-email', name: 'za długie', limit: 'dużo', sort: 'x' }, 'pl');
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ statusCode: 400, kind: 'invalid', code: 'invalid_request' });
      expect(answer.body.issues).toEqual([
        { path: ['year'], code: 'too_small', message: 'year: musi być ≥ 2021' },
        { path: ['community'], code: 'invalid_value', message: 'community: musi mieć jedną z wartości: WZG, OST, LAZ' },
        { path: ['email'], code: 'invalid_format', message: 'email: ma niewłaściwy format (email)' },
        { path: ['name'], code: 'too_big', message: 'name: może mieć najwyżej 5 znaków' },
        { path: ['limit'], code: 'invalid_type', message: 'limit: oczekiwano: liczba' },
        { path: [], code: 'unrecognized_keys', message: 'treść żądania: nieznane pola: sort' },
      ]);
      expect(answer.body.message).toBe((answer.body.issues as { message: string }[]).map((i) => i.message).join('; '));
    });

    it('says a missing parameter is required, and gives a refinement in its own words', () => {
      const body = z.object({ email: z.string(), password: z.string() });
      const missing = (lang: 'pl' | 'en') => errorAnswer(body.safeParse({ email: 'a@b.pl' }).error, lang, request).body.message;
      expect(missing('pl')).toBe('password: pole jest wymagane');
      expect(missing('en')).toBe('password: is required');
      expect(refusal({ year: '2022', code: 'Q1' }, 'pl').body.message).toBe('code: Nieznany wskaźnik „X9”; dostępne: P1, P2.');
      expect(refusal({ year: '2022.5' }, 'en').body.message).toBe('year: expected a whole number');
    });

    it('is found inside an HttpException that carries it (a validation pipe’s)', () => {
      const result = query.safeParse({ year: '2030' });
      const wrapped = Object.assign(new BadRequestException('Validation failed'), { getZodError: () => (result as { error: unknown }).error });
      expect(errorAnswer(wrapped, 'en', request).body).toMatchObject({ kind: 'invalid', message: 'year: must be ≤ 2023' });
    });
  });
});

describe('the language of a request', () => {
  const req = (headers: Record<string, string>, query: Record<string, unknown> = {}, body?: unknown) => ({ headers, query, body });

  it('is its lang field or parameter, else the preferred of Polish and English, else Polish', () => {
    expect(requestLanguage(req({}))).toBe('pl');
    expect(requestLanguage(req({ 'accept-language': 'en-GB,en;q=0.9' }))).toBe('en');
    expect(requestLanguage(req({ 'accept-language': 'en' }, { lang: 'pl' }))).toBe('pl');
    expect(requestLanguage(req({}, {}, { lang: 'en' }))).toBe('en');
    expect(requestLanguage(req({ 'accept-language': 'pl' }, { lang: 'de' }))).toBe('pl');
  });

  it('weighs Accept-Language', () => {
    expect(acceptedLanguage('de-DE, en;q=0.5, pl;q=0.8')).toBe('pl');
    expect(acceptedLanguage('pl;q=0.2, en-US')).toBe('en');
    expect(acceptedLanguage('*')).toBe('pl');
    expect(acceptedLanguage('en;q=0')).toBe('pl');
    expect(acceptedLanguage(undefined)).toBe('pl');
  });

  it('is the current language while a handler runs (RequestLanguageInterceptor)', async () => {
    const context = { getType: () => 'http', switchToHttp: () => ({ getRequest: () => req({ 'accept-language': 'en' }) }) } as never;
    const seen = await lastValueFrom(new RequestLanguageInterceptor().intercept(context, { handle: () => of(currentLanguage()) }));
    // `handle` is called inside the language's scope, as Nest calls the handler.
    expect(seen).toBe('en');
    expect(currentLanguage()).toBe('pl');
  });

  it('is the current language while a handler or command runs', async () => {
    expect(currentLanguage()).toBe('pl');
    await withLanguage('en', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(currentLanguage()).toBe('en');
    });
  });
});

describe('ErrorAnswerFilter', () => {
  function host(headers: Record<string, string>, headersSent = false) {
    const response = { headersSent, status: vi.fn(), set: vi.fn(), json: vi.fn(), end: vi.fn() };
    response.status.mockReturnValue(response);
    response.set.mockReturnValue(response);
    const req = { method: 'POST', path: '/api/pipeline/runs', headers, query: {}, body: {} };
    const argumentsHost = { switchToHttp: () => ({ getRequest: () => req, getResponse: () => response }) } as unknown as ArgumentsHost;
    return { argumentsHost, response };
  }

  it('answers in the request’s language with the kind’s status and its headers', () => {
    const { argumentsHost, response } = host({ 'accept-language': 'en' });
    new ErrorAnswerFilter().catch(DomainError.unavailable('pdf.queue_full', {}, { code: 'busy', retryAfterSeconds: 5 }), argumentsHost);
    expect(response.status).toHaveBeenCalledWith(503);
    expect(response.set).toHaveBeenCalledWith({ 'Retry-After': '5' });
    expect(response.json).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'busy', message: 'The server is busy printing other PDFs; try again in a moment.' }),
    );
  });

  it('only ends an answer already under way', () => {
    const { argumentsHost, response } = host({}, true);
    new ErrorAnswerFilter().catch(DomainError.invalid('filter.lang', {}), argumentsHost);
    expect(response.end).toHaveBeenCalled();
    expect(response.json).not.toHaveBeenCalled();
  });
});

describe('requestedPath', () => {
  it('names the path as the client sent it, also where a middleware under /api sees only the rest', () => {
    expect(requestedPath({ originalUrl: '/api/nie-ma?x=1', path: '/nie-ma' })).toBe('/api/nie-ma');
    expect(requestedPath({ path: '/api/indicators' })).toBe('/api/indicators');
  });
});
