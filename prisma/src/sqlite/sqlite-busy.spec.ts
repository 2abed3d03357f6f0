import { describe, expect, it } from 'vitest';
import { isSqliteBusy } from './sqlite-busy.ts';

// What Prisma 6.19's better-sqlite3 adapter throws while another process holds the write lock.
const prismaBusy = Object.assign(
  new Error('\nInvalid `tx.survey.upsert()` invocation in\n/work/main/backend/src/repositories/reference-data.repository.ts:40:37\n\nOperation has timed out'),
  {
    name: 'PrismaClientKnownRequestError',
    code: 'P1008',
    meta: {
      modelName: 'Survey',
      driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode: 'SQLITE_BUSY', originalMessage: 'database is locked', kind: 'SocketTimeout' } },
    },
  },
);

describe('SQLite busy', () => {
  it("recognises SQLite's busy database however it is wrapped", () => {
    expect(isSqliteBusy(prismaBusy)).toBe(true);
    expect(isSqliteBusy(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe(true);
    expect(isSqliteBusy(new Error('Command failed: prisma migrate deploy\nError: SQLite database error\ndatabase is locked'))).toBe(true);
    expect(isSqliteBusy(new Error('outer', { cause: prismaBusy }))).toBe(true);
    expect(isSqliteBusy(new Error('EACCES: permission denied'))).toBe(false);
    expect(isSqliteBusy(null)).toBe(false);
  });
});
