// Every JSON answer of the API checked against the route's contract (backend/src/controllers/*.contract.ts):
// vitest.config.ts installs this around fetch for every test file, so each integration test that
// calls the API checks the contracts too.
import { apiRoutes, errorAnswerSchema, matchRoute } from '@osl/backend';

/**
 * Fails when a JSON answer is not what the route's contract says: a success against its response
 * schema (a route answering JSON without one fails too), an error against the error shape.
 */
export async function checkAgainstContract(method: string, pathname: string, response: Response): Promise<void> {
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) return;
  const route = matchRoute(apiRoutes, method, pathname);
  if (!route) return;
  const body: unknown = await response.clone().json();
  const schema = response.ok ? route.contract?.response : errorAnswerSchema;
  if (!schema) throw new Error(`${route.key} answered JSON, but its contract has no response schema`);
  const result = schema.safeParse(body);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(answer)'}: ${issue.message}`);
    throw new Error(`${method} ${pathname} (${response.status}) does not match the contract of ${route.key}:\n${issues.join('\n')}`);
  }
}

/** Wraps the global fetch so that every answer of a local test server's API is checked. */
export function checkApiAnswers(): void {
  const unchecked = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const response = await unchecked(input, init);
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
    if (local && url.pathname.startsWith('/api/')) {
      const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
      await checkAgainstContract(method, url.pathname, response);
    }
    return response;
  };
}
