import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { formatImportMessage } from '../import/import.messages.ts';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { ImportJobRepository, type ImportJobRow } from '../repositories/import-job.repository.ts';
import { ImportRepository } from '../repositories/import.repository.ts';
import { hashFile, type FileImportReport, type ImportLanguage, type ImportOptions, type ImportProgress } from './import.service.ts';
import type { ImportRefresh } from './import-refresh.ts';
import { ImportRefreshService } from './import-refresh.service.ts';
import { ImportWorkerError, ImportWorkerService } from './import-worker.service.ts';

export interface ImportJob {
  id: string;
  status: 'running' | 'finished' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  progress: ImportProgress | null;
  files: FileImportReport[] | null;
  error: string | null;
  /** When the figures show the imported rows (once the job has ended and a file was imported). */
  refresh: ImportRefresh | null;
}

/** A file received for import, spooled to disk (`path`) under the name its sender gave it. */
export interface SpooledFile {
  fileName: string;
  path: string;
}

type JobOptions = Omit<ImportOptions, 'onProgress' | 'onFileReport'>;

const keepFinishedJobs = 100;
/** Progress is written to the database at most this often (polls in between read it from memory). */
const progressSaveMs = 500;

/**
 * Imports through the API and the inbox: the files are spooled to disk, imported by the import
 * worker process one at a time, and followed as a job kept in the database, so that a poll is
 * answered whichever process is asked and a job a restart cut short says so instead of vanishing.
 */
@Injectable()
export class ImportJobsService {
  private readonly logger = new Logger('ImportJobs');
  /** The latest progress of the jobs this process runs (fresher than the saved one). */
  private readonly live = new Map<string, ImportProgress>();

  constructor(
    @Inject(ImportWorkerService) private readonly worker: ImportWorkerService,
    @Inject(ImportJobRepository) private readonly jobs: ImportJobRepository,
    @Inject(ImportRepository) private readonly history: ImportRepository,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
    @Inject(ImportRefreshService) private readonly refresh: ImportRefreshService,
  ) {}

  /** Where uploads wait for the worker. */
  get spoolFolder(): string {
    return path.join(this.environment.dataDir, 'uploads');
  }

  /** Removes spooled files that will not be imported (a refused request). */
  discard(files: readonly SpooledFile[]): Promise<void> {
    return removeFiles(files);
  }

  /** Starts a job and answers at once; poll it with `get`. */
  async start(files: SpooledFile[], options: JobOptions, ownerId: number | null = null): Promise<ImportJob> {
    let row: ImportJobRow;
    try {
      row = await this.jobs.create({ id: randomUUID(), ownerId, lang: options.lang ?? 'pl', fileNames: files.map((f) => f.fileName) }, this.environment.now());
    } catch (error) {
      await removeFiles(files);
      throw error;
    }
    void this.execute(row.id, files, options).catch((error: Error) => this.logger.error(`import job ${row.id}: ${error.message}`));
    await this.jobs.forgetOld(keepFinishedJobs);
    return { ...this.view(row), refresh: null };
  }

  /**
   * Imports and waits for the reports (a failure of the worker becomes a rejected report per
   * unfinished file); a file imported starts a pipeline run, followed with `refreshOf`.
   */
  async run(files: SpooledFile[], options: JobOptions): Promise<FileImportReport[]> {
    let reports: FileImportReport[];
    try {
      reports = await this.worker.run(randomUUID(), files, options);
    } catch (error) {
      if (!(error instanceof ImportWorkerError)) throw error;
      reports = await this.settleUnfinished(files, options, error.code, error.finished);
    } finally {
      await removeFiles(files);
    }
    void this.refresh.afterImport(reports);
    return reports;
  }

  /** When the figures show the rows of these reports' imported files (null: none was imported). */
  refreshOf(reports: readonly FileImportReport[]): Promise<ImportRefresh | null> {
    return this.refresh.refreshOf(reports);
  }

  /** The job, if `ownerId` started it (null: whoever did). Another user's job is not found: its report holds their file's rows. */
  async get(id: string, ownerId: number | null = null): Promise<ImportJob | undefined> {
    const row = await this.jobs.find(id);
    if (!row || (ownerId !== null && row.ownerId !== ownerId)) return undefined;
    const job = this.view(row);
    return { ...job, refresh: await this.refresh.refreshOf(job.files) };
  }

