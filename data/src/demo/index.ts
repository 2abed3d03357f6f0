import fs from 'node:fs/promises';
import path from 'node:path';
import { defaultConfigDir, loadConfig } from '../config/config.loader.ts';
import type { OslConfig } from '../config/config.schema.ts';
import { buildDemoDataset } from './dataset.ts';
import { planDemoFiles, type DemoFileKind } from './layouts.ts';
import { renderFile } from './writers.ts';

export { buildDemoDataset, DEMO_FIRST_DAY, DEMO_LAST_DAY } from './dataset.ts';
export type { DemoDataset } from './model.ts';

export interface DemoFile {
  path: string;
  kind: DemoFileKind;
}

export interface DemoManifest {
  files: DemoFile[];
  seed: number;
  counts: { participants: number; activities: number; attendances: number; surveyResponses: number };
}

export const DEFAULT_DEMO_SEED = 20210101;

/**
 * Writes realistic input files for 2021-01..2023-12 into outDir and returns them in the order they
 * must be imported. The same seed gives byte-identical files.
 */
export async function generateDemoFiles(outDir: string, options: { seed?: number; config?: OslConfig } = {}): Promise<DemoManifest> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const config = options.config ?? loadConfig(defaultConfigDir);
  const dataset = buildDemoDataset(config, seed);
  const specs = planDemoFiles(dataset, config, seed);
  await fs.mkdir(outDir, { recursive: true });
  const files: DemoFile[] = [];
  for (const spec of specs) {
    const file = path.join(outDir, spec.name);
    await fs.writeFile(file, await renderFile(spec.table, spec.format, spec.savedAt));
    files.push({ path: file, kind: spec.kind });
  }
  return {
    files,
    seed,
    counts: {
      participants: dataset.participants.length,
      activities: dataset.activities.length,
      attendances: dataset.attendances.length,
      surveyResponses: dataset.surveys.length,
    },
  };
}
export { mulberry32 } from './random.ts';
