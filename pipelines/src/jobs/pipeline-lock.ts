import fs from 'node:fs';
import path from 'node:path';

export class PipelineBusyError extends Error {
  constructor(readonly holder: { runId: number | null; pid: number; since: string }) {
    super(`A pipeline run is already in progress (run ${holder.runId ?? '?'}, process ${holder.pid}, since ${holder.since})`);
    this.name = 'PipelineBusyError';
  }
}

/**
 * One pipeline run at a time per data folder, across processes (the server's schedule and
 * the CLI): an exclusive lock file holding the owner's pid. A lock left by a dead process is
 * taken over.
 */
export class PipelineLock {
  private readonly file: string;

  constructor(dataDir: string) {
    fs.mkdirSync(path.join(dataDir, 'analytics'), { recursive: true });
    this.file = path.join(dataDir, 'analytics', 'pipeline.lock');
  }

  acquire(runId: number | null): () => void {
    const content = JSON.stringify({ runId, pid: process.pid, since: new Date().toISOString() });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        fs.writeFileSync(this.file, content, { flag: 'wx' });
        return () => fs.rmSync(this.file, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = this.holder();
        if (holder && isAlive(holder.pid)) throw new PipelineBusyError(holder);
        fs.rmSync(this.file, { force: true });
      }
    }
    throw new Error(`Cannot take the pipeline lock ${this.file}`);
  }

  holder(): { runId: number | null; pid: number; since: string } | null {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      return null;
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
