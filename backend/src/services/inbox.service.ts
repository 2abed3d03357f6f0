import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import type { FileImportReport } from './import.service.ts';
import { ImportRefreshService } from './import-refresh.service.ts';
import { ImportWorkerService } from './import-worker.service.ts';

/** A file younger than this may still be being copied into the inbox. */
const settleMs = 5_000;
const reportSuffix = '.report.json';
/** Most file systems (ext4, NTFS, APFS) allow 255 bytes (UTF-8) or characters in one name. */
const maxNameBytes = 255;
/** An extension longer than this is not one worth keeping whole. */
const maxExtensionBytes = 16;
/** Files that could not be moved out of the inbox, so that no scan (of any process) imports them again. */
const unmovableListName = '.unmovable.json';

interface ReadyFile {
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
}

type Fingerprint = Pick<ReadyFile, 'name' | 'size' | 'mtimeMs'>;

/**
 * The name a file gets in `processed/` or `rejected/`: `<stamp>_<name>`, shortened when that (with
 * its `.report.json` beside it) would not fit in 255 bytes: the extension kept, whole characters cut
 * from the end of the stem, and a hash of the full name added so two long names stay apart.
 */
export function movedFileName(stamp: string, name: string): string {
  const budget = maxNameBytes - reportSuffix.length;
  const plain = `${stamp}_${name}`;
  if (Buffer.byteLength(plain, 'utf8') <= budget) return plain;
  const extension = path.extname(name);
  const keep = Buffer.byteLength(extension, 'utf8') <= maxExtensionBytes ? extension : '';
  const stem = name.slice(0, name.length - keep.length);
  const suffix = `~${createHash('sha256').update(name).digest('hex').slice(0, 12)}${keep}`;
  let room = budget - Buffer.byteLength(`${stamp}_${suffix}`, 'utf8');
  let cut = '';
  for (const character of stem) {
    room -= Buffer.byteLength(character, 'utf8');
    if (room < 0) break;
    cut += character;
  }
  return `${stamp}_${cut}${suffix}`;
}

const sameFile = (a: Fingerprint, b: Fingerprint) => a.name === b.name && a.size === b.size && a.mtimeMs === b.mtimeMs;

/**
 * The inbox folder (`$OSL_DATA_DIR/inbox`): files dropped there are imported on the schedule
 * through the same path as the CLI, then moved to `processed/` or `rejected/` with their
 * report beside them (`<file>.report.json`). Each file is moved as soon as its report is ready;
 * one that cannot be moved is remembered (name, size, time) and left alone until it changes.
 * A file imported starts a pipeline run, so that the figures show it without waiting for the schedule.
 */
@Injectable()
export class InboxService {
  private readonly logger = new Logger('Inbox');
  private scanning = false;
  /** The same list in memory, for when it cannot be saved (an inbox that cannot be written to). */
  private unmovableInMemory: Fingerprint[] = [];

  constructor(
    // The worker process, as for uploads: a large file in the inbox does not hold the server.
    @Inject(ImportWorkerService) private readonly importer: Pick<ImportWorkerService, 'importFiles'>,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
    @Inject(ImportRefreshService) private readonly refresh: Pick<ImportRefreshService, 'afterImport'>,
  ) {}

  get folder(): string {
    return path.join(this.environment.dataDir, 'inbox');
  }

