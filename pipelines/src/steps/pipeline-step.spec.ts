import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyticsSchemaFile, analyticsTables } from '../analytics/analytics-schema.ts';
import { sqlStatements } from '../analytics/duckdb-sql.ts';
import { periodReaderSqlFiles } from '../indicators/period-drill-down.ts';
import { aggregationSteps, tablesWrittenByTheJob } from './aggregation-steps.ts';
import { checkStepPlan, type PipelineStep } from './pipeline-step.ts';

const srcDir = path.resolve(import.meta.dirname, '..');
const sqlDir = path.join(srcDir, 'sql');

const step = (name: string, reads: string[], writes: string[], readsPrevious?: string[]): PipelineStep => ({
  name,
  label: () => ({ key: 'facts' }),
  reads,
  writes,
  readsPrevious,
  sql: [],
  run: async () => ({ rowsRead: 0, rowsWritten: 0 }),
});

const writeStatement = /\b(?:INSERT\s+INTO|DELETE\s+FROM|UPDATE|CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP\s+)?TABLE|DROP\s+TABLE)\s+(\w+)/gi;
const createStatement = /\bCREATE\s+(?:OR\s+REPLACE\s+)?(TEMP\s+|TEMPORARY\s+)?(?:TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)/gi;

/** The tables of analytics-schema.sql a SQL file names, and those it writes. */
function tablesOf(file: string): { named: Set<string>; written: Set<string> } {
  const text = sqlStatements(file).join(';\n');
  const words = new Set(text.match(/\b\w+\b/g));
  const named = new Set([...analyticsTables().keys()].filter((table) => words.has(table)));
  const written = new Set([...text.matchAll(writeStatement)].map((m) => m[1]!).filter((table) => analyticsTables().has(table)));
  return { named, written };
}

describe('the aggregation steps', () => {
  it('fit together: every table defined by the DDL, read after it is written, written by one step', () => {
    expect(checkStepPlan(aggregationSteps, analyticsTables(), tablesWrittenByTheJob)).toEqual([]);
    expect(new Set(aggregationSteps.map((s) => s.name)).size).toBe(aggregationSteps.length);
  });

  it('declare every table their SQL files name, and every table those files write', () => {
    const undeclared: string[] = [];
    for (const s of aggregationSteps) {
      const declared = new Set([...s.reads, ...s.writes, ...(s.readsPrevious ?? [])]);
      for (const file of s.sql) {
        const { named, written } = tablesOf(file);
        for (const table of named) if (!declared.has(table)) undeclared.push(`${s.name}: ${file}.sql names ${table}`);
        for (const table of written) if (!s.writes.includes(table)) undeclared.push(`${s.name}: ${file}.sql writes ${table}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('run every SQL file there is, and only the schema creates tables of the store', () => {
    const files = fs
      .readdirSync(sqlDir)
      .map((f) => f.replace(/\.sql$/, ''))
      .filter((f) => f !== analyticsSchemaFile);
    // The period readers' files are run on a published file (or a scratch one), by no step.
    const run = new Set([...aggregationSteps.flatMap((s) => s.sql), ...periodReaderSqlFiles]);
    expect(files.filter((f) => !run.has(f))).toEqual([]);
    expect([...run].filter((f) => !files.includes(f))).toEqual([]);
    // A step's own scratch tables are TEMP tables of its connection, named in no other step's files.
    const owners = new Map<string, Set<string>>();
    for (const s of aggregationSteps)
      for (const file of s.sql)
        for (const word of sqlStatements(file)
          .join(' ')
          .match(/\b\w+\b/g) ?? [])
          (owners.get(word) ?? owners.set(word, new Set()).get(word)!).add(s.name);
    const stray: string[] = [];
    for (const file of files) {
      for (const [, temp, table] of sqlStatements(file).join(';\n').matchAll(createStatement)) {
        if (!temp) stray.push(`${file}.sql creates ${table}, which is not TEMP: it belongs in ${analyticsSchemaFile}.sql`);
        else if (analyticsTables().has(table!)) stray.push(`${file}.sql creates ${table} again`);
        else if (owners.get(table!)!.size > 1)
          stray.push(`${file}.sql creates ${table}, which steps ${[...owners.get(table!)!].join(', ')} use: it belongs in ${analyticsSchemaFile}.sql`);
      }
    }
    expect(stray).toEqual([]);
  });

  it('hold no DDL in TypeScript', () => {
    // analytics-schema.ts reads the DDL and names its forms.
    const sources = fs
      .readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && f !== path.join('analytics', 'analytics-schema.ts'));
    const ddl = sources.filter((f) => /\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP\s+)?(?:TABLE|VIEW)\b/i.test(fs.readFileSync(path.join(srcDir, f), 'utf8')));
    expect(ddl).toEqual([]);
  });
});

describe('checkStepPlan', () => {
  const tables = new Map([
    ['a', 'store'],
    ['b', 'store'],
    ['c', 'run'],
  ] as const);

  it('accepts steps that read what earlier steps (or they themselves) wrote', () => {
    expect(checkStepPlan([step('one', [], ['a']), step('two', ['a', 'b'], ['b', 'c'])], tables)).toEqual([]);
  });

  it('refuses a step that reads a table no earlier step writes', () => {
    expect(checkStepPlan([step('two', ['a'], ['b']), step('one', [], ['a'])], tables)).toEqual(['two: reads a, which no earlier step writes']);
  });

  it('refuses two steps writing one table, or a step writing what the job writes', () => {
    expect(checkStepPlan([step('one', [], ['a']), step('two', [], ['a', 'b'])], tables, ['b'])).toEqual([
      'two: a is written by one too',
      'two: b is written by the job too',
    ]);
  });

  it('refuses a table the DDL does not define', () => {
    expect(checkStepPlan([step('one', ['x'], ['a', 'y'], ['z'])], tables)).toEqual([
      'one: x is not defined in analytics-schema.sql',
      'one: y is not defined in analytics-schema.sql',
      'one: z is not defined in analytics-schema.sql',
    ]);
  });

  it('accepts the previous state of a store table that this run rewrites later, and nothing else', () => {
    expect(checkStepPlan([step('one', [], ['c'], ['a']), step('two', [], ['a'])], tables)).toEqual([]);
    expect(checkStepPlan([step('one', [], ['a'], ['c']), step('two', [], ['c'])], tables)).toEqual([
      'one: reads the previous c, which is not kept across runs',
    ]);
    expect(checkStepPlan([step('one', [], ['a']), step('two', [], ['c'], ['a'])], tables)).toEqual([
      'two: reads the previous a, which neither it nor a later step rewrites (declare it in reads)',
    ]);
  });
});
