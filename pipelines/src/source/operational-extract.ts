import type { DuckDBConnection } from '@duckdb/node-api';
import type { ExtractCounts } from '@osl/prisma';

export type SourceCounts = ExtractCounts;

export interface StagedExtract {
  /** Rows placed in the staging tables (everything, or what changed after `sinceBatch`). */
  staged: SourceCounts;
  /** Rows in the operational database at the moment it was read, to check the facts against. */
  totals: SourceCounts;
  /** The newest import batch the snapshot contains: the next incremental run starts after it. */
  watermark: number;
}

/**
 * Reads the operational database into the DuckDB staging tables (`sql/analytics-schema.sql`): codes and
 * attributes only, never names or free-text answers. `sinceBatch` = 0 reads everything; a
 * higher value reads the rows written by later import batches (new or corrected rows).
 */
export interface OperationalExtract {
  stage(connection: DuckDBConnection, workDir: string, sinceBatch: number): Promise<StagedExtract>;
}
