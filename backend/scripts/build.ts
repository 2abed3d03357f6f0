// `npm run build -w @osl/backend`: the backend's entry points as JavaScript in backend/build/, so that
// `npm start` and `npm run osl` run without transpiling the sources at every start (tsx stays for
// tests and development). One ES module bundle per entry point, code they share in chunks beside
// them; the workspace packages (@osl/*) are bundled, node_modules stay imports (but see below).
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const backendDir = path.resolve(import.meta.dirname, '..');

/** The bundles and the sources they start from (the names are what backend/src/lib/built-code.ts runs). */
export const backendEntryPoints = {
  main: 'src/main.ts',
  cli: 'src/cli/main.ts',
  'import-worker': 'src/import/worker/import-worker.main.ts',
  'auditor-mask.worker': 'src/auth/auditor-mask.worker.ts',
  'table-reader.worker': 'src/import/parsing/table-reader.worker.ts',
} as const;

/**
 * Inlined into the CLI and the import worker: packages of many small files that every command
 * loads (Nest's core, rxjs, zod, DuckDB's API: about 700 of a command's 970 files, a third of its
 * start). The server keeps them as imports: its Express, Swagger and schedule modules, loaded from
 * node_modules, must share one Nest with it.
 */
const inlinedIntoCommands = /^(@nestjs\/(common|core)|rxjs|zod|iterare|tslib|uid|fast-safe-stringify|path-to-regexp|reflect-metadata|@duckdb\/node-api)(\/|$)/;

/** Packages outside the repository stay `import`s, resolved from node_modules at run time, except those `inlined`. */
function nodeModulesExternal(inlined: RegExp | null): Plugin {
  return {
    name: 'node-modules-external',
    setup(context) {
      context.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('@osl/') || inlined?.test(args.path)) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

/**
 * The sources find files of the repository (SQL, migrations, configuration, the dashboard) from
 * their own folder: `import.meta.dirname` becomes that folder again, relative to the bundle's.
 */
function sourceDirname(outDir: string): Plugin {
  return {
    name: 'source-dirname',
    setup(context) {
      context.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await fs.promises.readFile(args.path, 'utf8');
        if (!source.includes('import.meta.dirname')) return undefined;
        const relative = path.relative(outDir, path.dirname(args.path)).split(path.sep).join('/');
        return { contents: source.replaceAll('import.meta.dirname', `(import.meta.dirname + ${JSON.stringify(`/${relative}`)})`), loader: 'ts' };
      });
    },
  };
}

/** The backend's bundles in `outDir` (emptied first). */
export async function buildBackend(outDir = path.join(backendDir, 'build')): Promise<void> {
  fs.rmSync(outDir, { recursive: true, force: true });
  const entries = (names: (keyof typeof backendEntryPoints)[]) =>
    Object.fromEntries(names.map((name) => [name, path.join(backendDir, backendEntryPoints[name])]));
  await bundleEntryPoints(entries(['main', 'auditor-mask.worker', 'table-reader.worker']), outDir);
  await bundleEntryPoints(entries(['cli', 'import-worker']), outDir, inlinedIntoCommands);
}

/** Bundles TypeScript entry points (name → absolute path) of this repository as the backend's are built. */
export async function bundleEntryPoints(entryPoints: Record<string, string>, outDir: string, inlined: RegExp | null = null): Promise<void> {
  await build({
    absWorkingDir: backendDir,
    entryPoints,
    outdir: outDir,
    // Chunks beside the entry points: one folder, so one relative path back to each source folder.
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // The tsconfig of every package enables the decorators Nest's `@Inject(...)` needs.
    tsconfig: path.join(backendDir, 'tsconfig.json'),
    define: { OSL_BUNDLED: 'true' },
    // Nest names providers and log contexts after their classes: no renamed class in a bundle.
    keepNames: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    // Inlined CommonJS packages require the ones left outside through Node's own require.
    banner: { js: "import { createRequire as __oslCreateRequire } from 'node:module'; const require = __oslCreateRequire(import.meta.url);" },
    plugins: [nodeModulesExternal(inlined), sourceDirname(outDir)],
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const started = performance.now();
  await buildBackend(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  process.stdout.write(`backend built into build/ in ${Math.round(performance.now() - started)} ms\n`);
}
