import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigSnapshot } from '@osl/data';
import type { ImportMessageKey } from '../import/import.messages.ts';
import type { ParentMessage, WorkerMessage } from '../import/worker/import-worker.protocol.ts';
import { workerEntry } from '../lib/built-code.ts';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import type { FileImportReport, ImportOptions, ImportProgress } from './import.service.ts';
import { ConfigurationService } from './configuration.service.ts';

const importWorker = workerEntry('import-worker', path.join(import.meta.dirname, '..', 'import', 'worker', 'import-worker.main.ts'));
// The backend's compiler settings (decorators), wherever the server was started from.
const backendTsconfig = path.join(import.meta.dirname, '..', '..', 'tsconfig.json');
/** How long a stopping worker may take to end by itself before it is killed. */
const stopGraceMs = 2_000;
/**
 * An idle worker ends after this long: a large file leaves its heap grown (V8 keeps what it took),
 * and a new worker starts in a few seconds when the next import comes.
 */
const defaultIdleExitMs = 60_000;

/** An import the worker could not finish: why, as a message key, and the reports of the files it did finish. */
export class ImportWorkerError extends Error {
  constructor(
    readonly code: Extract<ImportMessageKey, 'import_out_of_memory' | 'import_interrupted' | 'import_failed'>,
    readonly finished: ReadonlyMap<number, FileImportReport>,
    detail: string,
  ) {
    super(detail);
    this.name = 'ImportWorkerError';
  }
}

export interface WorkerJobListeners {
  onProgress?: (progress: ImportProgress) => void;
  onFileReport?: (index: number, report: FileImportReport) => void;
}

interface PendingJob {
  message: ParentMessage;
  listeners: WorkerJobListeners;
  finished: Map<number, FileImportReport>;
  resolve: (reports: FileImportReport[]) => void;
  reject: (error: ImportWorkerError) => void;
}

/**
 * Runs the server's imports in a child process (import/worker/import-worker.main.ts), started
 * when first needed and kept for the next ones; jobs run one at a time in the order they came.
 * The worker has its own database connection and a heap of `importLimits.workerMemoryMb`: an
 * import neither blocks the server's requests nor can take the server down with it. A worker
 * that dies fails the job it was running (saying why) and the next jobs go to a new one.
 */
