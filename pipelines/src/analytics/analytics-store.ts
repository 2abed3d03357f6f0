import fs from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from '@osl/prisma';
import { cleanUpAfter } from '../jobs/clean-up.ts';
import { publishedAnalyticsSchema, type PublishedAnalytics } from './analytics-meta.ts';

export type { PublishedAnalytics } from './analytics-meta.ts';

/** Who builds `build-<run>.duckdb`: written beside it before the build starts. */
interface BuildOwner {
  runId: number;
  pid: number;
  since: string;
}

const pointerName = 'CURRENT.json';
// build-000012.duckdb, its .wal and .tmp (DuckDB's spill folder), build-000012.owner; work-12.
const runArtifact = /^(?:build-(\d+)\.|work-(\d+)$)/;
const pointerTemporary = /^CURRENT\.json\.(\d+)\.tmp$/;
// asof-<pid>-<n>.duckdb (with its .wal and .tmp) and asof-<pid>-<n>.work: a build "as of" a past moment, never published.
const scratchArtifact = /^asof-(\d+)-(\d+)\./;

/** The scratch builds this process has under way, by file name (their process is alive: this one). */
const scratchHere = new Set<string>();
let scratchCount = 0;

/** The run each process is building, per analytics folder (one run at a time per folder: the pipeline lock). */
const buildingHere = new Map<string, number>();

/**
 * The analytics files of one installation: a run builds `build-<run>.duckdb` beside the
 * published file and publishes by atomically replacing the pointer `CURRENT.json`. Readers
 * always open the file the pointer names, so a failed or killed run leaves them untouched.
 * What a killed run leaves behind (its build file, work folder) is removed at the next publish
 * or start-up; a build is known to be alive by the owner file written beside it (its process).
 */
