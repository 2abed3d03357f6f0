import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ParticipationService } from '../services/participation.service.ts';

@Controller('communities')
export class CommunitiesController {
  constructor(@Inject(ParticipationService) private readonly service: ParticipationService) {}

  @Get(':code/participation')
  participation(@Param('code') code: string) {
    return this.service.byMonth(code);
  }
}
