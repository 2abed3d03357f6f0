import { formatImportMessage, importMessages, type ImportMessageKey } from './import.messages.ts';
import type { ImportIssue, Lang } from './import.types.ts';

/** Issues whose value or message carries a person's name. */
const nameColumns = new Set(['first_name', 'last_name']);
const nameCodes = new Set([
  'name_not_found',
  'name_not_found_suggestion',
  'name_not_found_code_suggestion',
  'name_ambiguous',
  'name_code_mismatch',
  'duplicate_name_in_register',
]);

const hidden: Record<Lang, string> = { pl: '(dane osobowe ukryte)', en: '(personal data hidden)' };

/**
 * The issues as they may be stored and shown in the import history: names taken out of values
 * and messages. The person who uploaded the file sees the full report once; what is kept is not
 * personal data beyond participant codes (docs/spec/domain.md, "Personal data").
 */
export function redactPersonalData(issues: readonly ImportIssue[], lang: Lang): ImportIssue[] {
  return issues.map((issue) => {
    // By the canonical name: the header as written may be anything ("Nazwisko", "Surname"); reports
    // stored before issues carried it named the column canonically.
    const field = issue.field ?? issue.column;
    if (!nameCodes.has(issue.code) && !(field && nameColumns.has(field))) return issue;
    const known = issue.code in importMessages;
    return {
      ...issue,
      value: issue.value === null ? null : hidden[lang],
      message: known
        ? formatImportMessage(issue.code as ImportMessageKey, lang, { value: hidden[lang], name: '…', codes: '…', code: '…', firstRow: '…' })
        : hidden[lang],
    };
  });
}
