/**
 * Writes a new migration from the change of schema.prisma since a git revision (default HEAD):
 *   npm run migrations:diff -w @osl/prisma -- <name> [--from <rev>]
 * `prisma migrate dev` needs the native schema engine; `migrate diff` between two schema files
 * runs on the WebAssembly one. Review the SQL, then commit it with the schema change;
 * src/migrations.spec.ts fails while the migrations and the schema disagree.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prismaCliArguments, prismaPackageDir as packageDir } from '../src/prisma-cli.ts';

const { values, positionals } = parseArgs({ options: { from: { type: 'string', default: 'HEAD' } }, allowPositionals: true });
const name = positionals[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migrations:diff -w @osl/prisma -- <name, lower case with _> [--from <git revision>]');
  process.exit(2);
}
const before = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-schema-'));
try {
  const previous = execFileSync('git', ['show', `${values.from}:prisma/schema.prisma`], { cwd: packageDir, encoding: 'utf8' });
  fs.writeFileSync(path.join(before, 'schema.prisma'), previous);
  const output = execFileSync(
    process.execPath,
    prismaCliArguments(
      'migrate',
      'diff',
      '--from-schema-datamodel',
      path.join(before, 'schema.prisma'),
      '--to-schema-datamodel',
      path.join(packageDir, 'schema.prisma'),
      '--script',
    ),
    { cwd: packageDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // The CLI says which configuration it loaded on the same output as the SQL.
  const sql = output.replace(/^Loaded Prisma config.*\n+/m, '');
  if (!/\S/.test(sql.replace(/^--.*$/gm, ''))) {
    console.log(`schema.prisma has not changed since ${values.from}: no migration written`);
  } else {
    // After every existing migration, whatever the clock says: they are applied in name order.
    const existing = fs
      .readdirSync(path.join(packageDir, 'migrations'))
      .filter((entry) => /^\d{14}_/.test(entry))
      .map((entry) => Number(entry.slice(0, 14)))
      .sort((a, b) => a - b);
    const now = Number(new Date().toISOString().replace(/\D/g, '').slice(0, 14));
    const stamp = String(Math.max(now, (existing.at(-1) ?? 0) + 1));
    const dir = path.join(packageDir, 'migrations', `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
    console.log(`wrote ${path.relative(process.cwd(), path.join(dir, 'migration.sql'))}:\n${sql}`);
  }
} finally {
  fs.rmSync(before, { recursive: true, force: true });
}
