// Every community's active decline alerts, loaded once per signed-in user: the overview's summary
// and the marks on the communities in the navigation read the same answer. A failure leaves the
// marks out (the community pages still show their alerts) and the summary says so.
import { fetchActiveAlerts, type DeclineAlert } from '$lib/api/client';
import { activeAlertCounts } from '$lib/alerts/alert-links';
import { createLatestRequest } from './latest-request';

class ActiveAlertsStore {
  alerts = $state<DeclineAlert[] | null>(null);
  error = $state<unknown>(null);
  /** Active alerts per community code. */
  counts = $derived(activeAlertCounts(this.alerts ?? []));

  #loadedFor: number | null = null;
  #request = createLatestRequest();

  /** Loads for this user unless already loaded for them; `force` loads again (a retry). */
  load(userId: number, force = false): Promise<boolean> {
    if (this.#loadedFor === userId && !force) return Promise.resolve(true);
    if (this.#loadedFor !== userId) this.alerts = null;
    this.#loadedFor = userId;
    this.error = null;
    return this.#request.run((signal) => fetchActiveAlerts({ signal }), {
      onResult: (alerts) => (this.alerts = alerts),
      onError: (error) => (this.error = error),
    });
  }

  /** Signed out: nothing of the last user's stays. */
  clear(): void {
    this.#request.cancel();
    this.#loadedFor = null;
    this.alerts = null;
    this.error = null;
  }
}

export const activeAlerts = new ActiveAlertsStore();
