import fs from 'node:fs';
import path from 'node:path';

export interface LockHolder {
  runId: number | null;
  pid: number;
  since: string;
}

export class PipelineBusyError extends Error {
  constructor(readonly holder: LockHolder) {
    super(`A pipeline run is already in progress (run #${holder.runId ?? '?'}, process ${holder.pid}, since ${holder.since})`);
    this.name = 'PipelineBusyError';
  }
}

export interface HeldLock {
  /** Names the run in the lock file, so a refused request can say which run is in progress. */
  describe(runId: number): void;
  release(): void;
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

  acquire(runId: number | null): HeldLock {
    const since = new Date().toISOString();
    const content = (id: number | null) => JSON.stringify({ runId: id, pid: process.pid, since } satisfies LockHolder);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        fs.writeFileSync(this.file, content(runId), { flag: 'wx' });
        return {
          // Replaced by rename, so that a reader never sees a half-written lock.
          describe: (id) => {
            const temporary = `${this.file}.${process.pid}.tmp`;
            fs.writeFileSync(temporary, content(id));
            fs.renameSync(temporary, this.file);
          },
          release: () => fs.rmSync(this.file, { force: true }),
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = this.holder();
        if (!holder || isAlive(holder.pid)) throw new PipelineBusyError(holder ?? { runId: null, pid: 0, since: 'unknown' });
        // Two processes may find the same dead holder: only the one whose rename succeeds removes it.
        const stale = `${this.file}.stale-${process.pid}-${Date.now()}`;
        try {
          fs.renameSync(this.file, stale);
        } catch {
          continue;
        }
        fs.rmSync(stale, { force: true });
      }
    }
    throw new Error(`Cannot take the pipeline lock ${this.file}`);
  }

  holder(): LockHolder | null {
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
