import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBAppender, DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';

const sqlDir = path.resolve(import.meta.dirname, '..', 'sql');
const sqlCache = new Map<string, string[]>();

/** The text of `src/sql/<name>.sql`. */
export function sqlText(name: string): string {
  return fs.readFileSync(path.join(sqlDir, `${name}.sql`), 'utf8');
}

/** The statements of `src/sql/<name>.sql`, read once. */
export function sqlStatements(name: string): string[] {
  let statements = sqlCache.get(name);
  if (!statements) {
    statements = sqlText(name)
      .split(/;\s*(?:\n|$)/)
      .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
      .filter((statement) => statement.length > 0);
    sqlCache.set(name, statements);
  }
  return statements;
}

/**
 * Runs every statement of a SQL file; parameters go to the statements that use them (with their
 * types where given: an empty list has none of its own).
 */
export async function runSqlFile(connection: DuckDBConnection, name: string, params: DuckDBValue[] = [], types?: DuckDBType[]): Promise<void> {
  for (const statement of sqlStatements(name)) {
    const used = highestParameter(statement);
    await connection.run(statement, used > 0 ? params.slice(0, used) : undefined, used > 0 ? types?.slice(0, used) : undefined);
  }
}

/** Runs a single-statement SQL file and returns its rows as plain JS values (BigInt → number). */
export async function querySqlFile<T = Record<string, unknown>>(
  connection: DuckDBConnection,
  name: string,
  params: DuckDBValue[] = [],
  types?: DuckDBType[],
): Promise<T[]> {
  const [statement, ...rest] = sqlStatements(name);
  if (!statement || rest.length > 0) throw new Error(`${name}.sql must hold exactly one statement`);
  return queryRows<T>(connection, statement, params, types);
}

export async function queryRows<T = Record<string, unknown>>(
  connection: DuckDBConnection,
  sql: string,
  params: DuckDBValue[] = [],
  types?: DuckDBType[],
): Promise<T[]> {
  const reader = await connection.runAndReadAll(sql, params.length > 0 ? params : undefined, types);
  return reader.getRowObjectsJS().map((row) => toPlain(row)) as T[];
}

function highestParameter(statement: string): number {
  let highest = 0;
  for (const match of statement.matchAll(/\$(\d+)/g)) highest = Math.max(highest, Number(match[1]));
  return highest;
}

// DuckDB counts arrive as BigInt; every count here fits a double exactly.
function toPlain(row: Record<string, unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    plain[key] = typeof value === 'bigint' ? Number(value) : value;
  }
  return plain;
}

/** The number of rows of a table (a name from the code, never from input). */
export async function countRows(connection: DuckDBConnection, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(connection, `SELECT count(*) AS n FROM ${table}`);
  return row!.n;
}

/** Appends rows to a table through DuckDB's appender; returns how many. */
export async function appendRows<T>(
  connection: DuckDBConnection,
  table: string,
  rows: Iterable<T>,
  write: (appender: DuckDBAppender, row: T) => void,
): Promise<number> {
  const appender = await connection.createAppender(table);
  let count = 0;
  try {
    for (const row of rows) {
      write(appender, row);
      appender.endRow();
      count += 1;
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return count;
}

/** Appends a value that may be missing: NULL, or the value through the typed append. */
export function appendNullable<T>(appender: DuckDBAppender, value: T | null, append: (value: T) => void): void {
  if (value === null) appender.appendNull();
  else append(value);
}
