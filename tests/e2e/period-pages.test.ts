// Reporting periods in headless Chromium on the demo installation (issue 15): the director adds a
// period (the server's words beside the fields it refuses, focus back after Escape), closes it
// once it is over (a confirmation that says what freezing means) and sees the version with its
// fingerprint; the auditor signs it off with remarks on a phone, the fingerprint shown as signed.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoDashboard } from '../support/demo-dashboard.ts';
import { repositoryRoot } from '../support/installation.ts';

const demo = useDemoDashboard();
const shots = path.join(repositoryRoot, 'docs', 'screenshots');
fs.mkdirSync(shots, { recursive: true });

async function open(page: Page, address: string): Promise<void> {
  await page.goto(`${demo.server.url}${address}`, { waitUntil: 'networkidle' });
  await expect.poll(() => page.locator('[data-testid="loading"]').count(), { timeout: 30_000 }).toBe(0);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

let periodPath = '';

describe('reporting periods', () => {
  it('the director adds a period, with the server’s words beside a wrong field', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    const page = await demo.signedIn('dyrektor@demo.osl', { onPage: (p) => p.on('pageerror', (error) => problems.push(error.message)) });
    await page.click('[data-testid="nav-periods"]');
    await page.locator('[data-testid="periods-page"]').waitFor();

    // Escape closes the dialog and focus goes back to the button that opened it.
    await page.click('[data-testid="period-add"]');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedTestId(page)).toBe('period-add');

    await page.click('[data-testid="period-add"]');
    await page.fill('[data-testid="period-name"]', 'Kontrola 2022');
    await page.fill('[data-testid="period-from"]', '2022-06-30');
    await page.fill('[data-testid="period-to"]', '2022-01-01');
    await page.click('[data-testid="period-save"]');
    await expect.poll(() => page.locator('[data-testid="period-to-error"]').textContent()).toContain('kończy się (2022-01-01) przed początkiem (2022-06-30)');
    expect(await page.getAttribute('[data-testid="period-to"]', 'aria-invalid')).toBe('true');

    await page.fill('[data-testid="period-from"]', '2022-01-01');
    await page.fill('[data-testid="period-to"]', '2022-06-30');
    await page.click('[data-testid="period-save"]');
    await expect.poll(() => page.locator('[data-testid="period-result"]').textContent()).toContain('Dodano okres „Kontrola 2022”');
    const row = page.locator('[data-testid="period-row"][data-name="Kontrola 2022"]');
    expect(await row.getAttribute('data-state')).toBe('open');
    expect(await row.locator('[data-testid="period-state"]').textContent()).toBe('Otwarty');
    await page.screenshot({ path: path.join(shots, 'okresy-1366.png'), fullPage: true });
    periodPath = (await row.locator('a.name').getAttribute('href'))!;
    expect(problems).toEqual([]);
  });

  it('the director closes it, told first what freezing means, and sees the version with its fingerprint', { timeout: 300_000 }, async () => {
    const page = await demo.signedIn('dyrektor@demo.osl');
    await open(page, periodPath);
    await page.click('[data-testid="period-close"]');
    const dialog = page.locator('[data-testid="period-close-dialog"]');
    expect(await dialog.textContent()).toContain('zamraża wartości wskaźników');
    await page.click('[data-testid="period-close-yes"]');
    await expect.poll(() => page.locator('[data-testid="period-result"]').textContent(), { timeout: 240_000 }).toContain('Zamknięto okres: wersja 1');
    expect(await page.getAttribute('[data-testid="period-state"]', 'data-state')).toBe('closed');
    expect(await page.locator('[data-testid="version-fingerprint"]').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.locator('[data-testid="period-figures"] [data-testid="figure-row"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'okres-zamkniety-1366.png'), fullPage: true });
  });

  it('the auditor signs it off with remarks on a phone, seeing the fingerprint signed', { timeout: 120_000 }, async () => {
    const page = await demo.signedIn('audytor@demo.osl', { width: 360 });
    await open(page, periodPath);
    await expectNoSidewaysScroll(page);
    const fingerprint = (await page.locator('[data-testid="version-fingerprint"]').textContent())!;
    await page.click('[data-testid="period-sign-off"]');
    expect(await page.locator('[data-testid="sign-off-fingerprint"]').textContent()).toBe(fingerprint);
    await page.check('[data-testid="verdict-remarks"]');
    await page.click('[data-testid="period-sign-off-yes"]');
    // Remarks are required with that verdict: refused in words, nothing sent.
    await expect.poll(() => page.locator('[data-testid="period-sign-off-dialog"] [role="alert"]').textContent()).toContain('Wpisz uwagi');
    await page.fill('[data-testid="period-remarks"]', 'Brak podpisu na liście z 14.02.');
    await page.click('[data-testid="period-sign-off-yes"]');
    await expect.poll(() => page.getAttribute('[data-testid="period-state"]', 'data-state')).toBe('remarks');
    const signOff = page.locator('[data-testid="version-sign-off"]');
    expect(await signOff.getAttribute('data-verdict')).toBe('remarks');
    expect(await signOff.textContent()).toContain('Brak podpisu na liście z 14.02.');
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: path.join(shots, 'okres-audytor-360.png'), fullPage: true });
  });
});
