import { describe, expect, it } from 'vitest';
import { databaseBusyMessage, errorInWords } from './database-busy.ts';

// What Prisma 6.19's better-sqlite3 adapter throws while another process holds the write lock.
const prismaBusy = Object.assign(new Error('\nInvalid `tx.survey.upsert()` invocation in\n/work/main/backend/src/repositories/reference-data.repository.ts:40:37\n\nOperation has timed out'), {
  name: 'PrismaClientKnownRequestError',
  code: 'P1008',
  meta: { modelName: 'Survey', driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode: 'SQLITE_BUSY', originalMessage: 'database is locked', kind: 'SocketTimeout' } } },
});

describe('database busy', () => {
  it("puts an error in words: the busy database plainly, Prisma's reason without its call site, otherwise the message", () => {
    expect(errorInWords(prismaBusy)).toBe(databaseBusyMessage);
    const unique = Object.assign(new Error('\nInvalid `prisma.user.create()` invocation:\n\n\nUnique constraint failed on the fields: (`email`)'), { name: 'PrismaClientKnownRequestError', code: 'P2002' });
    expect(errorInWords(unique)).toBe('Unique constraint failed on the fields: (`email`)');
    expect(errorInWords(new Error('\n\n  IO Error: cannot open build-000003.duckdb\nIs a directory; the clean-up also failed: x\n'))).toBe('IO Error: cannot open build-000003.duckdb\nIs a directory; the clean-up also failed: x');
    expect(errorInWords(new TypeError(''))).toBe('TypeError');
  });
});
