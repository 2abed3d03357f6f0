// The overview's forecasts (issue 16) on the demo data: the project (2021–2023) is over, so the
// director sees them in the "as of" view of a past day, in Polish and English, on a laptop and a phone.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@osl/backend';
import { createUser, testPassword } from '../support/api-session.ts';
import { launchChromium } from '../support/browser.ts';
import { screenshots, useDemoDashboard } from '../support/demo-dashboard.ts';
import { importAndPublish, temporaryEnvironment, writeTwoActivityFixture } from '../support/installation.ts';

const demo = useDemoDashboard();

const likelihoodWords = {
  pl: ['cel osiągnięty', 'prawdopodobnie', 'niepewne', 'raczej nie', 'zagrożone'],
  en: ['target reached', 'likely', 'uncertain', 'unlikely', 'in jeopardy'],
};

async function expectForecastsAsOfJune2022(page: Page, lang: 'pl' | 'en'): Promise<void> {
  const table = page.locator('[data-testid="indicator-table"][data-as-of="2022-06-30"]');
  await table.waitFor();
  expect(await table.getAttribute('data-year')).toBe('2022');
  const banner = await page.locator('[data-testid="as-of-banner"]').innerText();
  expect(banner).toContain(lang === 'pl' ? '30 czerwca 2022' : '30 June 2022');
  expect(await page.locator('#indicators-heading').innerText()).toContain(lang === 'pl' ? 'stan na 30 czerwca 2022' : 'as of 30 June 2022');
  // P1 for the whole project: the end of 2022 with its 80% interval, and the chance of the target in words and per cent.
  const yearEnd = page.locator('[data-testid="forecast-P1"] [data-horizon="year"]');
  const text = await yearEnd.innerText();
  expect(text).toContain(lang === 'pl' ? 'koniec 2022' : 'end of 2022');
  expect(await page.locator('[data-testid="forecast-P1-year"]').innerText()).toMatch(/^\d[\d\s ]* \(\d[\d\s ]*–\d[\d\s ]*\)$/);
  const likelihood = await page.locator('[data-testid="likelihood-P1-year"]').innerText();
  expect(
    likelihoodWords[lang].some((words) => likelihood.startsWith(words)),
    likelihood,
  ).toBe(true);
  expect(likelihood).toMatch(/\d+\s?%/);
  expect(text).toMatch(lang === 'pl' ? /(potrzeba|dotąd) [\d,]+\/mies\./ : /(needs|so far) [\d.]+\/month/);
  expect(await page.locator('[data-testid="forecast-P1"] [data-horizon="project"]').innerText()).toContain(lang === 'pl' ? 'koniec projektu' : 'project end');
  // Each community has its own.
  for (const community of ['WZG', 'OST', 'LAZ']) expect(await page.locator(`[data-testid="forecast-P1-${community}"]`).count()).toBe(1);
  // A past view shows no trend over later years.
  expect(await page.locator('[data-testid="sparkline-P1"]').count()).toBe(0);
  // No code or English word on the Polish page's forecasts.
  if (lang === 'pl') expect(await page.locator('[data-testid="forecast-P1"]').innerText()).not.toMatch(/pace|seasonal|likely|forecast/i);
}

