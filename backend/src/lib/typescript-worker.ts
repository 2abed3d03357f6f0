import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Runs a module in a worker thread with `workerData`, and resolves with the first message it posts.
 * A TypeScript source gets tsx (a worker thread does not inherit the main thread's loader); built
 * JavaScript (backend/build/) runs as it is.
 */
export function runTypeScriptWorker<T>(file: string, workerData: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = startWorker(file, { workerData });
    worker.once('message', (message: T) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`worker ${path.basename(file)} ended with code ${code}`)));
  });
}

/** A worker thread on a built bundle, or on a TypeScript source with tsx registered in it first. */
export function startWorker(file: string, options: WorkerOptions = {}): Worker {
  return file.endsWith('.ts') ? new Worker(tsxWorkerCode(file), { ...options, eval: true }) : new Worker(file, options);
}

function tsxWorkerCode(file: string): string {
  const tsxPackage = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxPackage, 'dist', 'esm', 'api', 'index.mjs')).href;
  return `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })`;
}
