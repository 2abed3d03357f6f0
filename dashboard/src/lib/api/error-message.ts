// One way to turn a failed request into words for the error box.
import { ApiError } from './client';
import type { MessageKey } from '$lib/i18n/messages';

export function describeError(error: unknown, t: (key: MessageKey) => string): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return `${t('error.network')} (${error.path})`;
    return `HTTP ${error.status} – ${error.message} (${error.path})`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
