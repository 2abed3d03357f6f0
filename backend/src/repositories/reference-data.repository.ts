import { Inject, Injectable } from '@nestjs/common';
import type { OslConfig } from '@osl/data';
import type { Prisma } from '@osl/prisma';
import { AuditRepository, type AuditEntry } from './audit.repository.ts';
import { DatabaseRepository } from './database.repository.ts';

/**
 * Mirrors the configuration (communities, activity types, surveys, indicators and targets)
 * into the operational database, so that recorded rows can reference it and every change of
 * it leaves an audit event. Configuration files stay the source of truth.
 */
@Injectable()
export class ReferenceDataRepository {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  async syncConfiguration(config: OslConfig, actor: string): Promise<number> {
    return this.database.client.$transaction(async (tx) => {
      const changes: AuditEntry[] = [];
      for (const community of config.communities) {
        const before = await tx.community.findUnique({ where: { code: community.code } });
        const after = { name: community.name, kind: community.kind };
        if (!before) await tx.community.create({ data: { code: community.code, ...after } });
        else if (before.name !== after.name || before.kind !== after.kind) await tx.community.update({ where: { id: before.id }, data: after });
        else continue;
        changes.push(change('community', community.code, before && { name: before.name, kind: before.kind }, after, actor));
      }
      for (const type of config.activityTypes) {
        const before = await tx.activityType.findUnique({ where: { code: type.code } });
        const after = { namePl: type.namePl, nameEn: type.nameEn, group: type.group };
        if (!before) await tx.activityType.create({ data: { code: type.code, ...after } });
        else if (before.namePl !== after.namePl || before.nameEn !== after.nameEn || before.group !== after.group) {
          await tx.activityType.update({ where: { id: before.id }, data: after });
        } else continue;
        changes.push(change('activityType', type.code, before && { namePl: before.namePl, nameEn: before.nameEn, group: before.group }, after, actor));
      }
      for (const survey of config.surveys) {
        const row = await tx.survey.upsert({
          where: { code: survey.code },
          create: { code: survey.code, namePl: survey.namePl, nameEn: survey.nameEn },
          update: { namePl: survey.namePl, nameEn: survey.nameEn },
        });
        for (const question of survey.questions) {
          await tx.surveyQuestion.upsert({
            where: { surveyId_code: { surveyId: row.id, code: question.code } },
            create: { surveyId: row.id, code: question.code, textPl: question.textPl, scale: question.scale },
            update: { textPl: question.textPl, scale: question.scale },
          });
        }
      }
      for (const indicator of config.indicators) changes.push(...(await syncIndicator(tx, indicator, actor)));
      await this.audit.record(changes, tx);
      return changes.length;
    });
  }
}

async function syncIndicator(tx: Prisma.TransactionClient, indicator: OslConfig['indicators'][number], actor: string): Promise<AuditEntry[]> {
  const definition = {
    namePl: indicator.namePl,
    nameEn: indicator.nameEn,
    kind: indicator.kind,
    unit: indicator.unit,
    cumulative: indicator.cumulative,
    computation: indicator.computation,
  };
  const existing = await tx.indicator.findUnique({ where: { code: indicator.code }, include: { targets: true, baselines: true } });
  const before = existing && {
    namePl: existing.namePl,
    nameEn: existing.nameEn,
    kind: existing.kind,
    unit: existing.unit,
    cumulative: existing.cumulative,
    computation: existing.computation,
    baseline: Object.fromEntries(existing.baselines.map((b) => [b.scope, b.value])),
    targets: groupTargets(existing.targets),
  };
  const after = { ...definition, baseline: indicator.baseline, targets: normaliseTargets(indicator.targets) };
  if (before && stableJson(before) === stableJson(after)) return [];
  const row = existing
    ? await tx.indicator.update({ where: { id: existing.id }, data: definition })
    : await tx.indicator.create({ data: { code: indicator.code, ...definition } });
  await tx.indicatorBaseline.deleteMany({ where: { indicatorId: row.id } });
  await tx.indicatorTarget.deleteMany({ where: { indicatorId: row.id } });
  await tx.indicatorBaseline.createMany({
    data: Object.entries(indicator.baseline).map(([scope, value]) => ({ indicatorId: row.id, scope, value })),
  });
  await tx.indicatorTarget.createMany({
    data: Object.entries(indicator.targets).flatMap(([scope, years]) =>
      Object.entries(years).map(([year, value]) => ({ indicatorId: row.id, scope, year: Number(year), value })),
    ),
  });
  return [change('indicator', indicator.code, before, after, actor)];
}

function change(entity: string, entityId: string, before: unknown, after: unknown, actor: string): AuditEntry {
  return { actor, action: before ? 'config.updated' : 'config.created', entity, entityId, before, after };
}

function groupTargets(targets: { scope: string; year: number; value: number }[]): Record<string, Record<string, number>> {
  const grouped: Record<string, Record<string, number>> = {};
  for (const t of targets) (grouped[t.scope] ??= {})[String(t.year)] = t.value;
  return grouped;
}

function normaliseTargets(targets: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  return Object.fromEntries(Object.entries(targets).map(([scope, years]) => [scope, { ...years }]));
}

/** JSON with sorted keys, so that two equal objects compare equal whatever their key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
