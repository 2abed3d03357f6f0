import { Controller, Get, Inject } from '@nestjs/common';
import { Access, figuresForEveryone } from '../auth/access.decorator.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { AlertsService } from '../services/alerts.service.ts';
import { Contract, RouteQuery, type QueryOf } from '../lib/route-contract.ts';
import { alertsContracts as contracts } from './alerts.contract.ts';

@Controller('alerts')
export class AlertsController {
  constructor(@Inject(AlertsService) private readonly alerts: AlertsService) {}

  /** Decline alerts, active first, each with its sentence and its history across runs; a lapsing alert says who. */
  @Get()
  @Access(figuresForEveryone)
  @Contract(contracts.list)
  list(@CurrentViewer() viewer: Viewer, @RouteQuery() { status, community }: QueryOf<typeof contracts.list>) {
    return this.alerts.list(this.alerts.parseFilter({ status, community }), viewer);
  }
}
