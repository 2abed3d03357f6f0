import { Controller, Get, Inject, Param } from '@nestjs/common';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { ParticipationService } from '../services/participation.service.ts';

@Controller('communities')
export class CommunitiesController {
  constructor(@Inject(ParticipationService) private readonly service: ParticipationService) {}

  @Get(':code/participation')
  participation(@CurrentViewer() viewer: Viewer, @Param('code') code: string) {
    return this.service.byMonth(code, viewer.scope);
  }
}
