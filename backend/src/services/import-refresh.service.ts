import { Inject, Injectable } from '@nestjs/common';
import { AnalyticsRepository } from '../repositories/analytics.repository.ts';
import { PipelineRunRepository } from '../repositories/pipeline-run.repository.ts';
import type { FileImportReport } from './import.service.ts';
import { importRefreshOf, newestImportedBatch, typicalRunMs, type ImportRefresh } from './import-refresh.ts';
import { PipelineService, type PipelineRunReport } from './pipeline.service.ts';

/** Recent runs looked at for how long a run usually takes. */
const recentRuns = 30;

/**
 * An accepted import (upload, inbox, command line) reaches the figures without waiting for the
 * schedule: it asks for an incremental run at once, and can say where that run is.
 */
@Injectable()
export class ImportRefreshService {
  constructor(
    @Inject(PipelineService) private readonly pipeline: PipelineService,
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(PipelineRunRepository) private readonly runs: PipelineRunRepository,
  ) {}

  /**
   * Asks for a run when a file was imported (none for files rejected or unchanged). Resolves with
   * that run's report (null: no run was needed or none could start); never rejects.
   */
  afterImport(reports: readonly FileImportReport[]): Promise<PipelineRunReport | null> {
    const batch = newestImportedBatch(reports);
    if (batch === null) return Promise.resolve(null);
    return this.pipeline.runAfterImport(batch);
  }

  /** Where the run that shows these files' rows is; null when none of them was imported. */
  async refreshOf(reports: readonly FileImportReport[] | null): Promise<ImportRefresh | null> {
    const batch = reports && newestImportedBatch(reports);
    if (batch === null || batch === undefined) return null;
    return this.refreshOfBatch(batch);
  }

  /** Where the run that shows import batch `batch` (written by an import or the recording form) is. */
  async refreshOfBatch(batch: number): Promise<ImportRefresh> {
    const [published, recent, holder] = await Promise.all([
      // An unreadable published file (reported by the repository) shows nothing: the run that rebuilds it does.
      this.analytics.publishedState().catch(() => null),
      this.runs.list('pl', recentRuns),
      this.pipeline.holder(),
    ]);
    return importRefreshOf(batch, {
      published,
      runs: this.pipeline.importRunState(),
      holderRunId: holder?.runId ?? null,
      typicalMs: typicalRunMs(recent.map((run) => ({ status: run.status, mode: run.mode, steps: run.steps as { ms?: number }[] | null }))),
    });
  }
}
