import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { ImportService, type FileImportReport, type ImportFileInput, type ImportOptions, type ImportProgress } from './import.service.ts';

export interface ImportJob {
  id: string;
  status: 'running' | 'finished' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  progress: ImportProgress | null;
  files: FileImportReport[] | null;
  error: string | null;
}

const keepFinishedJobs = 100;

/**
 * Imports started through the API without waiting for them: the caller polls the job for
 * its progress and, at the end, the same report as a synchronous import.
 */
@Injectable()
export class ImportJobsService {
  private readonly logger = new Logger('ImportJobs');
  private readonly jobs = new Map<string, ImportJob>();
  /** Who started each job (a user id; null for the server itself). */
  private readonly owners = new Map<string, number | null>();

  constructor(
    @Inject(ImportService) private readonly importer: ImportService,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
  ) {}

  start(inputs: ImportFileInput[], options: ImportOptions, ownerId: number | null = null): ImportJob {
    const job: ImportJob = {
      // Not guessable: a job's report names files and rows of its owner's upload.
      id: randomUUID(),
      status: 'running',
      startedAt: this.environment.now().toISOString(),
      finishedAt: null,
      progress: null,
      files: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    this.owners.set(job.id, ownerId);
    this.forgetOldJobs();
    void this.importer
      .importFiles(inputs, { ...options, onProgress: (progress) => (job.progress = progress) })
      .then((files) => Object.assign(job, { status: 'finished', files }))
      .catch((error: Error) => {
        this.logger.error(`import job ${job.id} failed: ${error.message}`);
        Object.assign(job, { status: 'failed', error: 'The import failed unexpectedly; nothing from the unfinished file was written.' });
      })
      .finally(() => (job.finishedAt = this.environment.now().toISOString()));
    return job;
  }

  /** The job, if `ownerId` started it (null: whoever did). */
  get(id: string, ownerId: number | null = null): ImportJob | undefined {
    if (ownerId !== null && this.owners.get(id) !== ownerId) return undefined;
    return this.jobs.get(id);
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - keepFinishedJobs))) {
      this.jobs.delete(job.id);
      this.owners.delete(job.id);
    }
  }
}
