/** Usage: node --import tsx data/src/demo/cli.ts <outDir> [seed] — writes the demo files and prints the manifest. */
import path from 'node:path';
import { generateDemoFiles } from './index.ts';

const [outDir, seedArg] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node --import tsx data/src/demo/cli.ts <outDir> [seed]');
  process.exit(2);
}
const seed = seedArg === undefined ? undefined : Number(seedArg);
if (seed !== undefined && !Number.isInteger(seed)) {
  console.error(`seed must be a whole number, got ${seedArg}`);
  process.exit(2);
}
const manifest = await generateDemoFiles(path.resolve(outDir), { seed });
console.log(JSON.stringify(manifest, null, 2));
