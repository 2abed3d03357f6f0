// Who is drifting away (issue 16), in headless Chromium on an installation of its own: ten of thirty
// regulars of WZG stopped coming in April 2023. The community's organizer sees the lapsing alert
// with who they are (names), an organizer of another community reads the counts without the list,
// and "who has not come back" ranks them by how unusual their absence is.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@osl/backend';
import { createUser, testPassword } from '../support/api-session.ts';
import { launchChromium } from '../support/browser.ts';
import { screenshots } from '../support/demo-dashboard.ts';
import { importAndPublish, temporaryEnvironment } from '../support/installation.ts';
import { writeLapsingHistory, type LapsingHistory } from '../support/lapsing-history.ts';

let server: RunningServer;
let browser: Browser;
let history: LapsingHistory;

beforeAll(async () => {
  const environment = temporaryEnvironment('2023-06-15T10:00:00Z');
  server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
  history = writeLapsingHistory(path.join(environment.dataDir, 'fixtures'), {
    prefix: '',
    community: 'WZG',
    from: '2022-01-04',
    weeks: 75,
    regulars: 30,
    stopping: 10,
    stopAfter: 66,
    names: true,
  });
  await importAndPublish(server.app, history.files);
  await createUser(server.app, 'organizator.wzg@test.osl', 'organizer', ['WZG']);
  await createUser(server.app, 'organizator.ost@test.osl', 'organizer', ['OST']);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(email: string, width: number, lang: 'pl' | 'en' = 'pl'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.addInitScript((chosen) => localStorage.setItem('osl-monitor.lang', chosen), lang);
  await page.goto(server.url, { waitUntil: 'networkidle' });
  await page.fill('[data-testid="sign-in-email"]', email);
  await page.fill('[data-testid="sign-in-password"]', testPassword);
  await page.click('[data-testid="sign-in-submit"]');
  await page.locator('[data-testid="user-menu"]').waitFor({ state: 'attached' });
  return page;
}

describe('who is drifting away', () => {
  it('shows the community’s organizer the lapsing alert with who stopped coming, by name, from the keyboard', async () => {
    const page = await signedIn('organizator.wzg@test.osl', 1366);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    // The overview's summary says who, in words.
    const summary = page.locator('[data-testid="alerts-summary"]');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/10 z 30 stałych uczestników przestało przychodzić od \d{1,2} (marca|kwietnia) 2023/);
    expect(await summary.locator('[data-testid="alert-who-count"]').innerText()).toBe('Stali uczestnicy, którzy przestali przychodzić: 10');
    await page.screenshot({ path: path.join(screenshots, 'lapsing-overview-1366-pl.png'), fullPage: true });

    // The community page: the card, its disclosure opened with the keyboard, the names listed.
    await page.goto(`${server.url}/spolecznosc/WZG`, { waitUntil: 'networkidle' });
    const card = page.locator('[data-testid^="alert-"][data-status="active"]').first();
    await card.waitFor();
    expect(await card.locator('[data-testid="alert-measure"]').innerText()).toBe('stali uczestnicy przestają przychodzić');
    expect(await card.innerText()).toContain('Przychodzili na: działania edukacyjne (10)');
    const list = card.locator('[data-testid="alert-who-list"]');
    await list.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => list.getAttribute('open')).not.toBeNull();
    const people = list.locator('[data-testid="alert-who-person"]');
    expect(await people.count()).toBe(10);
    const text = await list.innerText();
    for (const [i, code] of history.stopped.entries()) {
      expect(text).toContain(code);
      expect(text).toContain(`Imię${i + 1} Nazwisko${i + 1}`);
    }
    expect(text).toMatch(/bardzo nietypowa nieobecność/);
    expect(text).not.toMatch(/\d{4}-W\d{2}/);
    await page.screenshot({ path: path.join(screenshots, 'lapsing-community-1366-pl.png'), fullPage: true });

    // Who has not come back: the ten first, the most unusual absence first, with the words and the figure.
    const rows = page.locator('[data-testid="lapsed-table"] tbody tr');
    await rows.first().waitFor();
    const codes = await rows.locator('th').allInnerTexts();
    expect(codes.slice(0, 10).sort()).toEqual(history.stopped);
    const absences = await page.locator('[data-testid="lapsed-absence"]').allInnerTexts();
    expect(absences[0]).toMatch(/^bardzo nietypowa nieobecność \(<?\d+(,\d+)?%\)$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads the same in English and at 360 px', async () => {
    const page = await signedIn('organizator.wzg@test.osl', 360, 'en');
    await page.goto(`${server.url}/spolecznosc/WZG`, { waitUntil: 'networkidle' });
    const card = page.locator('[data-testid^="alert-"][data-status="active"]').first();
    await card.waitFor();
    expect(await card.innerText()).toMatch(/10 of 30 regulars have stopped coming since \d{1,2} (March|April) 2023/);
    await card.locator('[data-testid="alert-who-list"] summary').click();
    expect(await card.locator('[data-testid="alert-who-list"]').innerText()).toContain('very unusual absence');
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await card.screenshot({ path: path.join(screenshots, 'lapsing-card-360-en.png') });
    await page
      .locator('[data-testid="lapsed-table"] tbody tr')
      .first()
      .screenshot({ path: path.join(screenshots, 'lapsing-lapsed-row-360-en.png') });
    await page.close();
  });

  it('gives an organizer of another community the counts, not the list', async () => {
    const page = await signedIn('organizator.ost@test.osl', 1366);
    await page.goto(`${server.url}/spolecznosc/WZG`, { waitUntil: 'networkidle' });
    const card = page.locator('[data-testid^="alert-"][data-status="active"]').first();
    await card.waitFor();
    expect(await card.locator('[data-testid="alert-who-count"]').innerText()).toBe('Stali uczestnicy, którzy przestali przychodzić: 10');
    expect(await card.locator('[data-testid="alert-who-list"]').count()).toBe(0);
    const answer = await page.evaluate(async () => (await fetch('/api/alerts?community=WZG')).text());
    expect(answer).not.toMatch(/Imię|WZG-0001/);
    await page.close();
  });
});
