import { Controller, Get, Inject, UseInterceptors } from '@nestjs/common';
import { Access, figuresForEveryone } from '../auth/access.decorator.ts';
import { AnalyticsEtagInterceptor } from '../lib/analytics-etag.interceptor.ts';
import { Contract, RouteParams, type ParamsOf } from '../lib/route-contract.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { ParticipantsService } from '../services/participants.service.ts';
import { ParticipationService } from '../services/participation.service.ts';
import { communitiesContracts as contracts } from './communities.contract.ts';

@Controller('communities')
export class CommunitiesController {
  constructor(
    @Inject(ParticipationService) private readonly service: ParticipationService,
    @Inject(ParticipantsService) private readonly participants: ParticipantsService,
  ) {}

  @Get(':code/participation')
  @UseInterceptors(AnalyticsEtagInterceptor)
  @Access(figuresForEveryone)
  @Contract(contracts.participation)
  participation(@CurrentViewer() viewer: Viewer, @RouteParams() { code }: ParamsOf<typeof contracts.participation>) {
    return this.service.byMonth(code, viewer.scope);
  }

  /** Participant codes with attendance and "has not come back"; names for the director and the community's organizer. */
  @Get(':code/participants')
  // Participant-level: the director, and an organizer for their own communities only.
  @Access({ director: 'full', organizer: 'assigned' })
  @Contract(contracts.participantList)
  participantList(@CurrentViewer() viewer: Viewer, @RouteParams() { code }: ParamsOf<typeof contracts.participantList>) {
    return this.participants.list(code, viewer);
  }

  /** One person's attendances at the community's activities (dates and activities), for those who see its list. */
  @Get(':code/participants/:participant/attendances')
  @Access({ director: 'full', organizer: 'assigned' })
  @Contract(contracts.attendanceHistory)
  attendanceHistory(@CurrentViewer() viewer: Viewer, @RouteParams() { code, participant }: ParamsOf<typeof contracts.attendanceHistory>) {
    return this.participants.history(code, participant, viewer);
  }
}
