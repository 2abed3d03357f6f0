import fs from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { configFiles, defaultConfigDir, type IndicatorConfig, type OslConfig } from '@osl/data';
import { projectYears } from '@osl/pipelines';
import { PipelineBusyError } from '@osl/prisma';
import type { Viewer } from '../auth/viewer.ts';
import { DomainError } from '../lib/domain-error.ts';
import { OSL_CONFIG, OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { ReferenceDataRepository } from '../repositories/reference-data.repository.ts';
import { PipelineService } from './pipeline.service.ts';

export interface TargetsInput {
  baseline?: unknown;
  targets?: unknown;
}

/**
 * Checks new baselines and targets of one indicator: scopes the installation has (ALL and its
 * communities), years of the project, non-negative numbers (a percentage at most 100). Every
 * problem names the field. Returns the indicator with them.
 */
export function applyTargets(indicator: IndicatorConfig, input: TargetsInput, scopes: readonly string[], years: readonly number[]): IndicatorConfig {
  const value = (v: unknown, where: string): number => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw DomainError.invalid('targets.not_number', { where });
    if (indicator.unit === 'percent' && v > 100) throw DomainError.invalid('targets.percent_max', { where });
    if (indicator.unit !== 'percent' && !Number.isInteger(v)) throw DomainError.invalid('targets.whole_number', { where, unit: indicator.unit });
    return v;
  };
  const object = (v: unknown, where: string): Record<string, unknown> => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw DomainError.invalid('targets.not_object', { where });
    return v as Record<string, unknown>;
  };
  const scope = (s: string, where: string) => {
    if (!scopes.includes(s)) throw DomainError.invalid('targets.unknown_scope', { where, scope: s, allowed: scopes.join(', ') });
  };
  const baseline = { ...indicator.baseline };
  if (input.baseline !== undefined) {
    for (const [s, v] of Object.entries(object(input.baseline, 'baseline'))) {
      scope(s, 'baseline');
      baseline[s] = value(v, `baseline.${s}`);
    }
  }
  const targets: Record<string, Record<string, number>> = Object.fromEntries(Object.entries(indicator.targets).map(([s, t]) => [s, { ...t }]));
  if (input.targets !== undefined) {
    for (const [s, byYear] of Object.entries(object(input.targets, 'targets'))) {
      scope(s, 'targets');
      for (const [year, v] of Object.entries(object(byYear, `targets.${s}`))) {
        if (!years.includes(Number(year)) || !/^\d{4}$/.test(year)) throw DomainError.invalid('targets.year', { scope: s, allowed: years.join(', ') });
        (targets[s] ??= {})[year] = value(v, `targets.${s}.${year}`);
      }
    }
  }
  if (input.baseline === undefined && input.targets === undefined) throw DomainError.invalid('targets.nothing_sent', {});
  return { ...indicator, baseline, targets };
}

/**
 * The director edits an indicator's baselines and targets. The configuration files stay the
 * source of truth: the installation's indicators.json is rewritten (atomically), the running
 * configuration follows, the change is mirrored into the database with its audit entry (who,
 * before → after), and a pipeline run recomputes statuses.
 */
@Injectable()
export class IndicatorTargetsService {
  private readonly logger = new Logger('IndicatorTargets');

  constructor(
    @Inject(ReferenceDataRepository) private readonly referenceData: ReferenceDataRepository,
    @Inject(PipelineService) private readonly pipeline: PipelineService,
    @Inject(OSL_CONFIG) private readonly config: OslConfig,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
  ) {}

  async update(viewer: Viewer, code: string, input: TargetsInput): Promise<{ indicator: IndicatorConfig; pipelineRunId: number | null }> {
    const index = this.config.indicators.findIndex((i) => i.code === code.toUpperCase());
    if (index < 0) throw DomainError.notFound('indicator.unknown', { code, allowed: this.config.indicators.map((i) => i.code).join(', ') });
    const scopes = ['ALL', ...this.config.communities.map((c) => c.code)];
    const updated = applyTargets(this.config.indicators[index], input, scopes, projectYears(this.config.project));
    const indicators = this.config.indicators.map((i, k) => (k === index ? updated : i));
    this.writeIndicators(indicators);
    // The running configuration is one shared object: every service sees the new targets.
    this.config.indicators[index] = updated;
    await this.referenceData.syncConfiguration(this.config, viewer.email);
    let pipelineRunId: number | null = null;
    try {
      const { id, done } = await this.pipeline.start('api', 'incremental');
      void done.catch(() => undefined);
      pipelineRunId = id;
    } catch (error) {
      // A run in progress is followed by the schedule's next one, which sees the changed configuration.
      if (!(error instanceof PipelineBusyError)) throw error;
    }
    return { indicator: updated, pipelineRunId };
  }

  /** indicators.json of this installation, written beside and renamed over (never half-written). */
  private writeIndicators(indicators: IndicatorConfig[]): void {
    const own = path.join(this.environment.dataDir, 'config');
    if (this.environment.configDir !== own) {
      // The first edit gives the installation its own configuration, starting from the defaults.
      fs.mkdirSync(own, { recursive: true });
      for (const file of Object.values(configFiles)) {
        const from = path.join(defaultConfigDir, file);
        if (fs.existsSync(from) && !fs.existsSync(path.join(own, file))) fs.copyFileSync(from, path.join(own, file));
      }
      this.environment.configDir = own;
      this.logger.log(`the installation's configuration is now ${own}`);
    }
    const target = path.join(this.environment.configDir, configFiles.indicators);
    const temporary = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, `${JSON.stringify(indicators, null, 2)}\n`);
    fs.renameSync(temporary, target);
  }
}
