import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { describeError, lastingRefusalReason } from './error-message';
import { translate } from '$lib/i18n/messages';

describe('lastingRefusalReason', () => {
  it("gives the server's words for a refusal that trying again will not change", () => {
    const refused = new ApiError(400, 'W widoku audytora liczby osób podaje się w miesiącach lub latach.', '/metrics', 'metrics.auditor_view');
    expect(lastingRefusalReason(refused)).toBe('W widoku audytora liczby osób podaje się w miesiącach lub latach.');
    expect(lastingRefusalReason(new ApiError(403, 'Społeczność OST nie jest przypisana do Twojego konta.', '/activities'))).toMatch(/OST/);
  });

  it('gives none for what may pass: the network, the server, a rate limit, a timeout', () => {
    for (const status of [0, 408, 429, 500, 502, 503]) expect(lastingRefusalReason(new ApiError(status, 'x', '/metrics'))).toBeNull();
    expect(lastingRefusalReason(new TypeError('Failed to fetch'))).toBeNull();
  });

  it('gives none without words to show', () => {
    expect(lastingRefusalReason(new ApiError(400, '  ', '/metrics'))).toBeNull();
  });
});

describe('describeError', () => {
  const pl = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('pl', key, params);

  it("gives the server's words and the status as a number, without an English status line or the API path", () => {
    const busy = new ApiError(409, 'Dane są właśnie odświeżane; spróbuj za chwilę.', '/pipeline/runs');
    const text = describeError(busy, pl);
    expect(text).toBe('Dane są właśnie odświeżane; spróbuj za chwilę. (kod odpowiedzi 409)');
    expect(text).not.toMatch(/HTTP|\/pipeline/);
  });

  it('names a lost connection in words and a wordless answer by its status', () => {
    expect(describeError(new ApiError(0, '', '/health'), pl)).toBe('brak połączenia z serwerem');
    expect(describeError(new ApiError(502, ' ', '/health'), pl)).toBe('kod odpowiedzi 502');
  });
});
