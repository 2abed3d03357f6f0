import { Controller, Get, Inject } from '@nestjs/common';
import { Access, everyRole, Public } from '../auth/access.decorator.ts';
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
  config() {
    return this.service.publicConfig();
  }
}
