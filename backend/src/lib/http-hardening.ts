import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import helmet from 'helmet';
import { HttpException } from '@nestjs/common';
import { errorAnswer, requestedPath } from './error-answer.ts';
import { requestLanguage } from './request-language.ts';

/** JSON bodies of the API are small (sign-in, account changes); uploads go through multer's own limits. */
export const jsonBodyLimit = '32kb';

/** The SHA-256 sources of the inline scripts of a page, for its Content-Security-Policy. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(`'sha256-${createHash('sha256').update(match[1]).digest('base64')}'`);
  }
  return hashes;
}

/**
 * Every API answer is `Cache-Control: no-store` unless its route sets its own policy: names,
 * accounts, the audit trail, exports and the session's CSRF token must not stay in a browser's or
 * a proxy's cache. Set before routing, so errors and unknown routes get it too; the analytics
 * answers revalidated by ETag replace it (AnalyticsEtagInterceptor).
 */
export function apiNoStoreByDefault(req: express.Request, res: express.Response, next: express.NextFunction): void {
  if (req.path === '/api' || req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * Security headers (helmet) with a strict Content-Security-Policy: scripts only from this origin
 * and the dashboard's own inline bootstrap (by hash); styles allow inline style attributes, which
 * Svelte's templates and ECharts set. API answers are not stored by default (apiNoStoreByDefault).
 */
export function securityHeaders(dashboardIndex: string | null): express.RequestHandler {
  const headers = helmetHeaders(dashboardIndex);
  return (req, res, next) => headers(req, res, (error?: unknown) => (error ? next(error) : apiNoStoreByDefault(req, res, next)));
}

function helmetHeaders(dashboardIndex: string | null): express.RequestHandler {
  const scriptHashes = dashboardIndex && fs.existsSync(dashboardIndex) ? inlineScriptHashes(fs.readFileSync(dashboardIndex, 'utf8')) : [];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...scriptHashes],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The API and the dashboard are one origin; nothing is embedded from elsewhere.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });
}

/** Content types the API accepts for a request with a body. */
function acceptedContentType(path: string, type: string): boolean {
  if (type === 'application/json') return true;
  return type === 'multipart/form-data' && (path === '/api/imports' || path === '/api/imports/');
}

/**
 * Request hygiene before any route: a body must be JSON (or multipart for uploads) — 415
 * otherwise — and at most `jsonBodyLimit` (413); malformed JSON is a 400 with a message. No error
 * answer carries a stack trace.
 */
export function applyRequestLimits(app: NestExpressApplication): void {
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (!hasBody || !req.path.startsWith('/api/')) return next();
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!acceptedContentType(req.path, type)) {
      answer(req, res, new HttpException({ code: 'unsupported_media_type', key: 'http.unsupported_media_type' }, 415));
      return;
    }
    next();
  });
  app.use(express.json({ limit: jsonBodyLimit, type: 'application/json' }));
  // Errors of the body parser (too large, malformed) reach here, not Nest's exception filter.
  app.use((error: Error & { status?: number; type?: string }, req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    const key =
      error.type === 'entity.too.large'
        ? 'http.body_too_large'
        : error.type === 'entity.parse.failed'
          ? 'http.body_not_json'
          : status === 500
            ? 'http.internal'
            : 'http.bad_request';
    answer(req, res, new HttpException({ code: error.type ?? 'bad_request', key, params: { limit: jsonBodyLimit } }, status));
  });
}

/** An error found before routing, answered like every other (lib/error-answer.ts), in the request's language. */
function answer(req: express.Request, res: express.Response, error: HttpException): void {
  const { status, headers, body } = errorAnswer(error, requestLanguage(req), { method: req.method, path: requestedPath(req) });
  res.status(status).set(headers).json(body);
}
