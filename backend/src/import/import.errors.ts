import { formatImportMessage, type ImportMessageKey, type MessageParams } from './import.messages.ts';

/**
 * A file that cannot be imported at all (empty, too large, not a spreadsheet, encrypted, no header…).
 * `message` is Polish, `messageEn` English; `params` holds the figures the messages were built from.
 */
export class FileRejectedError extends Error {
  readonly messageEn: string;

  constructor(
    readonly code: ImportMessageKey,
    readonly fileName: string,
    readonly params: MessageParams = {},
  ) {
    super(formatImportMessage(code, 'pl', params));
    this.name = 'FileRejectedError';
    this.messageEn = formatImportMessage(code, 'en', params);
  }

  /** The message in the requested language. */
  messageIn(lang: 'pl' | 'en'): string {
    return lang === 'en' ? this.messageEn : this.message;
  }
}
