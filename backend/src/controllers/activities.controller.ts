import { Controller, Get, Inject } from '@nestjs/common';
import { Access, figuresForEveryone } from '../auth/access.decorator.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { ActivitiesService } from '../services/activities.service.ts';
import { Contract, RouteQuery, type QueryOf } from '../lib/route-contract.ts';
import { activitiesContracts as contracts } from './activities.contract.ts';

@Controller('activities')
export class ActivitiesController {
  constructor(@Inject(ActivitiesService) private readonly activities: ActivitiesService) {}

  /**
   * The activities behind a figure: `?community=OST&from=YYYY-MM-DD&to=YYYY-MM-DD`, each with its
   * attendance counts and where it came from (activity log file and row, the attendance lists,
   * who imported them and when). At most 2,000 per answer (`truncated` says when there are more).
   */
  @Get()
  // Activities are not personal data; their attendance counts are figures (suppressed for the auditor).
  @Access(figuresForEveryone)
  @Contract(contracts.list)
  async list(@CurrentViewer() viewer: Viewer, @RouteQuery() query: QueryOf<typeof contracts.list>) {
    return await this.activities.list(query, viewer.scope);
  }
}
