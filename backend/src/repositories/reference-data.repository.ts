import { Inject, Injectable } from '@nestjs/common';
import { stableJson, type OslConfig } from '@osl/data';
import type { Prisma } from '@osl/prisma';
import { AuditRepository, type AuditEntry } from './audit.repository.ts';
import { DatabaseRepository } from './database.repository.ts';
import { configurationTransaction } from './transaction-options.ts';

/**
 * Mirrors the configuration files (communities, activity types, surveys, indicator definitions)
 * into the operational database, so that recorded rows can reference it and every change of it
 * leaves an audit event. For these the files are the source of truth; what operators edit
 * (baselines and targets) the database holds (OperatorConfigRepository).
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
    }, configurationTransaction);
  }
}

/** An indicator's definition; its baselines and targets are operator-edited (operator-config.repository.ts). */
async function syncIndicator(tx: Prisma.TransactionClient, indicator: OslConfig['indicators'][number], actor: string): Promise<AuditEntry[]> {
  const definition = {
    namePl: indicator.namePl,
    nameEn: indicator.nameEn,
    kind: indicator.kind,
    unit: indicator.unit,
    cumulative: indicator.cumulative,
    computation: indicator.computation,
  };
  const existing = await tx.indicator.findUnique({ where: { code: indicator.code } });
  const before = existing && {
    namePl: existing.namePl,
    nameEn: existing.nameEn,
    kind: existing.kind,
    unit: existing.unit,
    cumulative: existing.cumulative,
    computation: existing.computation,
  };
  if (before && stableJson(before) === stableJson(definition)) return [];
  if (existing) await tx.indicator.update({ where: { id: existing.id }, data: definition });
  else await tx.indicator.create({ data: { code: indicator.code, ...definition } });
  return [change('indicator', indicator.code, before, definition, actor)];
}

function change(entity: string, entityId: string, before: unknown, after: unknown, actor: string): AuditEntry {
  return { actor, action: before ? 'config.updated' : 'config.created', entity, entityId, before, after };
}
