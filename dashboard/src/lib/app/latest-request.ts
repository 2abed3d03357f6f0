// A page's loader, made safe against answers arriving out of order: of the calls made through one
// `LatestRequest`, only the latest call's outcome is applied; starting a call aborts the one before.

export interface LatestOutcome<T> {
  /** Applied with the answer, when the call is still the latest one. */
  onResult: (value: T) => void;
  /** Applied with the failure, when the call is still the latest one; every failure reaches it. */
  onError: (error: unknown) => void;
}

export interface LatestRequest {
  /**
   * Starts `work` with a signal that aborts once another call starts (or `cancel` is called), and
   * applies its outcome only if no call started since. Never rejects; resolves to whether the
   * outcome was applied (false: superseded, its answer or failure ignored).
   */
  run<T>(work: (signal: AbortSignal) => Promise<T>, outcome: LatestOutcome<T>): Promise<boolean>;
  /** Aborts the call in flight, if any: its outcome will not be applied. */
  cancel(): void;
}

export function createLatestRequest(): LatestRequest {
  let current: AbortController | null = null;
  return {
    async run<T>(work: (signal: AbortSignal) => Promise<T>, outcome: LatestOutcome<T>): Promise<boolean> {
      current?.abort();
      const controller = new AbortController();
      current = controller;
      let settled: { ok: true; value: T } | { ok: false; error: unknown };
      try {
        settled = { ok: true, value: await work(controller.signal) };
      } catch (error) {
        settled = { ok: false, error };
      }
      // Aborted means superseded or cancelled: a newer call (or none) owns the page's state now.
      if (controller.signal.aborted) return false;
      current = null;
      if (settled.ok) outcome.onResult(settled.value);
      else outcome.onError(settled.error);
      return true;
    },
    cancel() {
      current?.abort();
      current = null;
    },
  };
}

/** One `LatestRequest` per key (a row, an activity), for loaders whose answers are kept by key. */
export interface LatestRequestByKey {
  get(key: string): LatestRequest;
  /** Cancels every key's call in flight. */
  cancelAll(): void;
}

export function createLatestRequestByKey(): LatestRequestByKey {
  const byKey = new Map<string, LatestRequest>();
  return {
    get(key) {
      let request = byKey.get(key);
      if (!request) byKey.set(key, (request = createLatestRequest()));
      return request;
    },
    cancelAll() {
      for (const request of byKey.values()) request.cancel();
    },
  };
}
