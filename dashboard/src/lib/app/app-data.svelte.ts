// Data every page needs, loaded once: the session (who is signed in), health for the header, and
// the configuration. Nothing but the sign-in form is shown until a session exists.
import {
  changePassword,
  fetchConfig,
  fetchHealth,
  fetchSession,
  onSessionEnded,
  setCsrfToken,
  signIn,
  signOut,
  type ConfigResponse,
  type HealthResponse,
  type SessionResponse,
} from '$lib/api/client';
import { createLatestRequest } from './latest-request';

class AppDataStore {
  session = $state<SessionResponse | null>(null);
  health = $state<HealthResponse | null>(null);
  config = $state<ConfigResponse | null>(null);
  error = $state<unknown>(null);
  loading = $state(false);
  /** Set when the server ended the session (idle or expired): the sign-in form says so. */
  sessionEnded = $state(false);

  #pending: Promise<void> | null = null;
  // A reload (retry, sign-in) supersedes the load before it; signing out cancels it.
  #request = createLatestRequest();

  constructor() {
    onSessionEnded(() => this.#signedOut(true));
  }

  get user() {
    return this.session?.user ?? null;
  }

  /** Loads once; `force` reloads (the "try again" button). */
  load(force = false): Promise<void> {
    if (this.#pending && !force) return this.#pending;
    this.#pending = this.#fetch();
    return this.#pending;
  }

  async signIn(email: string, password: string): Promise<void> {
    const answer = await signIn(email, password);
    setCsrfToken(answer.csrfToken);
    this.session = { ...answer, demo: this.session?.demo ?? false };
    this.sessionEnded = false;
    await this.load(true);
  }

  async signOut(): Promise<void> {
    try {
      await signOut();
    } finally {
      this.#signedOut(false);
    }
  }

  async changePassword(current: string, next: string): Promise<void> {
    await changePassword(current, next);
    await this.load(true);
  }

  #signedOut(byServer: boolean): void {
    this.#request.cancel();
    this.loading = false;
    setCsrfToken(null);
    this.session = this.session ? { ...this.session, user: null, csrfToken: null, expiresAt: null } : null;
    this.config = null;
    this.sessionEnded = byServer;
  }

  async #fetch(): Promise<void> {
    this.loading = true;
    this.error = null;
    const applied = await this.#request.run(
      async (signal) => {
        const [session, health] = await Promise.all([fetchSession({ signal }), fetchHealth({ signal })]);
        // The configuration is for signed-in users only (and not before a one-time password is replaced).
        const config = session.user && !session.user.mustChangePassword ? await fetchConfig({ signal }) : null;
        return { session, health, config };
      },
      {
        onResult: ({ session, health, config }) => {
          setCsrfToken(session.csrfToken);
          this.session = session;
          this.health = health;
          this.config = config;
        },
        onError: (error) => (this.error = error),
      },
    );
    if (applied) this.loading = false;
  }
}

export const appData = new AppDataStore();
