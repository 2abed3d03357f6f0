// The served overview page in headless Chromium, on the demo data, as `npm start` serves it.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@osl/backend';
import { launchChromium } from '../support/browser.ts';
import { repositoryRoot, temporaryEnvironment } from '../support/installation.ts';

const screenshots = path.join(repositoryRoot, 'tests', 'artifacts', 'screenshots');
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(temporaryEnvironment(), { demoIfEmpty: true, runPipeline: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('overview page', () => {
  it('renders a chart per community and the indicator table', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(server.url, { waitUntil: 'networkidle' });
    for (const community of ['WZG', 'OST', 'LAZ']) {
      const chart = page.locator(`[data-testid="chart-${community}"]`);
      await expect.poll(() => chart.getAttribute('data-rendered'), { timeout: 30_000 }).toBe('true');
      expect(await chart.locator('canvas, svg').count()).toBeGreaterThan(0);
    }
    const table = page.locator('[data-testid="indicator-table"]');
    await table.waitFor();
    const text = await table.innerText();
    for (const code of ['P1', 'P2', 'P3', 'P4', 'P5', 'R1', 'R2', 'R3']) expect(text).toContain(code);
    expect(await page.locator('html').getAttribute('lang')).toBe('pl');
    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, 'overview.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
