import fs from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { pipelineExtractTables, type ExtractCounts, type OperationalDatabase } from '@osl/prisma';
import type { OperationalExtract, StagedExtract } from './operational-extract.ts';

// The staging table (sql/analytics-schema.sql) each table of the database's extract goes into.
const stagingTables: Record<keyof ExtractCounts, string> = {
  participants: 'stage_participant',
  activities: 'stage_activity',
  attendances: 'stage_attendance',
  surveyAnswers: 'stage_survey_answer',
};

/**
 * The operational database's extract (CSV files it writes from one snapshot, whichever database
 * it is) read into the staging tables by DuckDB, in parallel.
 */
export class DatabaseExtract implements OperationalExtract {
  /** `asOfBatch`: every row as the data stood after that import batch (a full build of a past state), not the rows of now. */
  constructor(
    private readonly database: OperationalDatabase,
    private readonly options: { asOfBatch?: number } = {},
  ) {}

  async stage(connection: DuckDBConnection, workDir: string, sinceBatch: number): Promise<StagedExtract> {
    const { asOfBatch } = this.options;
    const extract = await (asOfBatch === undefined
      ? this.database.exportPipelineExtract(workDir, sinceBatch)
      : this.database.exportPipelineExtract(workDir, sinceBatch, asOfBatch));
    const staged = { participants: 0, activities: 0, attendances: 0, surveyAnswers: 0 };
    const { quote, escape, nullString } = extract.format;
    try {
      for (const { table, file, rows } of extract.tables) {
        staged[table] = rows;
        if (rows === 0) continue;
        const columns = Object.entries(pipelineExtractTables[table])
          .map(([name, type]) => `'${name}': '${type}'`)
          .join(', ');
        await connection.run(
          `INSERT INTO ${stagingTables[table]} SELECT * FROM read_csv($1, header = false, delim = ',', quote = $2, escape = $3,
             nullstr = $4, allow_quoted_nulls = false, auto_detect = false, columns = {${columns}})`,
          [file, quote, escape, nullString],
        );
      }
    } finally {
      for (const { file } of extract.tables) fs.rmSync(file, { force: true });
    }
    return { staged, totals: extract.totals, watermark: extract.watermark };
  }
}
