import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { lastingRefusalReason } from './error-message';

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
