// Words, not codes: the served dashboard in headless Chromium on the demo data says what the API's
// codes mean (kinds of file, run modes and triggers, steps), names weeks by their dates, names an
// import's columns as the file does, and answers an address that leads nowhere with its own page,
// in Polish and in English.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshots, useDemoDashboard } from '../support/demo-dashboard.ts';
import { uiLeaks } from '../support/ui-words.ts';

const demo = useDemoDashboard();

function signedIn(email: string, lang: 'pl' | 'en' = 'pl', width = 1366): Promise<Page> {
  return demo.signedIn(email, { lang, width });
}

describe('an address that leads nowhere', () => {
  it('gets the dashboard’s own page, in its language, with a way back', async () => {
    const page = await signedIn('dyrektor@demo.osl');
    await page.goto(`${demo.server.url}/nie-ma-takiej`, { waitUntil: 'networkidle' });
    const notFound = page.locator('[data-testid="error-page"]');
    await notFound.waitFor();
    expect(await notFound.getAttribute('data-status')).toBe('404');
    expect(await page.locator('main h1').innerText()).toBe('Nie ma takiej strony');
    expect(await notFound.innerText()).toContain('/nie-ma-takiej');
    await page.screenshot({ path: path.join(screenshots, 'not-found.png'), fullPage: false });
    await page.click('[data-testid="lang-en"]');
    expect(await page.locator('main h1').innerText()).toBe('There is no such page');
    await page.click('[data-testid="error-page-home"]');
    await page.locator('[data-testid="indicator-table"]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    // A bundle that is not there is a 404, not the index page served in its place.
    const missing = await page.evaluate(async () => (await fetch('/_app/immutable/nie-ma.js')).status);
    expect(missing).toBe(404);
  });
});

describe('the data page', () => {
  it('words file kinds, run modes, triggers and steps in Polish, and in English', async () => {
    const page = await signedIn('admin@demo.osl');
    await page.click('[data-testid="nav-data"]');
    const runs = page.locator('[data-testid="runs-table"]');
    const history = page.locator('[data-testid="import-history"]');
    await history.waitFor();
    await runs.waitFor();
    // A run started here: its mode and trigger in words, and its steps named in Polish while it goes.
    await page.click('[data-testid="run-incremental"]');
    await expect.poll(() => runs.locator('tbody tr').first().innerText(), { timeout: 60_000 }).toMatch(/przyrostowe · z panelu\s+zakończone/);
    const runText = await runs.innerText();
    expect(runText).toContain('pełne · przy starcie serwera');
    expect(runText).not.toMatch(/\b(full|incremental|startup|schedule|api|cli)\b/);
    expect(uiLeaks(runText, 'pl')).toEqual([]);
    const historyText = await history.innerText();
    for (const kind of ['dziennik działań', 'lista obecności', 'rejestr uczestników', 'ankiety']) expect(historyText).toContain(kind);
    expect(historyText).not.toMatch(/\t(activities|attendance|participants|survey)\t/);
    const steps = await page.evaluate(async () => (await (await fetch('/api/pipeline/runs', { headers: { 'accept-language': 'pl' } })).json())[0].steps);
    expect(steps.map((s: { name: string }) => s.name)).toContain('wykrywanie spadków uczestnictwa');
    await page.screenshot({ path: path.join(screenshots, 'data-admin.png'), fullPage: false });

    await page.click('[data-testid="lang-en"]');
    await expect.poll(() => runs.innerText()).toContain('incremental · from the dashboard');
    expect(await history.innerText()).toContain('activity log');
    expect(uiLeaks(await runs.innerText(), 'en')).toEqual([]);
  });

  it('names a rejected file’s columns as the file does', async () => {
    const page = await signedIn('organizator.laz@demo.osl');
    await page.click('[data-testid="nav-data"]');
    await page.locator('[data-testid="import-history"]').waitFor();
    const bad = 'Nr działania;Data;Społeczność;Typ działania;Tytuł\r\nLAZ/2023/900;31.02.2023;Seniorzy na Os. Łazy;WARSZTAT;Próba\r\n';
    await page.setInputFiles('[data-testid="upload-input"]', { name: 'dziennik-naglowki.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.click('[data-testid="upload-submit"]');
    const report = page.locator('[data-testid="import-report"]');
    await expect.poll(() => report.innerText(), { timeout: 30_000 }).toMatch(/odrzucony/);
    const row = await report.locator('tbody tr').first().innerText();
    expect(row.split('\t').map((cell) => cell.trim())).toEqual(['2', 'Data', '31.02.2023', 'Data „31.02.2023” nie istnieje w kalendarzu.']);
    expect(await report.innerText()).toContain('dziennik działań');
  });
});

describe('the community chart', () => {
  it('titles a week’s tooltip with its first day, never an ISO week code', async () => {
    const page = await signedIn('organizator@demo.osl');
    await page.click('[data-testid="nav-OST"]');
    const chart = page.locator('[data-testid="community-chart"]');
    await expect.poll(() => chart.getAttribute('data-rendered'), { timeout: 30_000 }).toBe('true');
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6);
    await expect.poll(() => chart.innerText(), { timeout: 10_000 }).toMatch(/tydzień od \d{1,2} \p{L}+ \d{4}/u);
    expect(await chart.innerText()).not.toMatch(/\d{4}-W\d{2}/);
  });
});
