import { AsyncLocalStorage } from 'node:async_hooks';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type express from 'express';
import { Observable } from 'rxjs';
import type { Lang } from './message-template.ts';

/**
 * The language of a request's messages, one rule for every answer: a `lang` field of the form
 * (an upload, once multer has read it) or `?lang=`, when `pl` or `en`; else the preferred of
 * Polish and English in Accept-Language (the dashboard sends its chosen language there); else
 * Polish.
 */
export function requestLanguage(req: Pick<express.Request, 'headers'> & { body?: unknown; query?: unknown }): Lang {
  const field = (req.body as Record<string, unknown> | undefined)?.lang;
  const query = (req.query as Record<string, unknown> | undefined)?.lang;
  const asked = typeof field === 'string' ? field : typeof query === 'string' ? query : '';
  if (asked === 'en' || asked === 'pl') return asked;
  return acceptedLanguage(req.headers['accept-language']);
}

/** Polish or English, whichever Accept-Language prefers (by weight, then order); Polish if neither. */
export function acceptedLanguage(header: string | undefined): Lang {
  let best: { lang: Lang; q: number } | null = null;
  for (const part of (header ?? '').split(',')) {
    const [tag, ...attributes] = part.trim().split(';');
    const lang = /^pl\b/i.test(tag) ? 'pl' : /^en\b/i.test(tag) ? 'en' : null;
    if (!lang) continue;
    const weight = attributes.map((a) => /^\s*q=([\d.]+)\s*$/.exec(a)?.[1]).find((q) => q !== undefined);
    const q = weight === undefined ? 1 : Number(weight);
    if (q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'pl';
}

const language = new AsyncLocalStorage<Lang>();

/**
 * The language of the request being answered (or of the command being run), for texts rendered
 * inside services: stored messages such as a pipeline run's note. Polish outside any.
 */
export function currentLanguage(): Lang {
  return language.getStore() ?? 'pl';
}

/** Runs `work` with `lang` as the current language (the CLI's `--lang`, a test). */
export function withLanguage<T>(lang: Lang, work: () => T): T {
  return language.run(lang, work);
}

/** Makes the request's language the current one while its handler runs (global, AppModule). */
@Injectable()
export class RequestLanguageInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const lang = requestLanguage(context.switchToHttp().getRequest<express.Request>());
    return new Observable((subscriber) => withLanguage(lang, () => next.handle().subscribe(subscriber)));
  }
}
