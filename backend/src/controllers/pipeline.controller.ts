import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { AuditService } from '../services/audit.service.ts';
import { DomainError } from '../lib/domain-error.ts';
import { PipelineService } from '../services/pipeline.service.ts';

@Controller('pipeline/runs')
export class PipelineController {
  constructor(
    @Inject(PipelineService) private readonly pipeline: PipelineService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Run history, newest first, with steps (the running one shows its current step). */
  @Get()
  list() {
    return this.pipeline.list();
  }

  /** Starts a run now (`{"mode": "incremental" | "full"}`); 409 names the run in progress. */
  @Post()
  @HttpCode(202)
  async start(@CurrentViewer() viewer: Viewer, @Body() body: { mode?: unknown } | undefined) {
    const mode = body?.mode ?? 'incremental';
    if (mode !== 'incremental' && mode !== 'full') throw DomainError.invalid('pipeline.mode', {});
    // A run in progress refuses it: 409 naming that run (lib/error-answer.ts).
    const { id, done } = await this.pipeline.start('api', mode);
    await this.audit.recordAction('pipeline.started', 'pipelineRun', String(id), viewer.email, viewer.address, { mode });
    // The outcome is recorded with the run; nothing is left to do with it here.
    void done.catch(() => undefined);
    return { id, status: 'running', mode };
  }
}
