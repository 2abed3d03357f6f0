import { Controller, Get, Inject, Query } from '@nestjs/common';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { ActivitiesService } from '../services/activities.service.ts';

@Controller('activities')
export class ActivitiesController {
  constructor(@Inject(ActivitiesService) private readonly activities: ActivitiesService) {}

  /**
   * The activities behind a figure: `?community=OST&from=YYYY-MM-DD&to=YYYY-MM-DD`, each with its
   * attendance counts and where it came from (activity log file and row, the attendance lists,
   * who imported them and when). At most 2,000 per answer (`truncated` says when there are more).
   */
  @Get()
  async list(@CurrentViewer() viewer: Viewer, @Query() query: Record<string, unknown>) {
    return await this.activities.list(query, viewer.scope);
  }
}
