import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** One table's rows for the pipeline: a query of SQLite and the DuckDB columns it fills. */
export interface ExportSpec {
  name: string;
  /** Selects the rows with `id` between @lo and @hi (inclusive); each column through quote(). */
  select: string;
  idTable: string;
  /** Where the table has an index on its import batch: the id range of rows newer than @since (so an incremental read skips the rest). */
  changedIdRange?: string;
  columns: Record<string, string>;
}

const rowsPerSlice = 250_000;

/**
 * Reads the embedded SQLite database for the pipeline at C speed: SQLite itself renders each
 * slice of rows as CSV text (quote() makes every value safe), which DuckDB then reads in
 * parallel. Three times faster than fetching rows into JavaScript at ten million rows.
 */
export class SqliteExportRepository {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.pragma('busy_timeout = 30000');
  }

  /** Writes `<dir>/<name>.csv` from a consistent snapshot of the database; returns the row count. */
  export(spec: ExportSpec, dir: string, minImportBatch = 0): { file: string; rows: number } {
    const file = path.join(dir, `${spec.name}.csv`);
    const fd = fs.openSync(file, 'w');
    try {
      const slice = this.db.prepare(`SELECT count(*) AS n, group_concat(line, char(10)) AS text FROM (${spec.select})`);
      const range =
        minImportBatch > 0 && spec.changedIdRange ? spec.changedIdRange : `SELECT min("id") AS lo, max("id") AS hi FROM "${spec.idTable}"`;
      const found = this.db.prepare(range).get(minImportBatch > 0 && spec.changedIdRange ? { since: minImportBatch } : {}) as { lo: number | null; hi: number | null };
      const bounds = { lo: found.lo ?? 1, hi: found.hi ?? 0 };
      let rows = 0;
      for (let lo = bounds.lo; lo <= bounds.hi; lo += rowsPerSlice) {
        const { n, text } = slice.get({ lo, hi: lo + rowsPerSlice - 1, since: minImportBatch }) as { n: number; text: string | null };
        if (!text) continue;
        fs.writeSync(fd, text);
        fs.writeSync(fd, '\n');
        rows += n;
      }
      return { file, rows };
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Runs `work` inside one read transaction, so that every table is read from the same state. */
  snapshot<T>(work: () => T): T {
    return this.db.transaction(work).deferred();
  }

  count(sql: string, ...params: unknown[]): number {
    return (this.db.prepare(sql).get(...params) as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}
