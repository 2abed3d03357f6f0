import { formatImportMessage, type ImportMessageKey, type MessageParams } from '../import.messages.ts';
import type { ImportIssue, Lang, RawTable } from '../import.types.ts';

/**
 * A warning found while reading a file (`RawTable.readWarnings`). The reader does not know the
 * report's language, so the warning keeps its parameters and `readWarningsIn` writes the message
 * again in that language; `message` is Polish meanwhile, as for a `FileRejectedError`.
 */
export interface ReadWarning extends ImportIssue {
  params: MessageParams;
}

/** A read warning about a line of the file, or (row null) about the file as a whole. */
export function readWarning(row: number | null, code: ImportMessageKey, params: MessageParams = {}): ReadWarning {
  return { row, column: null, value: null, code, message: formatImportMessage(code, 'pl', params), params };
}

/** The table's read warnings as a report shows them: messages in `lang`, without their parameters. */
export function readWarningsIn(table: RawTable, lang: Lang): ImportIssue[] {
  return (table.readWarnings ?? []).map((warning) => {
    if (!isReadWarning(warning)) return warning;
    const { params, ...issue } = warning;
    return { ...issue, message: formatImportMessage(warning.code as ImportMessageKey, lang, params) };
  });
}

function isReadWarning(issue: ImportIssue): issue is ReadWarning {
  return 'params' in issue;
}
