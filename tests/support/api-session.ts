// Signed-in access to a test server's API, as the dashboard does it: the session cookie on every
// request and the CSRF token on every write.
import type { INestApplicationContext } from '@nestjs/common';
import { UsersService, type Role } from '@osl/backend';

export const testPassword = 'haslo-testowe-2024';

/** Creates an account with a known password (the command line's way, acting as admin). */
export async function createUser(app: INestApplicationContext, email: string, role: Role, communities: string[] = []): Promise<void> {
  await app
    .get(UsersService)
    .add({ actor: 'test', role: 'admin', address: null, userId: null }, { email, role, communities, password: testPassword, temporaryPassword: false });
}

/** Creates an account on a running test server and signs it in. */
export async function signInAsNewUser(
  server: { app: INestApplicationContext; url: string },
  email: string,
  role: Role,
  communities: string[] = [],
): Promise<ApiSession> {
  await createUser(server.app, email, role, communities);
  return signIn(server.url, email);
}

export interface ApiSession {
  cookie: string;
  csrfToken: string;
  /** fetch with the session; `init.csrf === false` leaves the CSRF header out. */
  fetch(pathname: string, init?: RequestInit & { csrf?: boolean }): Promise<Response>;
  get(pathname: string): Promise<{ status: number; body: any }>;
}

export async function signIn(baseUrl: string, email: string, password = testPassword): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}: ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return sessionFrom(baseUrl, cookie, csrfToken);
}

export function sessionFrom(baseUrl: string, cookie: string, csrfToken: string): ApiSession {
  const session: ApiSession = {
    cookie,
    csrfToken,
    fetch(pathname, init = {}) {
      const { csrf = true, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (cookie) headers.set('cookie', cookie);
      if (csrf && rest.method && rest.method !== 'GET') headers.set('x-csrf-token', csrfToken);
      return fetch(`${baseUrl}${pathname}`, { ...rest, headers });
    },
    async get(pathname) {
      const response = await session.fetch(pathname);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON (a CSV export): the text.
      }
      return { status: response.status, body };
    },
  };
  return session;
}
