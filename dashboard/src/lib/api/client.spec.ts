import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  downloadUrl,
  fetchConfig,
  fetchIndicators,
  fetchMetrics,
  fetchParticipation,
  metricsQuery,
  setCsrfToken,
  setRequestLanguage,
  signIn,
  updateTargets,
  type FetchFn,
} from './client';

function fakeFetch(status: number, body: unknown, contentType = 'application/json') {
  return vi.fn(
    async (_request: Request) =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': contentType },
      }),
  );
}

/** The request the client sent (the generated client hands fetch a Request). */
function sent(fetch: ReturnType<typeof fakeFetch>): Request {
  return fetch.mock.calls[0]![0];
}

const pathAndQuery = (request: Request) => {
  const url = new URL(request.url);
  return url.pathname + url.search;
};

afterEach(() => {
  setCsrfToken(null);
  setRequestLanguage('pl');
});

describe('API client', () => {
  it('calls the same-origin API with the query', async () => {
    const fetch = fakeFetch(200, []);
    await fetchIndicators(2022, 'WZG', { fetch });
    expect(pathAndQuery(sent(fetch))).toBe('/api/indicators?year=2022&community=WZG');
    expect(sent(fetch).method).toBe('GET');
  });

  it("tells the server the dashboard's language, whatever the browser's", async () => {
    const fetch = fakeFetch(200, []);
    await fetchIndicators(2022, undefined, { fetch });
    expect(sent(fetch).headers.get('accept-language')).toBe('pl');
    setRequestLanguage('en');
    await fetchIndicators(2022, undefined, { fetch });
    expect(fetch.mock.calls[1]![0].headers.get('accept-language')).toBe('en');
  });

  it('leaves out parameters that are not given', async () => {
    const fetch = fakeFetch(200, []);
    await fetchIndicators(2022, undefined, { fetch });
    expect(pathAndQuery(sent(fetch))).toBe('/api/indicators?year=2022');
  });

  it('escapes the community code in the path', async () => {
    const fetch = fakeFetch(200, {});
    await fetchParticipation('A/B', { fetch });
    expect(pathAndQuery(sent(fetch))).toBe('/api/communities/A%2FB/participation');
  });

  it('returns the parsed body', async () => {
    const config = { project: { name: 'x' }, years: [2021], communities: [], indicators: [] };
    await expect(fetchConfig({ fetch: fakeFetch(200, config) })).resolves.toEqual(config);
  });

  it('turns the API error format into an ApiError', async () => {
    const error = await fetchParticipation('XYZ', {
      fetch: fakeFetch(404, { statusCode: 404, message: 'Unknown community XYZ', code: 'not_found' }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, message: 'Unknown community XYZ', code: 'not_found' });
  });

  it('copes with an error page that is not JSON', async () => {
    const error = await fetchConfig({ fetch: fakeFetch(502, '<html>Bad gateway</html>', 'text/html') }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502 });
  });

  it('reports a network failure as status 0', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as FetchFn;
    const error = await fetchConfig({ fetch }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, path: '/config' });
  });

  it('does not call an answer that is not what it says a network failure', async () => {
    const error = await fetchConfig({ fetch: fakeFetch(200, '<html>not JSON</html>', 'text/html') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyntaxError);
  });

  it('sends writes as JSON with the session’s CSRF token', async () => {
    setCsrfToken('token-123');
    const fetch = fakeFetch(200, { user: { email: 'a@b.pl' }, csrfToken: 'next', expiresAt: '2026-11-27T13:00:00Z' });
    await signIn('a@b.pl', 'secret', fetch);
    const request = sent(fetch);
    expect(request.method).toBe('POST');
    expect(pathAndQuery(request)).toBe('/api/auth/sign-in');
    expect(request.headers.get('x-csrf-token')).toBe('token-123');
    expect(request.headers.get('content-type')).toMatch(/application\/json/);
    expect(await request.json()).toEqual({ email: 'a@b.pl', password: 'secret' });
  });

  it('sends no CSRF header on reads', async () => {
    setCsrfToken('token-123');
    const fetch = fakeFetch(200, []);
    await fetchIndicators(2022, 'ALL', { fetch });
    expect(sent(fetch).headers.get('x-csrf-token')).toBeNull();
  });

  it('asks for the metrics as an Arrow stream with the lists comma-separated', async () => {
    const fetch = vi.fn(async (_request: Request) => new Response(new Uint8Array(0), { status: 500 }));
    await fetchMetrics({ measures: ['attendances', 'activities'], grain: 'week', communities: ['WZG', 'OST'], groups: [] }, { fetch }).catch(() => null);
    const request = sent(fetch as unknown as ReturnType<typeof fakeFetch>);
    expect(request.headers.get('accept')).toBe('application/vnd.apache.arrow.stream');
    expect(Object.fromEntries(new URL(request.url).searchParams)).toEqual({ measures: 'attendances,activities', grain: 'week', communities: 'WZG,OST' });
    expect(metricsQuery({ measures: ['turnout'], grain: 'month' })).toEqual({ measures: 'turnout', grain: 'month' });
  });

  it('builds download addresses from the same route names', () => {
    expect(downloadUrl('/api/exports/indicators/{code}/sources', { path: { code: 'P1' }, query: { year: '2022', community: 'ALL', format: 'csv' } })).toBe(
      '/api/exports/indicators/P1/sources?year=2022&community=ALL&format=csv',
    );
    expect(downloadUrl('/api/imports/templates/{kind}', { path: { kind: 'activities' } })).toBe('/api/imports/templates/activities');
  });

  it('answers a refused target change with the API’s message', async () => {
    const fetch = vi.fn(async (request: Request) => {
      expect(request.method).toBe('PUT');
      expect(await request.json()).toEqual({ targets: { ALL: { '2022': 120 } } });
      return new Response(JSON.stringify({ statusCode: 400, message: 'targets.ALL.2022: must be a number ≥ 0' }), { status: 400 });
    });
    // updateTargets goes through the global fetch (the page calls it without options).
    vi.stubGlobal('fetch', fetch);
    try {
      await expect(updateTargets('P1', { targets: { ALL: { '2022': 120 } } })).rejects.toMatchObject({
        status: 400,
        message: 'targets.ALL.2022: must be a number ≥ 0',
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
