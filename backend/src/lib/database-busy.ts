import { isDatabaseBusy } from '@osl/prisma';

export const databaseBusyMessage = 'the database is busy: another import or run is writing; try again in a moment';

/**
 * An error's message for a person: the busy database plainly; Prisma's reason without the call
 * site it prints first (its last line); otherwise the message, without surrounding blank lines.
 */
export function errorInWords(error: unknown): string {
  if (isDatabaseBusy(error)) return databaseBusyMessage;
  const message = (error instanceof Error ? error.message : String(error)).trim();
  if (error instanceof Error && error.name.startsWith('PrismaClient'))
    return (
      message
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .at(-1) ?? error.name
    );
  return message || (error instanceof Error ? error.name : 'unknown error');
}
