import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { Access, everyRole } from '../auth/access.decorator.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { Contract, RouteBody, type BodyOf } from '../lib/route-contract.ts';
import { AuditService } from '../services/audit.service.ts';
import { PipelineService } from '../services/pipeline.service.ts';
import { pipelineContracts as contracts } from './pipeline.contract.ts';

@Controller('pipeline/runs')
export class PipelineController {
  constructor(
    @Inject(PipelineService) private readonly pipeline: PipelineService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Run history, newest first, with steps (the running one shows its current step). */
  @Get()
  @Access(everyRole)
  @Contract(contracts.list)
  list() {
    return this.pipeline.list();
  }

  /**
   * Starts a run now (`{"mode": "incremental" | "full"}`); 409 names the run in progress. The
   * organizers too, who bring the data: a run recomputes from what is recorded and shows no rows.
   */
  @Post()
  @HttpCode(202)
  @Access({ admin: 'full', organizer: 'full' })
  @Contract(contracts.start)
  async start(@CurrentViewer() viewer: Viewer, @RouteBody() { mode }: BodyOf<typeof contracts.start>) {
    // A run in progress refuses it: 409 naming that run (lib/error-answer.ts).
    const { id, done } = await this.pipeline.start('api', mode);
    await this.audit.recordAction('pipeline.started', 'pipelineRun', String(id), viewer.email, viewer.address, { mode });
    // The outcome is recorded with the run; nothing is left to do with it here.
    void done.catch(() => undefined);
    return { id, status: 'running', mode };
  }
}
