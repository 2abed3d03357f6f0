/**
 * Failed sign-ins per key (an address with an e-mail address, or an address alone) in a sliding
 * window. Only failures count: a correct password never brings anyone closer to a limit. Kept in
 * the process: one server serves an installation; several instances would keep it in a shared
 * store (the database, Redis) instead.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();
  /** Attempts of a key whose password is being checked now. */
  private readonly inFlight = new Map<string, number>();
  private readonly waiters = new Map<string, (() => void)[]>();
  private recordedSincePrune = 0;

  constructor(
    readonly attempts: number,
    readonly windowMs: number,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may now. */
  retryAfterMs(key: string, nowMs: number): number {
    const recent = this.recent(key, nowMs);
    if (recent.length < this.attempts) return 0;
    return recent[recent.length - this.attempts] + this.windowMs - nowMs;
  }

  /**
   * Whether one more attempt may be checked now: its failures and the attempts being checked stay
   * under the limit, so parallel guesses cannot slip past it while their slow checks run.
   */
  hasRoom(key: string, nowMs: number): boolean {
    return this.recent(key, nowMs).length + (this.inFlight.get(key) ?? 0) < this.attempts;
  }

  /** An attempt of the key starts its check. */
  begin(key: string): void {
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
  }

  /** The check of an attempt is over: a failure counts, anything else (success, refused as busy) does not. */
  end(key: string, failed: boolean, nowMs: number): void {
    const left = (this.inFlight.get(key) ?? 1) - 1;
    if (left > 0) this.inFlight.set(key, left);
    else this.inFlight.delete(key);
    if (failed) this.recordFailure(key, nowMs);
    const waiting = this.waiters.get(key);
    this.waiters.delete(key);
    for (const wake of waiting ?? []) wake();
  }

  /** Resolves when the next attempt of the key being checked ends. */
  settled(key: string): Promise<void> {
    return new Promise((resolve) => {
      const list = this.waiters.get(key) ?? [];
      list.push(resolve);
      this.waiters.set(key, list);
    });
  }

  recordFailure(key: string, nowMs: number): void {
    const recent = this.recent(key, nowMs);
    recent.push(nowMs);
    this.failures.set(key, recent);
    // Keys nobody uses again (an address, a guessed e-mail) would otherwise stay for good.
    if (++this.recordedSincePrune >= 1000) this.prune(nowMs);
  }

  /** The right password from this key: its failures are forgotten. */
  clear(key: string): void {
    this.failures.delete(key);
  }

  /** Keys with failures still in the window (for tests and monitoring). */
  get size(): number {
    return this.failures.size;
  }

  prune(nowMs: number): void {
    this.recordedSincePrune = 0;
    for (const key of [...this.failures.keys()]) this.recent(key, nowMs);
  }

  private recent(key: string, nowMs: number): number[] {
    const list = this.failures.get(key);
    if (!list) return [];
    const kept = list.filter((at) => at > nowMs - this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else if (kept.length !== list.length) this.failures.set(key, kept);
    return kept;
  }
}

/** One limit a sign-in attempt is held to: a limiter and the attempt's key in it. */
export interface SignInCheck {
  limiter: SignInLimiter;
  key: string;
}

/** An attempt let through: say how its check ended, once. */
export interface SignInAttempt {
  end(outcome: 'failed' | 'succeeded' | 'not-checked'): void;
}

export type SignInAdmission = { attempt: SignInAttempt } | { retryAfterMs: number };

/**
 * Lets an attempt be checked when every limit has room; refuses it (with the wait) when a limit
 * is reached by failures; otherwise waits for attempts being checked to end, since their outcome
 * decides. Ten correct passwords at once all pass; forty guesses at once get `attempts` checks.
 */
export async function admitSignIn(checks: readonly SignInCheck[], nowMs: () => number): Promise<SignInAdmission> {
  for (;;) {
    const now = nowMs();
    const retryAfterMs = Math.max(0, ...checks.map((c) => c.limiter.retryAfterMs(c.key, now)));
    if (retryAfterMs > 0) return { retryAfterMs };
    const full = checks.find((c) => !c.limiter.hasRoom(c.key, now));
    if (!full) break;
    // Under the limit in failures, yet no room: attempts are being checked; one of them ends soon.
    await full.limiter.settled(full.key);
  }
  for (const c of checks) c.limiter.begin(c.key);
  let ended = false;
  return {
    attempt: {
      end(outcome) {
        if (ended) return;
        ended = true;
        const now = nowMs();
        for (const c of checks) c.limiter.end(c.key, outcome === 'failed', now);
      },
    },
  };
}
