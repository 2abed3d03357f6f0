import { Inject, Injectable } from '@nestjs/common';
import type { IndicatorConfig } from '@osl/data';
import { projectYears } from '@osl/pipelines';
import { PipelineBusyError } from '@osl/prisma';
import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import { DomainError } from '../lib/domain-error.ts';
import type { MessageKey, MessageParam, MessageRef } from '../lib/messages.ts';
import { indicatorTargetsSection, type IndicatorTargetValues } from '../repositories/operator-config.repository.ts';
import { ConfigurationService } from './configuration.service.ts';
import { PipelineService } from './pipeline.service.ts';

export interface TargetsInput {
  baseline?: unknown;
  targets?: unknown;
}

/**
 * The request body's schema for one indicator: scopes the installation has (ALL and its
 * communities), years of the project, non-negative numbers (a percentage at most 100, a count
 * whole). Each problem carries its message key (lib/messages.ts, `targets.*`).
 */
export function targetsInputSchema(unit: IndicatorConfig['unit'], scopes: readonly string[], years: readonly number[]) {
  const amount = z
    .number({ error: 'targets.not_number' })
    .min(0, 'targets.not_number')
    .refine((v) => unit !== 'percent' || v <= 100, { params: { key: 'targets.percent_max' } })
    .refine((v) => unit === 'percent' || Number.isInteger(v), { params: { key: 'targets.whole_number', unit } });
  // Keys are checked on the object as sent: a record schema drops a "__proto__" key unchecked.
  const object = <T extends z.ZodType>(value: T, keyProblem: (key: string) => Record<string, string> | null) =>
    z
      .unknown()
      .superRefine((raw, context) => {
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
        for (const key of Object.keys(raw)) {
          const params = keyProblem(key);
          if (params) context.addIssue({ code: 'custom', message: params.key!, params });
        }
      })
      .pipe(z.record(z.string(), value, { error: 'targets.not_object' }));
  const unknownScope = (scope: string) => (scopes.includes(scope) ? null : { key: 'targets.unknown_scope', scope, allowed: scopes.join(', ') });
  const notProjectYear = (year: string) => (/^\d{4}$/.test(year) && years.includes(Number(year)) ? null : { key: 'targets.year', allowed: years.join(', ') });
  return z
    .object({
      baseline: object(amount, unknownScope).optional(),
      targets: object(object(amount, notProjectYear), unknownScope).optional(),
    })
    .refine((input) => input.baseline !== undefined || input.targets !== undefined, { params: { key: 'targets.nothing_sent' } });
}

/**
 * Checks new baselines and targets of one indicator (zod, targetsInputSchema); a DomainError naming
 * the first wrong field in words ("Cel na rok 2023 (Seniorzy na Os. Łazy)"), communities by their
 * names when `scopeNames` has them.
 */
export function parseTargetsInput(
  indicator: Pick<IndicatorConfig, 'unit'>,
  input: TargetsInput,
  scopes: readonly string[],
  years: readonly number[],
  scopeNames: ReadonlyMap<string, string> = new Map(),
): IndicatorTargetValues {
  const result = targetsInputSchema(indicator.unit, scopes, years).safeParse(input);
  if (result.success) return { baseline: result.data.baseline ?? {}, targets: result.data.targets ?? {} };
  const issue = result.error.issues[0]!;
  const { key, unit, ...params } = (issue.code === 'custom' ? issue.params : { key: issue.message }) as { key?: string; unit?: string } & Record<
    string,
    string
  >;
  const where = fieldInWords(issue.path.map(String), scopeNames);
  const unitWords: Record<string, MessageParam> = unit === 'persons' || unit === 'activities' ? { unit: { key: `targets.unit.${unit}` } } : {};
  throw new DomainError('invalid', (key ?? 'targets.not_number') as MessageKey, { where, ...params, ...unitWords });
}

/** A field of the body (`targets.LAZ.2023`) as a person names it: "the 2023 target (Seniorzy na Os. Łazy)". */
function fieldInWords([field, scope, year]: readonly string[], scopeNames: ReadonlyMap<string, string>): MessageRef {
  const scopeWords: MessageParam | undefined =
    scope === undefined ? undefined : scope === 'ALL' ? { key: 'targets.scope_all' } : (scopeNames.get(scope) ?? scope);
  if (field === 'baseline')
    return scopeWords === undefined ? { key: 'targets.where.baselines' } : { key: 'targets.where.baseline', params: { scope: scopeWords } };
  if (scopeWords === undefined) return { key: 'targets.where.targets' };
  return year === undefined
    ? { key: 'targets.where.targets_of', params: { scope: scopeWords } }
    : { key: 'targets.where.target', params: { year, scope: scopeWords } };
}

/** `values` with the given baselines and targets in place (the others kept); a new object. */
export function mergeTargets(values: IndicatorTargetValues, change: IndicatorTargetValues): IndicatorTargetValues {
  const targets = Object.fromEntries(Object.entries(values.targets).map(([scope, byYear]) => [scope, { ...byYear }]));
  for (const [scope, byYear] of Object.entries(change.targets)) targets[scope] = { ...targets[scope], ...byYear };
  return { baseline: { ...values.baseline, ...change.baseline }, targets };
}

/** Checks new baselines and targets of one indicator and returns the indicator with them. */
export function applyTargets(
  indicator: IndicatorConfig,
  input: TargetsInput,
  scopes: readonly string[],
  years: readonly number[],
  scopeNames?: ReadonlyMap<string, string>,
): IndicatorConfig {
  return { ...indicator, ...mergeTargets(indicator, parseTargetsInput(indicator, input, scopes, years, scopeNames)) };
}

/**
 * The director edits an indicator's baselines and targets. They live in the operational database
 * (the configuration files only seeded them): the change is written in one transaction with its
 * audit entry (who, before → after), a new configuration snapshot is published (no file is
 * written, no snapshot changed), and a pipeline run recomputes statuses.
 */
@Injectable()
export class IndicatorTargetsService {
  constructor(
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
    @Inject(PipelineService) private readonly pipeline: PipelineService,
  ) {}

  async update(viewer: Viewer, code: string, input: TargetsInput): Promise<{ indicator: IndicatorConfig; pipelineRunId: number | null }> {
    const config = this.configuration.current();
    const indicator = config.indicators.find((i) => i.code === code.toUpperCase());
    if (!indicator) throw DomainError.notFound('indicator.unknown', { code, allowed: config.indicators.map((i) => i.code).join(', ') });
    const scopes = ['ALL', ...config.communities.map((c) => c.code)];
    const names = new Map(config.communities.map((c) => [c.code, c.name]));
    const change = parseTargetsInput(indicator, input, scopes, projectYears(config.project), names);
    // Merged with what the database holds at that moment, inside the transaction: an edit of another process is kept.
    const published = await this.configuration.edit(indicatorTargetsSection, indicator.code, (before) => mergeTargets(before, change), viewer.email);
    let pipelineRunId: number | null = null;
    try {
      const { id, done } = await this.pipeline.start('api', 'incremental');
      void done.catch(() => undefined);
      pipelineRunId = id;
    } catch (error) {
      // A run in progress is followed by the schedule's next one, which sees the changed configuration.
      if (!(error instanceof PipelineBusyError)) throw error;
    }
    return { indicator: published.indicators.find((i) => i.code === indicator.code)!, pipelineRunId };
  }
}