export class AnalyticsStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.resolve(dataDir, 'analytics');
  }

  /** Where run `runId` builds; records this process as the build's owner. */
  buildPath(runId: number): string {
    fs.mkdirSync(this.dir, { recursive: true });
    const owner: BuildOwner = { runId, pid: process.pid, since: new Date().toISOString() };
    fs.writeFileSync(this.ownerPath(runId), JSON.stringify(owner));
    buildingHere.set(this.dir, runId);
    return path.join(this.dir, `build-${pad(runId)}.duckdb`);
  }

  /**
   * A place for a build that is never published (the figures "as of" a past moment): a file and a
   * work folder named by this process, which `removeAbandoned` removes once the process is gone.
   * `remove` deletes both and forgets them.
   */
  scratchBuild(): { file: string; workDir: string; remove: () => void } {
    fs.mkdirSync(this.dir, { recursive: true });
    scratchCount += 1;
    const stem = `asof-${process.pid}-${scratchCount}`;
    const file = path.join(this.dir, `${stem}.duckdb`);
    const workDir = path.join(this.dir, `${stem}.work`);
    scratchHere.add(stem);
    return {
      file,
      workDir,
      remove: () => {
        for (const leftover of [file, `${file}.wal`, `${file}.tmp`, workDir]) fs.rmSync(leftover, { recursive: true, force: true });
        scratchHere.delete(stem);
      },
    };
  }

  current(): PublishedAnalytics | null {
    try {
      const pointer = publishedAnalyticsSchema.parse(JSON.parse(fs.readFileSync(path.join(this.dir, pointerName), 'utf8')));
      return fs.existsSync(path.join(this.dir, pointer.file)) ? pointer : null;
    } catch {
      return null;
    }
  }

  currentPath(): string | null {
    const current = this.current();
    return current ? path.join(this.dir, current.file) : null;
  }

  /**
   * Turns a finished build into the published state, then removes older states and what
   * interrupted runs left behind. When the build cannot be moved into place, it is discarded
   * and the previous state keeps serving.
   */
  publish(buildFile: string, runId: number, builtAt: Date): PublishedAnalytics {
    const file = `analytics-${pad(runId)}.duckdb`;
    try {
      fs.renameSync(buildFile, path.join(this.dir, file));
    } catch (error) {
      throw cleanUpAfter(new Error(`cannot publish ${path.basename(buildFile)} as ${file}: ${(error as Error).message}`), () => this.discard(buildFile));
    }
    const pointer = publishedAnalyticsSchema.parse({ file, runId, builtAt: builtAt.toISOString() });
    const temporary = path.join(this.dir, `${pointerName}.${process.pid}.tmp`);
    fs.writeFileSync(temporary, JSON.stringify(pointer));
    fs.renameSync(temporary, path.join(this.dir, pointerName));
    fs.rmSync(this.ownerPath(runId), { force: true });
    this.removeAllBut(file);
    this.removeAbandoned();
    return pointer;
  }

  /**
   * Deletes an unfinished build (a failed run) and its write-ahead log. Only files: whatever
   * else stands at those paths is left to `removeAbandoned`.
   */
  discard(buildFile: string): void {
    for (const candidate of [buildFile, `${buildFile}.wal`]) {
      if (fs.lstatSync(candidate, { throwIfNoEntry: false })?.isDirectory()) continue;
      // unlink, not rm: a refusal then reads "unlink", not rm's fallback to a folder ("scandir").
      removeFile(candidate);
    }
  }

  /**
   * Removes what runs that are no longer alive left behind: build files (with their write-ahead
   * log, spill folder and owner file), work folders, scratch builds "as of" a past moment and
   * half-written pointers. A build whose
   * owner process is alive is never touched. Returns the names removed.
   */
  removeAbandoned(): string[] {
    const removed: string[] = [];
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return removed;
    }
    const liveness = new Map<number, boolean>();
    for (const name of names) {
      const artifact = runArtifact.exec(name);
      const temporary = pointerTemporary.exec(name);
      const scratch = scratchArtifact.exec(name);
      let abandoned = false;
      if (artifact) {
        const runId = Number(artifact[1] ?? artifact[2]);
        if (!liveness.has(runId)) liveness.set(runId, this.buildIsAlive(runId));
        abandoned = !liveness.get(runId);
      } else if (scratch) {
        const pid = Number(scratch[1]);
        abandoned = pid === process.pid ? !scratchHere.has(`asof-${scratch[1]}-${scratch[2]}`) : !isProcessAlive(pid);
      } else if (temporary) {
        const pid = Number(temporary[1]);
        abandoned = pid !== process.pid && !isProcessAlive(pid);
      }
      if (!abandoned) continue;
      try {
        fs.rmSync(path.join(this.dir, name), { recursive: true, force: true });
        removed.push(name);
      } catch {
        // Left for the next attempt; a leftover never affects what is served.
      }
    }
    return removed.sort();
  }

  private buildIsAlive(runId: number): boolean {
    let owner: BuildOwner;
    try {
      owner = JSON.parse(fs.readFileSync(this.ownerPath(runId), 'utf8')) as BuildOwner;
    } catch {
      return false;
    }
    // In this process only the latest build can be running; an earlier one here failed.
    if (owner.pid === process.pid) return buildingHere.get(this.dir) === runId;
    return isProcessAlive(owner.pid);
  }

  private ownerPath(runId: number): string {
    return path.join(this.dir, `build-${pad(runId)}.owner`);
  }

  // Readers holding an older file keep it open until they switch; unlinking is safe on POSIX.
  // Never fails a publish that has already switched the pointer: what cannot go now goes next time.
  private removeAllBut(keep: string): void {
    for (const name of fs.readdirSync(this.dir)) {
      if (name.startsWith('analytics-') && name !== keep && !name.startsWith(`${keep}`)) {
        try {
          fs.rmSync(path.join(this.dir, name), { recursive: true, force: true });
        } catch {
          // see above
        }
      }
    }
  }
}

function removeFile(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function pad(runId: number): string {
  return String(runId).padStart(6, '0');
}
