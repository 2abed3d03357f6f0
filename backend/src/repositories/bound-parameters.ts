/**
 * Ids per `IN (…)` list: SQLite refuses a statement with more bound parameters than its limit
 * (999 in older builds, and Prisma's driver adapter checks against that), so a list of ids that
 * grows with the data is sent in slices of this size, with room left for the query's other
 * parameters.
 */
export const idsPerStatement = 500;

/** Runs `query` once per slice of `ids` (none when there are no ids) and concatenates the rows. */
export async function findInSlices<Id, Row>(ids: readonly Id[], query: (slice: Id[]) => Promise<Row[]>): Promise<Row[]> {
  const rows: Row[] = [];
  for (let start = 0; start < ids.length; start += idsPerStatement) rows.push(...(await query(ids.slice(start, start + idsPerStatement))));
  return rows;
}
