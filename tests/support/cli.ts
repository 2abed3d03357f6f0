import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repositoryRoot } from './installation.ts';

export interface CliOutcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `osl` exactly as `npm run osl --` does (node with tsx), in a given data folder. */
export function runOsl(args: string[], env: NodeJS.ProcessEnv): CliOutcome {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(repositoryRoot, 'backend', 'src', 'cli', 'main.ts'), ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
