import fs from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { ImportService, type FileImportReport } from './import.service.ts';

/** A file younger than this may still be being copied into the inbox. */
const settleMs = 5_000;

/**
 * The inbox folder (`$OSL_DATA_DIR/inbox`): files dropped there are imported on the schedule
 * through the same path as the CLI, then moved to `processed/` or `rejected/` with their
 * report beside them (`<file>.report.json`).
 */
@Injectable()
export class InboxService {
  private readonly logger = new Logger('Inbox');
  private scanning = false;

  constructor(
    @Inject(ImportService) private readonly importer: ImportService,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
  ) {}

  get folder(): string {
    return path.join(this.environment.dataDir, 'inbox');
  }

  async scan(): Promise<FileImportReport[]> {
    if (this.scanning) return [];
    this.scanning = true;
    try {
      const ready = await this.readyFiles();
      if (ready.length === 0) return [];
      const inputs = await Promise.all(ready.map(async (file) => ({ fileName: path.basename(file), content: await fs.readFile(file) })));
      const reports = await this.importer.importFiles(inputs, { source: 'inbox', importedBy: 'inbox' });
      const stamp = this.environment.now().toISOString().replace(/[:.]/g, '-');
      for (const [index, report] of reports.entries()) {
        const target = path.join(this.folder, report.status === 'rejected' ? 'rejected' : 'processed');
        await fs.mkdir(target, { recursive: true });
        const moved = path.join(target, `${stamp}_${report.file}`);
        await fs.rename(ready[index]!, moved);
        await fs.writeFile(`${moved}.report.json`, `${JSON.stringify(report, null, 2)}\n`);
        this.logger.log(`${report.file}: ${report.status}, moved to ${path.relative(this.folder, moved)}`);
      }
      return reports;
    } finally {
      this.scanning = false;
    }
  }

  private async readyFiles(): Promise<string[]> {
    await fs.mkdir(this.folder, { recursive: true });
    const now = Date.now();
    const files: string[] = [];
    for (const entry of await fs.readdir(this.folder, { withFileTypes: true })) {
      // Hidden files and Excel's "~$" lock files are not data.
      if (!entry.isFile() || entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
      const full = path.join(this.folder, entry.name);
      const stat = await fs.stat(full);
      if (now - stat.mtimeMs >= settleMs) files.push(full);
    }
    return files.sort();
  }
}
