import type express from 'express';
import { HttpException } from '@nestjs/common';
import { errorAnswer, requestedPath } from './error-answer.ts';
import { requestLanguage } from './request-language.ts';

/**
 * The limit on all files of one upload together, where the request says its size: more is refused
 * before the body is read. What is sent without a size (or beyond it) is counted as it is stored
 * (SpoolingStorage), so nothing here reads the body.
 */
export function uploadSizeLimit(maxBytes: number): express.RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers['content-length']);
    if (!Number.isFinite(declared) || declared <= maxBytes) return next();
    const answer = errorAnswer(uploadTooLarge(maxBytes), requestLanguage(req), { method: req.method, path: requestedPath(req) });
    res.status(answer.status).set(answer.headers).setHeader('Connection', 'close');
    res.json(answer.body);
    req.resume();
  };
}

/** The refusal of an upload over the limit, answered in the uploader's language (lib/error-answer.ts). */
export function uploadTooLarge(maxBytes: number): HttpException {
  const limitMb = Math.round(maxBytes / (1024 * 1024));
  return new HttpException({ code: 'upload_too_large', key: 'upload_too_large', params: { limitMb } }, 413);
}