  async scan(): Promise<FileImportReport[]> {
    if (this.scanning) return [];
    this.scanning = true;
    try {
      const files = await this.readyFiles();
      const saved = await this.readUnmovable(files);
      const unmovable = [
        ...saved,
        ...this.unmovableInMemory.filter((known) => files.some((file) => sameFile(file, known)) && !saved.some((s) => sameFile(s, known))),
      ];
      const ready = files.filter((file) => !unmovable.some((known) => sameFile(known, file)));
      if (ready.length === 0) return [];
      const stamp = this.environment.now().toISOString().replace(/[:.]/g, '-');
      const moves: Promise<void>[] = [];
      const finished: FileImportReport[] = [];
      try {
        // Files given by path are read one at a time, when their turn comes.
        const reports = await this.importer.importFiles(
          ready.map((file) => ({ fileName: file.name, path: file.path })),
          {
            source: 'inbox',
            importedBy: 'inbox',
            onFileReport: (index, report) => {
              finished.push(report);
              moves.push(this.moveOut(ready[index]!, report, stamp, unmovable));
            },
          },
        );
        return reports;
      } finally {
        // Also after a failure part-way: the files finished before it are written.
        void this.refresh.afterImport(finished);
        await Promise.all(moves);
        this.unmovableInMemory = unmovable;
        await this.writeUnmovable(unmovable, files);
      }
    } finally {
      this.scanning = false;
    }
  }

  /** Moves one file with its report beside it; a failure is logged and remembered, never thrown. */
  private async moveOut(file: ReadyFile, report: FileImportReport, stamp: string, unmovable: Fingerprint[]): Promise<void> {
    const target = path.join(this.folder, report.status === 'rejected' ? 'rejected' : 'processed');
    const moved = path.join(target, movedFileName(stamp, file.name));
    try {
      await fs.mkdir(target, { recursive: true });
      await fs.rename(file.path, moved);
    } catch (error) {
      unmovable.push({ name: file.name, size: file.size, mtimeMs: file.mtimeMs });
      this.logger.error(
        `${file.name}: ${report.status}, but it could not be moved to ${path.relative(this.folder, target)}/ (${(error as Error).message}); it is left in the inbox and not imported again until it changes`,
      );
      return;
    }
    try {
      await fs.writeFile(`${moved}${reportSuffix}`, `${JSON.stringify(report, null, 2)}\n`);
    } catch (error) {
      this.logger.error(`${file.name}: moved to ${path.relative(this.folder, moved)}, but its report could not be written (${(error as Error).message})`);
      return;
    }
    this.logger.log(`${file.name}: ${report.status}, moved to ${path.relative(this.folder, moved)}`);
  }

  private async readyFiles(): Promise<ReadyFile[]> {
    await fs.mkdir(this.folder, { recursive: true });
    const now = Date.now();
    const files: ReadyFile[] = [];
    for (const entry of await fs.readdir(this.folder, { withFileTypes: true })) {
      // Hidden files and Excel's "~$" lock files are not data.
      if (!entry.isFile() || entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
      const full = path.join(this.folder, entry.name);
      const stat = await fs.stat(full);
      if (now - stat.mtimeMs >= settleMs) files.push({ path: full, name: entry.name, size: stat.size, mtimeMs: stat.mtimeMs });
    }
    return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** The remembered files still in the inbox unchanged (a changed or removed file is forgotten). */
  private async readUnmovable(present: readonly ReadyFile[]): Promise<Fingerprint[]> {
    let listed: unknown;
    try {
      listed = JSON.parse(await fs.readFile(path.join(this.folder, unmovableListName), 'utf8'));
    } catch {
      return [];
    }
    if (!Array.isArray(listed)) return [];
    return listed.filter(
      (item): item is Fingerprint =>
        typeof item?.name === 'string' && typeof item.size === 'number' && typeof item.mtimeMs === 'number' && present.some((file) => sameFile(file, item)),
    );
  }

  private async writeUnmovable(unmovable: readonly Fingerprint[], present: readonly ReadyFile[]): Promise<void> {
    const list = path.join(this.folder, unmovableListName);
    const kept = unmovable.filter((known) => present.some((file) => sameFile(file, known)));
    try {
      if (kept.length === 0) await fs.rm(list, { force: true });
      else await fs.writeFile(list, `${JSON.stringify(kept, null, 2)}\n`);
    } catch (error) {
      this.logger.error(`the list of files that could not be moved was not saved (${(error as Error).message}); this process still remembers them`);
    }
  }
}