describe('forecasts on the overview', () => {
  it('shows the director the overview as of 30 June 2022 with forecasts for 2022, and a way back to today (Polish, 1366 px)', async () => {
    const problems: string[] = [];
    const page = await demo.signedIn('dyrektor@demo.osl', { lang: 'pl', onPage: (p) => p.on('pageerror', (error) => problems.push(error.message)) });
    // Chosen with the "Stan na dzień" control: the address keeps it.
    const control = page.locator('[data-testid="as-of-switch"] select');
    await control.waitFor();
    await control.selectOption('2022-06-30');
    await expect.poll(() => new URL(page.url()).searchParams.get('na-dzien')).toBe('2022-06-30');
    await expectForecastsAsOfJune2022(page, 'pl');
    await page.screenshot({ path: path.join(screenshots, 'forecast-as-of-pl-1366.png'), fullPage: true });
    await page.locator('section[aria-labelledby="indicators-heading"]').screenshot({ path: path.join(screenshots, 'forecast-table-pl-1366.png') });
    // The table fits a laptop's width: no sideways scrolling.
    expect(
      await page.locator('section[aria-labelledby="indicators-heading"] .table-wrap').evaluate((box) => box.scrollWidth - box.clientWidth),
    ).toBeLessThanOrEqual(1);
    // On paper (as the summary PDF prints it): the values as of that day on at most two A4 pages, without the forecasts.
    const file = path.join(screenshots, 'forecast-as-of-pl.pdf');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-testid="forecast-P1"]').isVisible()).toBe(false);
    await page.pdf({ path: file, format: 'A4', printBackground: true, margin: { top: '10mm', bottom: '12mm', left: '10mm', right: '10mm' } });
    await page.emulateMedia({ media: 'screen' });
    expect(Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1])).toBeLessThanOrEqual(2);
    const paper = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(paper).toContain('stan na 30 czerwca 2022');
    expect(paper).not.toContain('koniec projektu');
    expect(paper).not.toContain('→');
    // The values are those to that day: P1 then is less than at the end of 2022.
    const asOfP1 = await page.locator('tr[data-indicator="P1"] td.value').innerText();
    await page.click('[data-testid="as-of-back"]');
    await expect.poll(() => page.locator('[data-testid="as-of-banner"]').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('na-dzien')).toBeNull();
    await page.locator('[data-testid="indicator-table"]:not([data-as-of])').waitFor();
    expect(await page.locator('[data-testid="forecast-P1"]').count()).toBe(0);
    const yearEndP1 = await page.locator('tr[data-indicator="P1"] td.value').innerText();
    expect(Number(asOfP1.replace(/\D/g, ''))).toBeLessThanOrEqual(Number(yearEndP1.replace(/\D/g, '')));
    expect(problems).toEqual([]);
  });

  it('opens from the address in English, at 1366 and 360 px', async () => {
    for (const width of [1366, 360]) {
      const page = await demo.signedIn('dyrektor@demo.osl', { lang: 'en', width });
      await page.goto(`${demo.server.url}/?na-dzien=2022-06-30`, { waitUntil: 'networkidle' });
      await expectForecastsAsOfJune2022(page, 'en');
      await page.locator('[data-testid="forecast-P1"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(screenshots, `forecast-as-of-en-${width}.png`), fullPage: width === 1366 });
      // Nothing wider than the screen on a phone but the scrolling table box.
      if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.close();
    }
  });

  it('at 360 px in Polish', async () => {
    const page = await demo.signedIn('dyrektor@demo.osl', { lang: 'pl', width: 360 });
    await page.goto(`${demo.server.url}/?na-dzien=2022-06-30`, { waitUntil: 'networkidle' });
    await expectForecastsAsOfJune2022(page, 'pl');
    // The control on a phone: its label and the chosen day.
    expect(await page.locator('[data-testid="as-of-switch"] select').inputValue()).toBe('2022-06-30');
    await page.screenshot({ path: path.join(screenshots, 'forecast-as-of-pl-360-top.png') });
    await page.locator('[data-testid="forecast-P1"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, 'forecast-as-of-pl-360.png') });
  });

  it('gives an organizer neither the control nor the forecasts', async () => {
    const page = await demo.signedIn('organizator@demo.osl', { lang: 'pl' });
    await page.goto(`${demo.server.url}/?na-dzien=2022-06-30`, { waitUntil: 'networkidle' });
    await page.locator('[data-testid="indicator-table"]').waitFor();
    expect(await page.locator('[data-testid="as-of-switch"]').count()).toBe(0);
    expect(await page.locator('[data-testid="as-of-banner"]').count()).toBe(0);
    expect(await page.locator('[data-testid^="forecast-"]').count()).toBe(0);
  });
});

describe('forecasts on the overview while the project runs', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    const environment = temporaryEnvironment('2022-07-02T10:00:00Z');
    server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
    await importAndPublish(server.app, writeTwoActivityFixture(path.join(environment.dataDir, 'fixtures')));
    await createUser(server.app, 'dyrektor-biezacy@test.osl', 'director');
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the director, in the running year, the forecasts beside the values to date and the trend', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    // The browser's today is the server's: the running year is 2022.
    await page.clock.setFixedTime(new Date('2022-07-02T10:00:00Z'));
    await page.goto(server.url, { waitUntil: 'networkidle' });
    await page.fill('[data-testid="sign-in-email"]', 'dyrektor-biezacy@test.osl');
    await page.fill('[data-testid="sign-in-password"]', testPassword);
    await page.click('[data-testid="sign-in-submit"]');
    const table = page.locator('[data-testid="indicator-table"][data-year="2022"]:not([data-as-of])');
    await table.waitFor();
    await page.locator('[data-testid="forecast-P1"]').waitFor();
    expect(await page.locator('[data-testid="as-of-banner"]').count()).toBe(0);
    expect(await page.locator('[data-testid="forecast-P1"] [data-horizon="year"]').innerText()).toContain('koniec 2022');
    expect(await page.locator('[data-testid="forecast-P1"] [data-horizon="project"]').innerText()).toContain('koniec projektu');
    expect(await page.locator('[data-testid="sparkline-P1"]').count()).toBe(1);
    // The past month-ends of the project up to June 2022 are offered, none later.
    const days = await page.locator('[data-testid="as-of-switch"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(days.slice(0, 2)).toEqual(['', '2022-06-30']);
    expect(days.at(-1)).toBe('2021-01-31');
    await page.locator('section[aria-labelledby="indicators-heading"]').screenshot({ path: path.join(screenshots, 'forecast-running-year-pl-1366.png') });
    // With the trend and the forecasts the table still fits a laptop's width.
    expect(
      await page.locator('section[aria-labelledby="indicators-heading"] .table-wrap').evaluate((box) => box.scrollWidth - box.clientWidth),
    ).toBeLessThanOrEqual(1);
  });
});
