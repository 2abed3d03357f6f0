/**
 * Failed sign-ins per key (an e-mail address, a client address) in a sliding window. Kept in the
 * process: one server serves an installation; a larger deployment would keep it in its database.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly attempts: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may now. */
  retryAfterMs(key: string, nowMs: number): number {
    const recent = this.recent(key, nowMs);
    if (recent.length < this.attempts) return 0;
    return recent[recent.length - this.attempts] + this.windowMs - nowMs;
  }

  recordFailure(key: string, nowMs: number): void {
    const recent = this.recent(key, nowMs);
    recent.push(nowMs);
    this.failures.set(key, recent);
  }

  /** Takes back the latest attempt of a key (a sign-in that succeeded). */
  forgetLatest(key: string): void {
    const list = this.failures.get(key);
    if (!list) return;
    list.pop();
    if (list.length === 0) this.failures.delete(key);
  }

  /** A successful sign-in clears the account's failures (not the address's). */
  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, nowMs: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => at > nowMs - this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    return kept;
  }
}
