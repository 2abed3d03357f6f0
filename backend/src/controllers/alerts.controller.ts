import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { AlertsService } from '../services/alerts.service.ts';
import { InvalidFilterError } from '../services/indicators.service.ts';

@Controller('alerts')
export class AlertsController {
  constructor(@Inject(AlertsService) private readonly alerts: AlertsService) {}

  /** Decline alerts, active first, each with its sentence and its history across runs. */
  @Get()
  list(@CurrentViewer() viewer: Viewer, @Query('status') status?: string, @Query('community') community?: string) {
    let filter;
    try {
      filter = this.alerts.parseFilter({ status, community });
    } catch (error) {
      // Only a wrong filter is the caller's mistake; any other failure stays a server error.
      if (error instanceof InvalidFilterError) throw new BadRequestException(error.message);
      throw error;
    }
    return this.alerts.list(filter, viewer.scope);
  }
}
