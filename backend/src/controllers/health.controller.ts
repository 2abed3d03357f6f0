import { Controller, Get, Inject } from '@nestjs/common';
import { HealthService } from '../services/health.service.ts';

@Controller()
export class HealthController {
  constructor(@Inject(HealthService) private readonly service: HealthService) {}

  @Get('health')
  health() {
    return this.service.health();
  }

  @Get('config')
  config() {
    return this.service.publicConfig();
  }
}
