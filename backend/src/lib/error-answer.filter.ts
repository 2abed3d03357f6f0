import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type express from 'express';
import { errorAnswer, requestedPath } from './error-answer.ts';
import { requestLanguage } from './request-language.ts';

/**
 * The one place errors become HTTP answers (global, AppModule): domain errors by kind, zod's by
 * the parameter they name, Nest's own (guards, unknown routes, multer) by status, each in the
 * request's language. An unexpected error is logged with its stack and answered 500 without it.
 */
@Catch()
export class ErrorAnswerFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<express.Request>();
    const response = http.getResponse<express.Response>();
    const answer = errorAnswer(error, requestLanguage(request), { method: request.method, path: requestedPath(request) });
    if (answer.status >= 500 && answer.body.kind === 'internal') {
      this.logger.error(`${request.method} ${request.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    if (response.headersSent) {
      // A stream that failed half-way: the status is gone; end the answer so the client sees it cut.
      response.end();
      return;
    }
    response.status(answer.status).set(answer.headers).json(answer.body);
  }
}
