import { Controller, Get, Inject, Param, UseInterceptors } from '@nestjs/common';
import { AnalyticsEtagInterceptor } from '../lib/analytics-etag.interceptor.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { ParticipantsService } from '../services/participants.service.ts';
import { ParticipationService } from '../services/participation.service.ts';

@Controller('communities')
export class CommunitiesController {
  constructor(
    @Inject(ParticipationService) private readonly service: ParticipationService,
    @Inject(ParticipantsService) private readonly participants: ParticipantsService,
  ) {}

  @Get(':code/participation')
  @UseInterceptors(AnalyticsEtagInterceptor)
  participation(@CurrentViewer() viewer: Viewer, @Param('code') code: string) {
    return this.service.byMonth(code, viewer.scope);
  }

  /** Participant codes with attendance and "has not come back"; names for the director and the community's organizer. */
  @Get(':code/participants')
  participantList(@CurrentViewer() viewer: Viewer, @Param('code') code: string) {
    return this.participants.list(code, viewer);
  }
}
