import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { workerEntry } from '../../lib/built-code.ts';
import { startWorker } from '../../lib/typescript-worker.ts';
import { FileRejectedError } from '../import.errors.ts';
import type { ImportMessageKey, MessageParams } from '../import.messages.ts';
import type { ImportKind, RawTable, ReadLimits } from '../import.types.ts';

const readerWorker = workerEntry('table-reader.worker', path.join(import.meta.dirname, 'table-reader.worker.ts'));

export interface ReadRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  limits: ReadLimits;
  kindHint: ImportKind | undefined;
}

export type ReadResponse =
  | { id: number; ok: true; table: RawTable }
  | { id: number; ok: false; code: ImportMessageKey; params: MessageParams }
  | { id: number; ok: false; unexpected: string };

export interface ReaderThreadLimits {
  /** Past this, the read is stopped and the file refused as too complex. */
  timeoutMs: number;
  /** The thread's heap; a file needing more is refused as too complex. */
  memoryMb: number;
}

interface Job {
  request: ReadRequest;
  limits: ReaderThreadLimits;
  resolve: (table: RawTable) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread that reads workbooks, one at a time, with a time and a memory limit: whatever a file
 * holds, the importing thread (the server's or the command's) goes on, and a file past a limit is
 * refused with a reason a person can act on. The thread is kept for the next file and started anew
 * after a limit ended it; it never keeps the process alive by itself.
 */
export class ReaderThread {
  private worker: Worker | null = null;
  private workerMemoryMb = 0;
  private readonly queue: Job[] = [];
  private running: { job: Job; timer: NodeJS.Timeout } | null = null;
  private nextId = 1;

  read(buffer: Buffer, fileName: string, readLimits: ReadLimits, kindHint: ImportKind | undefined, limits: ReaderThreadLimits): Promise<RawTable> {
    // A copy of its own, moved to the thread: a small Buffer shares its memory with others.
    const bytes = new Uint8Array(buffer);
    return new Promise<RawTable>((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, bytes, fileName, limits: readLimits, kindHint }, limits, resolve, reject });
      this.next();
    });
  }

  /** Ends the thread (a command ends without it anyway; tests and shutdown call this). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private next(): void {
    if (this.running || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    const worker = this.workerFor(job.limits.memoryMb);
    worker.ref();
    const timer = setTimeout(() => this.fail(job, 'timeout'), job.limits.timeoutMs);
    this.running = { job, timer };
    worker.postMessage(job.request, [job.request.bytes.buffer as ArrayBuffer]);
  }

  private workerFor(memoryMb: number): Worker {
    if (this.worker && this.workerMemoryMb === memoryMb) return this.worker;
    void this.worker?.terminate();
    const resourceLimits = { maxOldGenerationSizeMb: memoryMb };
    const worker = startWorker(readerWorker, { resourceLimits });
    worker.on('message', (response: ReadResponse) => this.answer(worker, response));
    worker.on('error', (error) => this.workerEnded(worker, error));
    worker.on('exit', () => this.workerEnded(worker, null));
    worker.unref();
    this.worker = worker;
    this.workerMemoryMb = memoryMb;
    return worker;
  }

  private answer(worker: Worker, response: ReadResponse): void {
    const running = this.running;
    if (!running || running.job.request.id !== response.id) return;
    clearTimeout(running.timer);
    this.running = null;
    worker.unref();
    const { job } = running;
    if (response.ok) job.resolve(response.table);
    else if ('code' in response) job.reject(new FileRejectedError(response.code, job.request.fileName, response.params));
    else job.reject(new Error(`reading ${job.request.fileName} failed: ${response.unexpected}`));
    this.next();
  }

  private workerEnded(worker: Worker, error: Error | null): void {
    if (worker !== this.worker) return;
    this.worker = null;
    const running = this.running;
    if (!running) return;
    const outOfMemory = (error as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (outOfMemory) this.fail(running.job, 'memory');
    else this.fail(running.job, error ?? new Error('the reader thread ended'));
  }

  private fail(job: Job, why: 'timeout' | 'memory' | Error): void {
    if (this.running?.job !== job) return;
    clearTimeout(this.running.timer);
    this.running = null;
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    if (why instanceof Error) job.reject(why);
    else {
      const params = { seconds: Math.round(job.limits.timeoutMs / 1000), limitMb: job.limits.memoryMb };
      job.reject(new FileRejectedError('xlsx_too_complex', job.request.fileName, params));
    }
    this.next();
  }
}
