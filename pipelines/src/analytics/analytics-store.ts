import fs from 'node:fs';
import path from 'node:path';

/** What readers are switched to when a run publishes. */
export interface PublishedAnalytics {
  file: string;
  runId: number;
  builtAt: string;
}

const pointerName = 'CURRENT.json';

/**
 * The analytics files of one installation: a run builds `build-<run>.duckdb` beside the
 * published file and publishes by atomically replacing the pointer `CURRENT.json`. Readers
 * always open the file the pointer names, so a failed or killed run leaves them untouched.
 */
export class AnalyticsStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'analytics');
  }

  buildPath(runId: number): string {
    fs.mkdirSync(this.dir, { recursive: true });
    return path.join(this.dir, `build-${String(runId).padStart(6, '0')}.duckdb`);
  }

  current(): PublishedAnalytics | null {
    try {
      const pointer = JSON.parse(fs.readFileSync(path.join(this.dir, pointerName), 'utf8')) as PublishedAnalytics;
      return fs.existsSync(path.join(this.dir, pointer.file)) ? pointer : null;
    } catch {
      return null;
    }
  }

  currentPath(): string | null {
    const current = this.current();
    return current ? path.join(this.dir, current.file) : null;
  }

  /** Turns a finished build into the published state, then removes older states. */
  publish(buildFile: string, runId: number, builtAt: Date): PublishedAnalytics {
    const file = `analytics-${String(runId).padStart(6, '0')}.duckdb`;
    fs.renameSync(buildFile, path.join(this.dir, file));
    const pointer: PublishedAnalytics = { file, runId, builtAt: builtAt.toISOString() };
    const temporary = path.join(this.dir, `${pointerName}.${process.pid}.tmp`);
    fs.writeFileSync(temporary, JSON.stringify(pointer));
    fs.renameSync(temporary, path.join(this.dir, pointerName));
    this.removeAllBut(file);
    return pointer;
  }

  /** Deletes an unfinished build (a failed run) and its write-ahead log. */
  discard(buildFile: string): void {
    for (const candidate of [buildFile, `${buildFile}.wal`]) fs.rmSync(candidate, { force: true });
  }

  // Readers holding an older file keep it open until they switch; unlinking is safe on POSIX.
  private removeAllBut(keep: string): void {
    for (const name of fs.readdirSync(this.dir)) {
      if (name.startsWith('analytics-') && name !== keep && !name.startsWith(`${keep}`)) {
        fs.rmSync(path.join(this.dir, name), { force: true });
      }
    }
  }
}
