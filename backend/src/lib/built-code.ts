import path from 'node:path';
import { fileURLToPath } from 'node:url';

// `true` in the bundles of backend/scripts/build.ts (esbuild's `define`); undeclared when tsx runs the sources.
declare const OSL_BUNDLED: boolean | undefined;

/** Whether this process runs the built JavaScript of backend/build/ rather than the TypeScript sources. */
export const runsBuiltCode: boolean = typeof OSL_BUNDLED !== 'undefined' && OSL_BUNDLED;

/**
 * A worker's entry point: its bundle (`name`.js, beside the running bundles) when this process runs
 * the built code, else its TypeScript source, run through tsx.
 */
export function workerEntry(name: string, source: string): string {
  return runsBuiltCode ? path.join(path.dirname(fileURLToPath(import.meta.url)), `${name}.js`) : source;
}
