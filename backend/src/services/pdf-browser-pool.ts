import fs from 'node:fs';
import { Inject, Injectable, Logger, Optional, type OnModuleDestroy } from '@nestjs/common';
// Playwright is loaded when the first PDF is printed, not by every command at start.
import type { Browser } from 'playwright-core';
import { BoundedSemaphore, SemaphoreFullError } from '../lib/bounded-semaphore.ts';
import { DomainError } from '../lib/domain-error.ts';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';

/** What the pool needs of a browser (Playwright's Browser; a fake in unit tests). */
export interface PooledBrowser {
  isConnected(): boolean;
  close(): Promise<void>;
  on(event: 'disconnected', listener: () => void): unknown;
}

export interface PdfBrowserPoolOptions {
  /** Starts the browser; default: headless Chromium at CHROMIUM_PATH (or /usr/bin/chromium). */
  launch?: () => Promise<PooledBrowser>;
  /** Pages rendering at once (each Chromium page takes a core and ~100 MB). */
  maxRendering?: number;
  /** Requests that may wait for a page; one more is refused with 503. */
  maxWaiting?: number;
  retryAfterSeconds?: number;
}

export const PDF_BROWSER_POOL_OPTIONS = Symbol('PDF_BROWSER_POOL_OPTIONS');

/**
 * The one Chromium that prints this server's PDFs: launched at the first PDF, reused, at most two
 * pages rendering at once and a bounded queue behind them; launched again after a crash, closed
 * at shutdown. Every PDF gets its own browser context (its own cookies), closed after it.
 */
@Injectable()
export class PdfBrowserPool implements OnModuleDestroy {
  private readonly logger = new Logger('PdfBrowserPool');
  private readonly pages: BoundedSemaphore;
  private readonly retryAfterSeconds: number;
  private readonly launchBrowser: () => Promise<PooledBrowser>;
  private browser: Promise<PooledBrowser> | null = null;
  private closed = false;
  /** How many times a browser was launched (once, unless one crashed). */
  launches = 0;

  constructor(
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
    @Optional() @Inject(PDF_BROWSER_POOL_OPTIONS) options: PdfBrowserPoolOptions | null = null,
  ) {
    this.retryAfterSeconds = options?.retryAfterSeconds ?? 5;
    this.pages = new BoundedSemaphore(options?.maxRendering ?? 2, options?.maxWaiting ?? 8, this.retryAfterSeconds);
    this.launchBrowser = options?.launch ?? (() => this.launchChromium());
  }

  /** Pages rendering now and requests waiting for one. */
  get load(): { rendering: number; waiting: number; peakRendering: number } {
    return { rendering: this.pages.inFlight, waiting: this.pages.waiting, peakRendering: this.pages.peakInFlight };
  }

  /** Runs `work` with the browser once a page is free; rejects with an `unavailable` DomainError (pdf.queue_full, Retry-After) when it cannot even wait. */
  async withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
    if (this.closed) throw DomainError.unavailable('pdf.shutting_down', {});
    try {
      return await this.pages.run(async () => work((await this.current()) as Browser));
    } catch (error) {
      if (error instanceof SemaphoreFullError) throw DomainError.unavailable('pdf.queue_full', {}, { code: 'busy', retryAfterSeconds: this.retryAfterSeconds });
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = null;
    if (!browser) return;
    try {
      await (await browser).close();
    } catch {
      // It never started, or it is gone already.
    }
  }

  private async current(): Promise<PooledBrowser> {
    const known = this.browser;
    if (known) {
      const browser = await known.catch(() => null);
      if (browser?.isConnected()) return browser;
      // Gone without (yet) saying so: launched again below.
      if (this.browser === known) this.browser = null;
      if (this.browser) return this.current();
    }
    const launching = this.launchBrowser().then((browser) => {
      this.launches += 1;
      browser.on('disconnected', () => {
        if (this.browser !== launching) return;
        this.browser = null;
        if (!this.closed) this.logger.warn('Chromium ended (crashed or was killed); the next PDF launches it again');
      });
      if (this.closed) void browser.close();
      return browser;
    });
    this.browser = launching;
    // A launch that failed is tried again by the next PDF.
    launching.catch(() => {
      if (this.browser === launching) this.browser = null;
    });
    return launching;
  }

  private chromiumPath(): string {
    return this.environment.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  }

  /** Headless Chromium, without the background traffic a closed network refuses; 503 where it is not installed. */
  private async launchChromium(): Promise<PooledBrowser> {
    const executablePath = this.chromiumPath();
    if (!fs.existsSync(executablePath)) {
      throw DomainError.unavailable('pdf.no_chromium', { path: executablePath });
    }
    const { chromium } = await import('playwright-core');
    return chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }
}
