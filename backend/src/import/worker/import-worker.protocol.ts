import type { FileImportReport, ImportOptions, ImportProgress } from '../../services/import.service.ts';

/** What the server asks of its import worker: import these files (by path) with these options. */
export type ParentMessage = {
  type: 'run';
  jobId: string;
  files: { fileName: string; path: string }[];
  options: Omit<ImportOptions, 'onProgress' | 'onFileReport'>;
};

/** What the worker tells the server. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; jobId: string; progress: ImportProgress }
  | { type: 'file'; jobId: string; index: number; report: FileImportReport }
  | { type: 'done'; jobId: string; reports: FileImportReport[] }
  | { type: 'failed'; jobId: string; message: string };
