/** Refused because every slot is taken and the queue is full: try again later. */
export class SemaphoreFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('busy');
  }
}

/**
 * At most `maxInFlight` tasks run at once; up to `maxWaiting` more wait their turn in order, and
 * one beyond that is refused at once (SemaphoreFullError) instead of queuing without end.
 */
export class BoundedSemaphore {
  private running = 0;
  private peak = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    readonly maxInFlight: number,
    readonly maxWaiting: number,
    private readonly retryAfterSeconds = 1,
  ) {
    if (!Number.isInteger(maxInFlight) || maxInFlight < 1) throw new Error('maxInFlight must be a whole number ≥ 1');
    if (!Number.isInteger(maxWaiting) || maxWaiting < 0) throw new Error('maxWaiting must be a whole number ≥ 0');
  }

  get inFlight(): number {
    return this.running;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** The most tasks that ran at once since the start or the last resetPeak(). */
  get peakInFlight(): number {
    return this.peak;
  }

  resetPeak(): void {
    this.peak = this.running;
  }

  /** Whether a task given now would be refused. */
  isFull(): boolean {
    return this.running >= this.maxInFlight && this.queue.length >= this.maxWaiting;
  }

  /**
   * Runs the task when a slot is free; rejects with SemaphoreFullError when it cannot even wait.
   * `alwaysWait` queues it beyond maxWaiting (work that callers cannot send in floods).
   */
  async run<T>(task: () => Promise<T>, options: { alwaysWait?: boolean } = {}): Promise<T> {
    if (this.running >= this.maxInFlight) {
      if (this.queue.length >= this.maxWaiting && !options.alwaysWait) throw new SemaphoreFullError(this.retryAfterSeconds);
      // The slot is handed over by the task that finishes (running stays counted), so no newcomer can take it first.
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.running++;
    }
    this.peak = Math.max(this.peak, this.running);
    try {
      return await task();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.running--;
    }
  }
}
