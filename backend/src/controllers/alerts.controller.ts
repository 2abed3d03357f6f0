import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { AlertsService } from '../services/alerts.service.ts';

@Controller('alerts')
export class AlertsController {
  constructor(@Inject(AlertsService) private readonly alerts: AlertsService) {}

  /** Decline alerts, active first, each with its sentence and its history across runs. */
  @Get()
  list(@Query('status') status?: string, @Query('community') community?: string) {
    try {
      return this.alerts.list(this.alerts.parseFilter({ status, community }));
    } catch (error) {
      throw new BadRequestException((error as Error).message);
    }
  }
}
