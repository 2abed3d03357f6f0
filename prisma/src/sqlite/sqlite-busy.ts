/**
 * Whether an error means the SQLite database is held by another writer (SQLITE_BUSY /
 * SQLITE_LOCKED, however it reaches us: Prisma's driver adapter wraps it in a P1008 "Operation
 * has timed out" whose message starts with a blank line; better-sqlite3 throws it as it is;
 * `prisma migrate deploy` prints it).
 */
export function isSqliteBusy(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const candidate = current as {
      code?: unknown;
      message?: unknown;
      meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } };
      cause?: unknown;
    };
    const original = candidate.meta?.driverAdapterError?.cause?.originalCode;
    if (typeof original === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(original)) return true;
    if (typeof candidate.code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(candidate.code)) return true;
    if (typeof candidate.message === 'string' && /database (is locked|table is locked)|SQLITE_BUSY|SQLITE_LOCKED/.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}
