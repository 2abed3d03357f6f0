import { Inject, Injectable } from '@nestjs/common';
import type { OslConfig } from '@osl/data';
import { OSL_CONFIG } from '../lib/osl-environment.ts';
import { AlertRepository } from '../repositories/alert.repository.ts';
import type { Scope } from '../auth/access-matrix.ts';
import { isSmallCount } from '../auth/suppression.ts';
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

  /** In the auditor's view an alert whose window holds 1–2 attendances keeps its drop and period, not the counts. */
  async list(filter: AlertFilter, scope: Scope = 'full'): Promise<ShownAlert[]> {
    const alerts = await this.alerts.list(filter);
    return scope === 'suppressed' ? alerts.map(withoutSmallCounts) : alerts;
  }
}

type AlertView = Awaited<ReturnType<AlertRepository['list']>>[number];

/** The counts of a small alert hidden; its sentence cut before the parenthesis that gives them. */
type Nullable<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };
export type ShownAlert = Nullable<Omit<AlertView, 'history'>, 'observed' | 'expected'> & { history: Nullable<AlertView['history'][number], 'observed' | 'expected'>[]; suppressed?: string[] };

export function withoutSmallCounts(alert: AlertView): ShownAlert {
  const small = isSmallCount(alert.observed) || alert.history.some((h) => isSmallCount(h.observed));
  if (!small) return alert;
  const cut = (sentence: string) => `${sentence.split(' (')[0].replace(/[.…]$/, '')}.`;
  return {
    ...alert,
    observed: null,
    expected: null,
    sentencePl: cut(alert.sentencePl),
    sentenceEn: cut(alert.sentenceEn),
    history: alert.history.map((h) => ({ ...h, observed: null, expected: null })),
    suppressed: ['expected', 'observed'],
  };
}
