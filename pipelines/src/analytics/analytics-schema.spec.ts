import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import {
  analyticsLayoutVersion,
  analyticsSchemaFile,
  analyticsTables,
  createAnalyticsTables,
  layoutVersionOf,
  normaliseDdl,
  parseAnalyticsTables,
} from './analytics-schema.ts';
import { queryRows, sqlText } from './duckdb-sql.ts';

const ddl = `-- the store
CREATE TABLE IF NOT EXISTS t (a INTEGER, b VARCHAR);
CREATE OR REPLACE TABLE r (a INTEGER);`;

describe('the layout version', () => {
  it('is the hash of the schema file as it is now', () => {
    expect(analyticsLayoutVersion()).toBe(layoutVersionOf(sqlText(analyticsSchemaFile)));
    expect(analyticsLayoutVersion()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores comments and layout of the text', () => {
    const reformatted = `CREATE TABLE IF NOT EXISTS t (
      a INTEGER, -- the key
      b VARCHAR
    );

    CREATE OR REPLACE TABLE r ( a INTEGER ) ;`;
    expect(normaliseDdl(reformatted)).toBe(normaliseDdl(ddl));
    expect(layoutVersionOf(reformatted)).toBe(layoutVersionOf(ddl));
  });

  it('changes with any change to a table', () => {
    const versions = new Set([
      layoutVersionOf(ddl),
      layoutVersionOf(ddl.replace('b VARCHAR', 'b VARCHAR, c DOUBLE')),
      layoutVersionOf(ddl.replace('a INTEGER, b', 'a BIGINT, b')),
      layoutVersionOf(ddl.replace('b VARCHAR', 'c VARCHAR')),
      layoutVersionOf(ddl.replace('CREATE OR REPLACE TABLE r', 'CREATE OR REPLACE TEMP TABLE r')),
      layoutVersionOf(ddl.replace('CREATE OR REPLACE TABLE r (a INTEGER);', '')),
    ]);
    expect(versions.size).toBe(6);
  });
});

describe('the analytics tables', () => {
  it('are told apart by how they are created', () => {
    expect(
      parseAnalyticsTables([
        'CREATE TABLE IF NOT EXISTS kept (a INTEGER)',
        'CREATE OR REPLACE TABLE per_run (a INTEGER)',
        'CREATE OR REPLACE TEMP TABLE connection_only (a INTEGER)',
      ]),
    ).toEqual(
      new Map([
        ['kept', 'store'],
        ['per_run', 'run'],
        ['connection_only', 'temp'],
      ]),
    );
  });

  it('refuse other statements and tables defined twice', () => {
    expect(() => parseAnalyticsTables(['CREATE TABLE plain (a INTEGER)'])).toThrow(/not a CREATE TABLE IF NOT EXISTS/);
    expect(() => parseAnalyticsTables(['CREATE TABLE IF NOT EXISTS t AS SELECT 1'])).toThrow(/not a CREATE TABLE IF NOT EXISTS/);
    expect(() => parseAnalyticsTables(['INSERT INTO t VALUES (1)'])).toThrow(/not a CREATE TABLE IF NOT EXISTS/);
    expect(() => parseAnalyticsTables(['CREATE TABLE IF NOT EXISTS t (a INTEGER)', 'CREATE OR REPLACE TABLE t (a INTEGER)'])).toThrow(/defines t twice/);
  });

  it('are what the schema file creates, and creating them again keeps the store and empties the rest', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await createAnalyticsTables(connection);
      const created = await queryRows<{ name: string; temporary: boolean }>(
        connection,
        'SELECT table_name AS name, temporary FROM duckdb_tables() ORDER BY name',
      );
      expect(created.map((t) => t.name)).toEqual([...analyticsTables().keys()].sort());
      for (const table of created) expect(table.temporary, table.name).toBe(analyticsTables().get(table.name) === 'temp');

      await connection.run("INSERT INTO meta VALUES ('k', 'v'); INSERT INTO affected_persons VALUES (1); INSERT INTO staged_dates VALUES (DATE '2024-01-01')");
      await createAnalyticsTables(connection);
      const [counts] = await queryRows<{ meta: number; persons: number; dates: number }>(
        connection,
        'SELECT (SELECT count(*) FROM meta) AS meta, (SELECT count(*) FROM affected_persons) AS persons, (SELECT count(*) FROM staged_dates) AS dates',
      );
      expect(counts).toEqual({ meta: 1, persons: 0, dates: 0 });
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
