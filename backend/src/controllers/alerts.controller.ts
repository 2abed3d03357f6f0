import { Controller, Get, Inject, Query } from '@nestjs/common';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { AlertsService } from '../services/alerts.service.ts';

@Controller('alerts')
export class AlertsController {
  constructor(@Inject(AlertsService) private readonly alerts: AlertsService) {}

  /** Decline alerts, active first, each with its sentence and its history across runs. */
  @Get()
  list(@CurrentViewer() viewer: Viewer, @Query('status') status?: string, @Query('community') community?: string) {
    return this.alerts.list(this.alerts.parseFilter({ status, community }), viewer.scope);
  }
}
