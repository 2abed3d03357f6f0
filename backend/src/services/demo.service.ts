import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { generateDemoFiles } from '@osl/data/demo';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { ImportRepository } from '../repositories/import.repository.ts';
import { ImportService, type FileImportReport } from './import.service.ts';

export class DemoRefusedError extends Error {}

/** Writes the demo files and loads them through the real importer, as a user would. */
@Injectable()
export class DemoService {
  private readonly logger = new Logger('DemoService');

  constructor(
    @Inject(ImportService) private readonly importer: ImportService,
    @Inject(ImportRepository) private readonly imports: ImportRepository,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
  ) {}

  async load(): Promise<FileImportReport[]> {
    if (await this.imports.hasRecordedData()) {
      throw new DemoRefusedError('The database already holds recorded data; demo data is loaded only into an empty installation.');
    }
    const outDir = path.join(this.environment.dataDir, 'demo-files');
    const manifest = await generateDemoFiles(outDir);
    this.logger.log(`demo: ${manifest.files.length} files written to ${outDir}`);
    const reports = await this.importer.importPaths(
      manifest.files.map((f) => f.path),
      { source: 'demo', importedBy: 'demo' },
    );
    const rejected = reports.filter((r) => r.status === 'rejected');
    if (rejected.length > 0) {
      throw new Error(`demo data was rejected by the importer: ${rejected.map((r) => `${r.file} (${r.errors[0]?.message})`).join('; ')}`);
    }
    return reports;
  }
}
