import { createHash } from 'node:crypto';
import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { ConfigSnapshot } from '@osl/data';
import type { Response } from 'express';
import { of, tap, type Observable } from 'rxjs';
import type { OslRequest } from '../auth/auth.guard.ts';
import { AnalyticsRepository } from '../repositories/analytics.repository.ts';
import { ConfigurationService } from '../services/configuration.service.ts';

/**
 * Answers read from the published analytics state carry its version as an ETag (with the request,
 * the format asked for, the viewer's scope and the configuration's version, since some answers add
 * targets from it); a repeated request with If-None-Match gets 304 and no body while nothing changed.
 * The tag goes only on answers that succeed.
 */
@Injectable()
export class AnalyticsEtagInterceptor implements NestInterceptor {
  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const published = this.analytics.published();
    if (!published) return next.handle();
    const request = context.switchToHttp().getRequest<OslRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const digest = createHash('sha256')
      .update(JSON.stringify([request.originalUrl, request.headers.accept ?? '', request.viewer?.scope ?? null, this.config.version]))
      .digest('base64url')
      .slice(0, 16);
    const tag = `W/"a${published.runId}-${digest}"`;
    response.setHeader('Cache-Control', 'private, no-cache');
    response.setHeader('Vary', 'Accept, Cookie');
    if (request.headers['if-none-match'] === tag) {
      response.setHeader('ETag', tag);
      response.status(304);
      return of(undefined);
    }
    return next.handle().pipe(tap(() => response.setHeader('ETag', tag)));
  }
}
