import { Controller, Get, Inject, UseInterceptors } from '@nestjs/common';
import { Access, figuresForEveryone } from '../auth/access.decorator.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { AnalyticsEtagInterceptor } from '../lib/analytics-etag.interceptor.ts';
import { Contract, RouteQuery, type QueryOf } from '../lib/route-contract.ts';
import { ParticipantProfileService } from '../services/participant-profile.service.ts';
import { participantProfileContracts as contracts } from './participant-profile.contract.ts';

@Controller('participant-profile')
export class ParticipantProfileController {
  constructor(@Inject(ParticipantProfileService) private readonly service: ParticipantProfileService) {}

  /** `?year=2022`: persons by gender and age band per community and ALL, with totals; the auditor's small counts as "<3". */
  @Get()
  @UseInterceptors(AnalyticsEtagInterceptor)
  @Access(figuresForEveryone)
  @Contract(contracts.profile)
  async profile(@CurrentViewer() viewer: Viewer, @RouteQuery() { year }: QueryOf<typeof contracts.profile>) {
    return await this.service.profile(year, viewer.scope);
  }
}
