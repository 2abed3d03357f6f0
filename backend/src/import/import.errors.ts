import { formatImportMessage, type ImportMessageKey, type MessageParams } from './import.messages.ts';
import type { Lang } from './import.types.ts';

/**
 * A file that cannot be imported at all (empty, too large, not a spreadsheet, encrypted, no header…).
 * `message` is Polish, `messageEn` English; `params` holds the figures the messages were built from.
 * `text`, when given, is the message in both languages when it is made of several catalogue
 * sentences (one naming a workbook's sheets) instead of the code's own.
 */
export class FileRejectedError extends Error {
  readonly messageEn: string;

  constructor(
    readonly code: ImportMessageKey,
    readonly fileName: string,
    readonly params: MessageParams = {},
    text?: Readonly<Record<Lang, string>>,
  ) {
    super(text?.pl ?? formatImportMessage(code, 'pl', params));
    this.name = 'FileRejectedError';
    this.messageEn = text?.en ?? formatImportMessage(code, 'en', params);
  }

  /** The message in the requested language. */
  messageIn(lang: 'pl' | 'en'): string {
    return lang === 'en' ? this.messageEn : this.message;
  }
}
