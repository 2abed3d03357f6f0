#!/usr/bin/env node
// Dev-only: screenshots of the built dashboard served by scripts/mock-api.mjs.
//   node scripts/screenshot.mjs [url] [out-dir]
import { chromium } from 'playwright-core';

const url = process.argv[2] ?? 'http://localhost:4173/';
const outDir = process.argv[3] ?? '/tmp/osl-screens';
const { mkdir } = await import('node:fs/promises');
await mkdir(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
});
const widths = (process.env.WIDTHS ?? '1366,360').split(',').map(Number);
try {
  for (const width of widths) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    const problems = [];
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(url, { waitUntil: 'networkidle' });
    if (!process.env.NO_WAIT) {
      await page.waitForSelector('[data-testid="indicator-table"]', { timeout: 10000 });
      for (const code of ['WZG', 'OST', 'LAZ']) {
        await page.waitForSelector(`[data-testid="chart-${code}"][data-rendered="true"]`, { timeout: 10000 });
      }
    } else {
      await page.waitForTimeout(1500);
    }
    if (process.env.LANG_EN) {
      await page.click('[data-testid="lang-en"]');
      await page.waitForTimeout(1500);
    }
    const file = `${outDir}/overview-${width}${process.env.SUFFIX ?? ''}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file, problems.length ? problems : 'no console problems');
    await page.close();
  }
} finally {
  await browser.close();
}
