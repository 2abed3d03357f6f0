import type express from 'express';
import { formatImportMessage } from '../import/import.messages.ts';

/** The language of a refusal of an upload: its `lang` field if read yet, else `?lang=`, else Accept-Language. */
export function requestLanguage(req: express.Request): 'pl' | 'en' {
  // A form's `lang` field counts once multer has read it (fields sent before the files).
  const field = (req.body as Record<string, unknown> | undefined)?.lang;
  const asked = typeof field === 'string' ? field : typeof req.query.lang === 'string' ? req.query.lang : '';
  if (asked === 'en' || asked === 'pl') return asked;
  return /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'pl';
}

/**
 * The limit on all files of one upload together, where the request says its size: more is refused
 * before the body is read. What is sent without a size (or beyond it) is counted as it is stored
 * (SpoolingStorage), so nothing here reads the body.
 */
export function uploadSizeLimit(maxBytes: number): express.RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers['content-length']);
    if (!Number.isFinite(declared) || declared <= maxBytes) return next();
    res.status(413).setHeader('Connection', 'close');
    res.json(uploadTooLargeBody(req, maxBytes));
    req.resume();
  };
}

export function uploadTooLargeBody(req: express.Request, maxBytes: number) {
  const limitMb = Math.round(maxBytes / (1024 * 1024));
  return { statusCode: 413, code: 'upload_too_large', message: formatImportMessage('upload_too_large', requestLanguage(req), { limitMb }) };
}
