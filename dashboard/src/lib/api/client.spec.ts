import { describe, expect, it, vi } from 'vitest';
import { ApiError, fetchConfig, fetchIndicators, fetchParticipation, type FetchFn } from './client';

function fakeFetch(status: number, body: unknown, contentType = 'application/json'): FetchFn {
  return vi.fn(async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': contentType }
    })
  ) as unknown as FetchFn;
}

describe('API client', () => {
  it('calls the same-origin API with the query', async () => {
    const fetch = fakeFetch(200, []);
    await fetchIndicators(2022, 'WZG', { fetch });
    expect(fetch).toHaveBeenCalledWith('/api/indicators?year=2022&community=WZG', expect.anything());
  });

  it('escapes the community code in the path', async () => {
    const fetch = fakeFetch(200, {});
    await fetchParticipation('A/B', { fetch });
    expect(fetch).toHaveBeenCalledWith('/api/communities/A%2FB/participation', expect.anything());
  });

  it('returns the parsed body', async () => {
    const config = { project: { name: 'x' }, years: [2021], communities: [], indicators: [] };
    await expect(fetchConfig({ fetch: fakeFetch(200, config) })).resolves.toEqual(config);
  });

  it('turns the API error format into an ApiError', async () => {
    const error = await fetchParticipation('XYZ', {
      fetch: fakeFetch(404, { statusCode: 404, message: 'Unknown community XYZ' })
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, message: 'Unknown community XYZ' });
  });

  it('copes with an error page that is not JSON', async () => {
    const error = await fetchConfig({ fetch: fakeFetch(502, '<html>Bad gateway</html>', 'text/html') }).catch(
      (e: unknown) => e
    );
    expect(error).toMatchObject({ status: 502 });
  });

  it('reports a network failure as status 0', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as FetchFn;
    const error = await fetchConfig({ fetch }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, path: '/config' });
  });
});
