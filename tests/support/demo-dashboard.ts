// The served dashboard on a demo installation, with a headless Chromium to use it: one per test
// file, made before its tests and closed after them.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '@osl/backend';
import { launchChromium } from './browser.ts';
import { repositoryRoot, temporaryEnvironment } from './installation.ts';

export const screenshots = path.join(repositoryRoot, 'tests', 'artifacts', 'screenshots');
export const demoPassword = 'demo-haslo-e2e';

export interface SignInOptions {
  width?: number;
  /** The dashboard's language, as a person's earlier choice left it. */
  lang?: 'pl' | 'en';
  /** Called with the new page before it loads (to listen to its errors, say). */
  onPage?: (page: Page) => void;
  pageOptions?: BrowserContextOptions;
}

export interface DemoDashboard {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A new page signed in as a demo account, at 1366 px unless told otherwise. */
  signedIn(email: string, options?: SignInOptions): Promise<Page>;
}

export function useDemoDashboard(): DemoDashboard {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(temporaryEnvironment(undefined, { OSL_DEMO_PASSWORD: demoPassword }), { demoIfEmpty: true, runPipeline: true });
    browser = await launchChromium();
    fs.mkdirSync(screenshots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    async signedIn(email, { width = 1366, lang, onPage, pageOptions = {} } = {}) {
      const page = await browser!.newPage({ viewport: { width, height: 900 }, ...pageOptions });
      onPage?.(page);
      if (lang) await page.addInitScript((chosen) => localStorage.setItem('osl-monitor.lang', chosen), lang);
      await page.goto(server!.url, { waitUntil: 'networkidle' });
      await page.fill('[data-testid="sign-in-email"]', email);
      await page.fill('[data-testid="sign-in-password"]', demoPassword);
      await page.click('[data-testid="sign-in-submit"]');
      // Attached, not visible: on a phone the account is inside the closed header menu.
      await page.locator('[data-testid="user-menu"]').waitFor({ state: 'attached' });
      return page;
    },
  };
}
