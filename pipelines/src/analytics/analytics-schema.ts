import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile, sqlStatements, sqlText } from './duckdb-sql.ts';

/** The file holding every table of the analytics store and every table steps hand to each other. */
export const analyticsSchemaFile = 'analytics-schema';

/**
 * How long a table lives, from how analytics-schema.sql creates it: `store` (CREATE TABLE IF NOT
 * EXISTS) is kept in the published file and carried over by incremental runs; `run` (CREATE OR
 * REPLACE TABLE) is new and empty in each run; `temp` (CREATE OR REPLACE TEMP TABLE) is the same on
 * the build's connection only.
 */
export type TableLifetime = 'store' | 'run' | 'temp';

const createStatement = /^CREATE\s+(OR\s+REPLACE\s+)?(TEMP\s+|TEMPORARY\s+)?TABLE\s+(IF\s+NOT\s+EXISTS\s+)?("?)(\w+)\4\s*\(/i;

/** The tables the DDL defines, by name, with their lifetime; throws on a statement of another form. */
export function parseAnalyticsTables(statements: readonly string[]): Map<string, TableLifetime> {
  const tables = new Map<string, TableLifetime>();
  for (const statement of statements) {
    const match = createStatement.exec(statement);
    const [, replace, temp, ifNotExists, , name] = match ?? [];
    let lifetime: TableLifetime | null = null;
    if (match && !temp && ifNotExists && !replace) lifetime = 'store';
    else if (match && !temp && replace && !ifNotExists) lifetime = 'run';
    else if (match && temp && replace && !ifNotExists) lifetime = 'temp';
    if (!lifetime || !name) {
      throw new Error(
        `${analyticsSchemaFile}.sql: not a CREATE TABLE IF NOT EXISTS, CREATE OR REPLACE TABLE or CREATE OR REPLACE TEMP TABLE: ${statement.slice(0, 80)}`,
      );
    }
    if (tables.has(name)) throw new Error(`${analyticsSchemaFile}.sql defines ${name} twice`);
    tables.set(name, lifetime);
  }
  return tables;
}

let tables: Map<string, TableLifetime> | null = null;

/** The tables of analytics-schema.sql. */
export function analyticsTables(): ReadonlyMap<string, TableLifetime> {
  tables ??= parseAnalyticsTables(sqlStatements(analyticsSchemaFile));
  return tables;
}

/** DDL without its comments and with whitespace collapsed: what the layout version is a hash of. */
export function normaliseDdl(text: string): string {
  return text
    .replace(/--.*$/gm, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),;])\s*/g, '$1')
    .trim();
}

/** The layout version of a DDL text: its normalised form's SHA-256 (hex). */
export function layoutVersionOf(ddl: string): string {
  return createHash('sha256').update(normaliseDdl(ddl)).digest('hex');
}

let layout: string | null = null;

/**
 * The layout version of this code's analytics store, derived from analytics-schema.sql: any change
 * to a table changes it, and an incremental run never builds on a file of another layout.
 */
export function analyticsLayoutVersion(): string {
  layout ??= layoutVersionOf(sqlText(analyticsSchemaFile));
  return layout;
}

/** Creates the store's tables that do not exist yet and this run's tables, new and empty. */
export async function createAnalyticsTables(connection: DuckDBConnection): Promise<void> {
  await runSqlFile(connection, analyticsSchemaFile);
}