@Injectable()
export class ImportWorkerService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('ImportWorker');
  private child: ChildProcess | null = null;
  /** Jobs sent to the worker, in order: the first is the one it is running. */
  private readonly pending: PendingJob[] = [];
  private stderrTail = '';
  private stopping = false;
  private idleTimer: NodeJS.Timeout | null = null;

  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
  ) {}

  run(
    jobId: string,
    files: { fileName: string; path: string }[],
    options: Omit<ImportOptions, 'onProgress' | 'onFileReport'>,
    listeners: WorkerJobListeners = {},
  ): Promise<FileImportReport[]> {
    return new Promise((resolve, reject) => {
      if (this.stopping) return reject(new ImportWorkerError('import_interrupted', new Map(), 'the server is stopping'));
      const job: PendingJob = { message: { type: 'run', jobId, files, options }, listeners, finished: new Map(), resolve, reject };
      this.pending.push(job);
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = null;
      this.worker().send(job.message);
    });
  }

  /** ImportService.importFiles's contract, in the worker: files given by path, progress and reports as they come. */
  importFiles(files: { fileName: string; path: string }[], options: ImportOptions): Promise<FileImportReport[]> {
    const { onProgress, onFileReport, ...rest } = options;
    return this.run(randomUUID(), files, rest, { onProgress, onFileReport });
  }

  /** The worker's heap limit (project.json `importLimits.workerMemoryMb`). */
  get memoryLimitMb(): number {
    return this.config.project.importLimits.workerMemoryMb;
  }

  /** The worker's process id while one is running (an idle one ends after a minute). */
  get workerPid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Whether the worker is running a job now. */
  get busy(): boolean {
    return this.pending.length > 0;
  }

  private worker(): ChildProcess {
    if (this.child) return this.child;
    const memoryMb = this.memoryLimitMb;
    // The TypeScript source needs tsx (and the backend's compiler settings); the built worker runs as it is.
    const typescript = importWorker.endsWith('.ts');
    const child = fork(importWorker, [], {
      execArgv: [...(typescript ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : []), `--max-old-space-size=${memoryMb}`],
      env: typescript ? { ...this.environment.env, TSX_TSCONFIG_PATH: backendTsconfig } : this.environment.env,
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    this.stderrTail = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-4_000);
    });
    child.on('message', (message: WorkerMessage) => this.receive(message));
    child.on('exit', (code, signal) => this.exited(child, code, signal));
    child.on('error', (error) => this.logger.error(`import worker: ${error.message}`));
    this.child = child;
    this.logger.log(`import worker started (process ${child.pid}, heap limit ${memoryMb} MB)`);
    return child;
  }

  private receive(message: WorkerMessage): void {
    if (message.type === 'ready') return;
    const job = this.pending.find((j) => j.message.jobId === message.jobId);
    if (!job) return;
    switch (message.type) {
      case 'progress':
        job.listeners.onProgress?.(message.progress);
        break;
      case 'file':
        job.finished.set(message.index, message.report);
        job.listeners.onFileReport?.(message.index, message.report);
        break;
      case 'done':
        this.pending.splice(this.pending.indexOf(job), 1);
        job.resolve(message.reports);
        break;
      case 'failed':
        this.pending.splice(this.pending.indexOf(job), 1);
        this.logger.error(`import job ${job.message.jobId} failed in the worker: ${message.message}`);
        job.reject(new ImportWorkerError('import_failed', job.finished, message.message));
        break;
    }
    if (this.pending.length === 0) this.exitWhenIdle();
  }

  private exitWhenIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(
      () => {
        this.idleTimer = null;
        const idle = this.child;
        if (this.pending.length > 0 || !idle?.connected) return;
        // Retired at once: the next job starts a new worker instead of writing to a closing channel.
        this.child = null;
        idle.disconnect();
      },
      Number(this.environment.env.OSL_IMPORT_WORKER_IDLE_MS) || defaultIdleExitMs,
    );
    this.idleTimer.unref();
  }

  private exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    // A worker retired when idle had no jobs; the jobs belong to its successor.
    if (this.child !== child) return;
    this.child = null;
    const running = this.pending.shift();
    if (!running) return;
    const outOfMemory = /heap out of memory|Allocation failed/i.test(this.stderrTail);
    const reason = this.stopping ? 'import_interrupted' : outOfMemory ? 'import_out_of_memory' : 'import_failed';
    this.logger.error(`import worker ended (code ${code}, signal ${signal}) during job ${running.message.jobId}: ${reason}`);
    running.reject(new ImportWorkerError(reason, running.finished, `worker ended (code ${code}, signal ${signal})`));
    if (this.stopping) {
      for (const job of this.pending.splice(0)) job.reject(new ImportWorkerError('import_interrupted', job.finished, 'the server is stopping'));
      return;
    }
    // The jobs queued behind it go to a new worker.
    if (this.pending.length > 0) {
      const next = this.worker();
      for (const job of this.pending) next.send(job.message);
    }
  }

  /**
   * Stops the worker before the HTTP server waits for its open requests (a synchronous upload is
   * one): a job it was running fails as interrupted, and nothing of its unfinished file is kept.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // An idle worker ends when its channel closes; a busy one is killed: SQLite rolls back its open transaction.
    if (this.pending.length > 0) child.kill('SIGKILL');
    else child.disconnect();
    const timer = setTimeout(() => child.kill('SIGKILL'), stopGraceMs);
    await ended;
    clearTimeout(timer);
  }
}
