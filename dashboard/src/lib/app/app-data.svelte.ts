// Data every page needs (health for the header, configuration for everything else), loaded once.
import {
  fetchConfig,
  fetchHealth,
  type ConfigResponse,
  type HealthResponse
} from '$lib/api/client';

class AppDataStore {
  health = $state<HealthResponse | null>(null);
  config = $state<ConfigResponse | null>(null);
  error = $state<unknown>(null);
  loading = $state(false);

  #pending: Promise<void> | null = null;

  /** Loads once; `force` reloads (the "try again" button). */
  load(force = false): Promise<void> {
    if (this.#pending && !force) return this.#pending;
    this.#pending = this.#fetch();
    return this.#pending;
  }

  async #fetch(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      const [health, config] = await Promise.all([fetchHealth(), fetchConfig()]);
      this.health = health;
      this.config = config;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }
}

export const appData = new AppDataStore();
