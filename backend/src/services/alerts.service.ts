import { Inject, Injectable } from '@nestjs/common';
import type { OslConfig } from '@osl/data';
import { OSL_CONFIG } from '../lib/osl-environment.ts';
import { AlertRepository } from '../repositories/alert.repository.ts';
import { InvalidFilterError } from './indicators.service.ts';

export interface AlertFilter {
  status?: 'active' | 'ended';
  community?: string;
}

@Injectable()
export class AlertsService {
  constructor(
    @Inject(AlertRepository) private readonly alerts: AlertRepository,
    @Inject(OSL_CONFIG) private readonly config: OslConfig,
  ) {}

  parseFilter(raw: { status?: unknown; community?: unknown }): AlertFilter {
    const filter: AlertFilter = {};
    if (raw.status !== undefined && raw.status !== '' && raw.status !== 'all') {
      if (raw.status !== 'active' && raw.status !== 'ended') throw new InvalidFilterError('status must be active, ended or all');
      filter.status = raw.status;
    }
    if (raw.community !== undefined && raw.community !== '') {
      const code = typeof raw.community === 'string' ? raw.community.toUpperCase() : '';
      if (!this.config.communities.some((c) => c.code === code)) {
        throw new InvalidFilterError(`community must be one of ${this.config.communities.map((c) => c.code).join(', ')}`);
      }
      filter.community = code;
    }
    return filter;
  }

  list(filter: AlertFilter) {
    return this.alerts.list(filter);
  }
}
