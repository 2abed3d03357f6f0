import { describe, expect, it } from 'vitest';
import type { OslEnvironment } from '../lib/osl-environment.ts';
import { DomainError } from '../lib/domain-error.ts';
import { PdfBrowserPool, type PooledBrowser } from './pdf-browser-pool.ts';

class FakeBrowser implements PooledBrowser {
  connected = true;
  closed = 0;
  private listeners: (() => void)[] = [];
  isConnected() {
    return this.connected;
  }
  async close() {
    this.closed += 1;
    this.crash();
  }
  on(_event: 'disconnected', listener: () => void) {
    this.listeners.push(listener);
  }
  crash() {
    this.connected = false;
    for (const listener of this.listeners) listener();
  }
}

function setUp(options: { maxRendering?: number; maxWaiting?: number; failFirstLaunch?: boolean } = {}) {
  const launched: FakeBrowser[] = [];
  let attempts = 0;
  const pool = new PdfBrowserPool({ env: {} } as OslEnvironment, {
    maxRendering: options.maxRendering ?? 2,
    maxWaiting: options.maxWaiting ?? 2,
    retryAfterSeconds: 7,
    launch: async () => {
      attempts += 1;
      if (options.failFirstLaunch && attempts === 1) throw new Error('Chromium could not start');
      const browser = new FakeBrowser();
      launched.push(browser);
      return browser;
    },
  });
  return { pool, launched, attempts: () => attempts };
}

/** A render that finishes when told to. */
function deferred() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

describe('PdfBrowserPool', () => {
  it('launches one browser at the first PDF, not before, and reuses it', async () => {
    const { pool, launched } = setUp();
    expect(launched).toHaveLength(0);
    const seen = [await pool.withBrowser(async (b) => b), await pool.withBrowser(async (b) => b), await pool.withBrowser(async (b) => b)];
    expect(launched).toHaveLength(1);
    expect(new Set(seen).size).toBe(1);
    expect(pool.launches).toBe(1);
  });

  it('renders two at once, queues the next ones, and refuses one beyond the queue with 503 and Retry-After', async () => {
    const { pool, launched } = setUp({ maxRendering: 2, maxWaiting: 2 });
    const renders = Array.from({ length: 4 }, () => deferred());
    let running = 0;
    let peak = 0;
    const results = renders.map((render, i) =>
      pool.withBrowser(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await render.done;
        running -= 1;
        return i;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(pool.load).toMatchObject({ rendering: 2, waiting: 2 });
    const refused = await pool.withBrowser(async () => 'never').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ kind: 'unavailable', key: 'pdf.queue_full', retryAfterSeconds: 7 });
    for (const render of renders) render.finish();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
    expect(launched).toHaveLength(1);
  });

  it('launches again after the browser crashed, and after a launch that failed', async () => {
    const { pool, launched, attempts } = setUp({ failFirstLaunch: true });
    await expect(pool.withBrowser(async (b) => b)).rejects.toThrow('Chromium could not start');
    const first = await pool.withBrowser(async (b) => b);
    expect(attempts()).toBe(2);
    launched[0]!.crash();
    const second = await pool.withBrowser(async (b) => b);
    expect(second).not.toBe(first);
    // Gone without saying so (no event yet): found out before it is used.
    launched[1]!.connected = false;
    const third = await pool.withBrowser(async (b) => b);
    expect(third).not.toBe(second);
    expect(launched).toHaveLength(3);
  });

  it('closes the browser at shutdown and prints nothing more', async () => {
    const { pool, launched } = setUp();
    await pool.withBrowser(async () => undefined);
    await pool.onModuleDestroy();
    expect(launched[0]!.closed).toBe(1);
    await expect(pool.withBrowser(async () => undefined)).rejects.toThrow(/shutting down/);
    expect(launched).toHaveLength(1);
  });
});
