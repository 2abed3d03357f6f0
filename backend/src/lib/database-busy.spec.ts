import { describe, expect, it } from 'vitest';
import { databaseBusyMessage, errorInWords } from './database-busy.ts';

// An error the database boundary calls busy (the ways each database shows it are tested beside it, in @osl/prisma).
const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('database busy', () => {
  it("puts an error in words: the busy database plainly, Prisma's reason without its call site, otherwise the message", () => {
    expect(errorInWords(busy)).toBe(databaseBusyMessage);
    const unique = Object.assign(new Error('\nInvalid `prisma.user.create()` invocation:\n\n\nUnique constraint failed on the fields: (`email`)'), {
      name: 'PrismaClientKnownRequestError',
      code: 'P2002',
    });
    expect(errorInWords(unique)).toBe('Unique constraint failed on the fields: (`email`)');
    expect(errorInWords(new Error('\n\n  IO Error: cannot open build-000003.duckdb\nIs a directory; the clean-up also failed: x\n'))).toBe(
      'IO Error: cannot open build-000003.duckdb\nIs a directory; the clean-up also failed: x',
    );
    expect(errorInWords(new TypeError(''))).toBe('TypeError');
  });
});
