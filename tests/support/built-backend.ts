// The backend as `npm run build` bundles it (backend/scripts/build.ts), made once per test run by
// vitest's globalSetup, so that the tests spawn what `npm run osl` runs and never a stale build.
// Inside the repository (an ignored build/ folder): the bundles' imports resolve from its node_modules.
import path from 'node:path';
import { buildBackend } from '../../backend/scripts/build.ts';

export const builtBackendDir = path.resolve(import.meta.dirname, '..', 'build', 'backend');

/** `node <builtCli> <command>` is `npm run osl -- <command>`. */
export const builtCli = path.join(builtBackendDir, 'cli.js');

export default async function buildBackendForTests(): Promise<void> {
  await buildBackend(builtBackendDir);
}
