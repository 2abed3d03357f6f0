import { Inject, Injectable } from '@nestjs/common';
import type { DetectedDecline } from '@osl/pipelines';
import { DatabaseRepository } from './database.repository.ts';

export interface AlertRunSummary {
  opened: number;
  continued: number;
  ended: number;
}

/**
 * Decline alerts with their history. An alert is identified by community, activity group and
 * measure while it is active: a run that still finds the fall adds an observation to it, a run
 * that no longer finds it ends it, and a later fall opens a new alert.
 */
@Injectable()
export class AlertRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  async recordRun(runId: number, at: Date, findings: DetectedDecline[]): Promise<AlertRunSummary> {
    return this.database.client.$transaction(async (tx) => {
      const active = await tx.declineAlert.findMany({ where: { status: 'active' } });
      const key = (a: { community: string; groupCode: string; measure: string }) => `${a.community}|${a.groupCode}|${a.measure}`;
      const activeByKey = new Map(active.map((a) => [key(a), a]));
      const summary: AlertRunSummary = { opened: 0, continued: 0, ended: 0 };
      const seen = new Set<string>();
      for (const finding of findings) {
        seen.add(key(finding));
        const observation = {
          runId,
          lastWeek: finding.lastWeek,
          observed: finding.observed,
          expected: finding.expected,
          drop: finding.drop,
          pValue: finding.pValue,
          baselineKind: finding.baselineKind,
          sentencePl: finding.sentencePl,
          sentenceEn: finding.sentenceEn,
          createdAt: at,
        };
        const existing = activeByKey.get(key(finding));
        if (existing) {
          await tx.declineAlert.update({ where: { id: existing.id }, data: { lastRunId: runId, observations: { create: observation } } });
          summary.continued += 1;
        } else {
          await tx.declineAlert.create({
            data: {
              community: finding.community,
              groupCode: finding.groupCode,
              measure: finding.measure,
              since: finding.since,
              status: 'active',
              firstRunId: runId,
              lastRunId: runId,
              openedAt: at,
              observations: { create: observation },
            },
          });
          summary.opened += 1;
        }
      }
      for (const alert of active) {
        if (seen.has(key(alert))) continue;
        await tx.declineAlert.update({ where: { id: alert.id }, data: { status: 'ended', closedAt: at, lastRunId: runId } });
        summary.ended += 1;
      }
      return summary;
    });
  }

  async list(filter: { status?: 'active' | 'ended'; community?: string }) {
    const alerts = await this.database.client.declineAlert.findMany({
      where: { status: filter.status, community: filter.community },
      orderBy: [{ status: 'asc' }, { openedAt: 'desc' }, { id: 'desc' }],
      include: { observations: { orderBy: { id: 'asc' } } },
    });
    return alerts.map(({ observations, ...alert }) => {
      const latest = observations[observations.length - 1]!;
      return {
        ...alert,
        group: alert.groupCode || null,
        drop: latest.drop,
        observed: latest.observed,
        expected: latest.expected,
        pValue: latest.pValue,
        baselineKind: latest.baselineKind,
        lastWeek: latest.lastWeek,
        sentencePl: latest.sentencePl,
        sentenceEn: latest.sentenceEn,
        history: observations.map((o) => ({
          runId: o.runId,
          lastWeek: o.lastWeek,
          observed: o.observed,
          expected: o.expected,
          drop: o.drop,
          pValue: o.pValue,
          at: o.createdAt,
        })),
      };
    });
  }

  /** The days of the communities' activities with their activity group: the weeks behind each alert. */
  async activityDays(communities: readonly string[]): Promise<{ community: string; date: string; group: string }[]> {
    if (communities.length === 0) return [];
    const rows = await this.database.client.activity.findMany({
      where: { community: { code: { in: [...communities] } } },
      select: { date: true, community: { select: { code: true } }, type: { select: { group: true } } },
      distinct: ['communityId', 'typeId', 'date'],
    });
    return rows.map((r) => ({ community: r.community.code, date: r.date, group: r.type.group }));
  }
}
