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

// The request itself is refused (bad, forbidden, not found, too large…): asking again gets the same answer.
const LASTING_REFUSALS = new Set([400, 403, 404, 405, 410, 413, 415, 422]);

/**
 * The server's reason for a refusal that trying again will not change, in its own words (given in
 * the dashboard's language), or null for a failure that may pass (the network, the server, a limit).
 */
export function lastingRefusalReason(error: unknown): string | null {
  if (!(error instanceof ApiError) || !LASTING_REFUSALS.has(error.status)) return null;
  return error.message.trim() || null;
}
