#!/usr/bin/env node
// Dev-only: screenshots of the overview of a running installation (`npm start`, or `npm run dev`
// in front of it), signed in as a demo account, at 1366 and 360 px with headless Chromium.
//   OSL_DEMO_PASSWORD=… node scripts/screenshot.mjs [url] [out-dir]
// OSL_EMAIL picks the account (default dyrektor@demo.osl); WIDTHS, LANG_EN, SUFFIX as before.
import { chromium } from 'playwright-core';

const url = process.argv[2] ?? 'http://localhost:3000/';
const outDir = process.argv[3] ?? '/tmp/osl-screens';
const email = process.env.OSL_EMAIL ?? 'dyrektor@demo.osl';
const password = process.env.OSL_DEMO_PASSWORD;
if (!password) {
  console.error('OSL_DEMO_PASSWORD: the password the installation printed at start (or was started with)');
  process.exit(2);
}
const { mkdir } = await import('node:fs/promises');
await mkdir(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const widths = (process.env.WIDTHS ?? '1366,360').split(',').map(Number);
try {
  for (const width of widths) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    const problems = [];
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.fill('[data-testid="sign-in-email"]', email);
    await page.fill('[data-testid="sign-in-password"]', password);
    await page.click('[data-testid="sign-in-submit"]');
    await page.waitForSelector('[data-testid="indicator-table"]', { timeout: 30000 });
    for (const code of ['WZG', 'OST', 'LAZ']) {
      await page.waitForSelector(`[data-testid="chart-${code}"][data-rendered="true"]`, { timeout: 30000 });
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
