import { Controller, Get, Inject } from '@nestjs/common';
import { Access, everyRole, figuresForEveryone, Public } from '../auth/access.decorator.ts';
import { personFiguresView } from '../auth/auditor-view.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { Contract } from '../lib/route-contract.ts';
import { HealthService } from '../services/health.service.ts';
import { healthContracts as contracts } from './health.contract.ts';

@Controller()
export class HealthController {
  constructor(@Inject(HealthService) private readonly service: HealthService) {}

  @Get('health')
  @Public()
  @Contract(contracts.health)
  health() {
    return this.service.health();
  }

  @Get('config')
  @Access(everyRole)
  @Contract(contracts.config)
  config(@CurrentViewer() viewer: Viewer) {
    // The figures routes' scope for this role, so that the dashboard asks only what it will be given.
    return this.service.publicConfig(personFiguresView(figuresForEveryone[viewer.role]));
  }
}
