import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

// A worker thread does not inherit the main thread's TypeScript loader: it registers tsx itself.
const tsxPackage = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
const tsxApi = pathToFileURL(path.join(tsxPackage, 'dist', 'esm', 'api', 'index.mjs')).href;

/** Runs a TypeScript module in a worker thread with `workerData`, and resolves with the first message it posts. */
export function runTypeScriptWorker<T>(file: string, workerData: unknown): Promise<T> {
  const code = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })`;
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData });
    worker.once('message', (message: T) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`worker ${path.basename(file)} ended with code ${code}`)));
  });
}
