/**
 * Whether an error means the operational database is held by another writer (SQLite's
 * SQLITE_BUSY / SQLITE_LOCKED, however it reaches us: Prisma's driver adapter wraps it in a
 * P1008 "Operation has timed out" whose message starts with a blank line; better-sqlite3 throws
 * it as it is; `prisma migrate deploy` prints it).
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const candidate = current as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } }; cause?: unknown };
    const original = candidate.meta?.driverAdapterError?.cause?.originalCode;
    if (typeof original === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(original)) return true;
    if (typeof candidate.code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(candidate.code)) return true;
    if (typeof candidate.message === 'string' && /database (is locked|table is locked)|SQLITE_BUSY|SQLITE_LOCKED/.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}

export const databaseBusyMessage = 'the database is busy: another import or run is writing; try again in a moment';

/**
 * An error's message for a person: the busy database plainly; Prisma's reason without the call
 * site it prints first (its last line); otherwise the message, without surrounding blank lines.
 */
export function errorInWords(error: unknown): string {
  if (isDatabaseBusy(error)) return databaseBusyMessage;
  const message = (error instanceof Error ? error.message : String(error)).trim();
  if (error instanceof Error && error.name.startsWith('PrismaClient')) return message.split('\n').map((l) => l.trim()).filter(Boolean).at(-1) ?? error.name;
  return message || (error instanceof Error ? error.name : 'unknown error');
}