  /**
   * At start-up: jobs still "running" were cut short by the end of the process that ran them.
   * Each fails with the reason, and each file it had not finished gets a rejected history row
   * (and its audit event) saying it was interrupted and nothing of it was written.
   */
  async failInterrupted(): Promise<number> {
    const running = await this.jobs.running();
    for (const row of running) {
      const finished = new Map<number, FileImportReport>();
      (row.files ?? []).forEach((report, index) => report && finished.set(index, report as FileImportReport));
      const files = row.fileNames.map((fileName) => ({ fileName, path: '' }));
      const reports = await this.settleUnfinished(files, { lang: row.lang, source: 'api', importedBy: 'server' }, 'import_interrupted', finished);
      await this.jobs.fail(row.id, reports, row.progress, 'import_interrupted', formatImportMessage('import_interrupted', row.lang), this.environment.now());
    }
    await fs.rm(this.spoolFolder, { recursive: true, force: true });
    if (running.length > 0) this.logger.warn(`${running.length} import job(s) interrupted by the end of the previous server process are marked failed`);
    return running.length;
  }

  private async execute(id: string, files: SpooledFile[], options: JobOptions): Promise<void> {
    const reports: (FileImportReport | null)[] = files.map(() => null);
    let saved = 0;
    const save = (progress: ImportProgress) => {
      this.live.set(id, progress);
      const now = Date.now();
      if (now - saved < progressSaveMs) return;
      saved = now;
      void this.jobs.saveProgress(id, progress, reports).catch(() => {});
    };
    try {
      const done = await this.worker.run(id, files, options, {
        onProgress: save,
        onFileReport: (index, report) => (reports[index] = report),
      });
      // Asked for before the job shows as finished: its first answer already says where the run is.
      void this.refresh.afterImport(done);
      await this.jobs.finish(id, done, this.live.get(id) ?? null, this.environment.now());
    } catch (error) {
      const code = error instanceof ImportWorkerError ? error.code : 'import_failed';
      const finished = error instanceof ImportWorkerError ? error.finished : new Map<number, FileImportReport>();
      const settled = await this.settleUnfinished(files, options, code, finished);
      // The files finished before the failure are written: the figures show them too.
      void this.refresh.afterImport(settled);
      await this.jobs.fail(
        id,
        settled,
        this.live.get(id) ?? null,
        code,
        formatImportMessage(code, options.lang ?? 'pl', this.messageParams(code)),
        this.environment.now(),
      );
    } finally {
      this.live.delete(id);
      await removeFiles(files);
    }
  }

  /** The reports of a job cut short: the finished files' own, and a rejected one (with a history row) for each other file. */
  private async settleUnfinished(
    files: readonly SpooledFile[],
    options: JobOptions,
    code: ImportWorkerError['code'],
    finished: ReadonlyMap<number, FileImportReport>,
  ): Promise<FileImportReport[]> {
    const lang: ImportLanguage = options.lang ?? 'pl';
    const message = formatImportMessage(code, lang, this.messageParams(code));
    const reports: FileImportReport[] = [];
    for (const [index, file] of files.entries()) {
      const done = finished.get(index);
      if (done) {
        reports.push(done);
        continue;
      }
      const errors = [{ row: null, column: null, value: null, code, message }];
      const sha256 = file.path ? await hashFile(file.path).catch(() => '') : '';
      const batchId = await this.history.recordRejected(
        { fileName: file.fileName, kind: options.kind ?? 'unknown', sha256, source: options.source, importedBy: options.importedBy },
        0,
        errors,
        [],
      );
      reports.push({
        file: file.fileName,
        kind: options.kind ?? null,
        status: 'rejected',
        rows: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        batchId,
        errors,
        warnings: [],
      });
    }
    return reports;
  }

  private messageParams(code: ImportWorkerError['code']): Record<string, number> {
    return code === 'import_out_of_memory' ? { limitMb: this.worker.memoryLimitMb } : {};
  }

  private view(row: ImportJobRow): Omit<ImportJob, 'refresh'> {
    const files = row.status === 'running' ? null : ((row.files ?? null) as FileImportReport[] | null);
    return {
      id: row.id,
      status: row.status,
      startedAt: row.startedAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
      progress: this.live.get(row.id) ?? (row.progress as ImportProgress | null),
      files,
      error: row.error,
    };
  }
}

async function removeFiles(files: readonly SpooledFile[]): Promise<void> {
  await Promise.all(files.map((f) => (f.path ? fs.rm(f.path, { force: true }) : undefined)));
}
