// One way to turn a failed request into words for the error box.
import { ApiError } from './client';
import type { MessageKey } from '$lib/i18n/messages';

/**
 * A failure in the reader's words: the server's message (already in the dashboard's language) and
 * the answer's status as a number for whoever is asked for help; never an English status line or
 * an API path.
 */
export function describeError(error: unknown, t: (key: MessageKey, params?: Record<string, string | number>) => string): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    const status = t('error.status', { status: error.status });
    return error.message.trim() ? `${error.message.trim()} (${status})` : status;
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
