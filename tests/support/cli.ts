import { spawn, spawnSync } from 'node:child_process';
import { builtCli } from './built-backend.ts';
import { repositoryRoot } from './installation.ts';

export interface CliOutcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `osl` exactly as `npm run osl --` does (the built CLI), in a given data folder. */
export function runOsl(args: string[], env: NodeJS.ProcessEnv, input?: string): CliOutcome {
  const result = spawnSync(process.execPath, [builtCli, ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
    input,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `runOsl` without blocking this process: for tests that also serve HTTP from it (a blocked event
 * loop lets idle keep-alive connections time out under the client's feet).
 */
export function runOslAsync(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtCli, ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}
