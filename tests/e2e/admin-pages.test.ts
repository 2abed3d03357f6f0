// Accounts, "change my password" and the audit trail (issue 14), in headless Chromium on the demo
// installation: the admin and the director manage accounts (the director never gives the director
// role), a one-time password is shown once and leads to a password change, anyone changes their own
// password, the director and the auditor filter the trail and download it as a CSV for Polish Excel
// with no participant's name in it, and an organizer gets a refusal in words, not an error. At 1366
// and 360 px, in Polish and in English.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DatabaseRepository } from '@osl/backend';
import { demoPassword, useDemoDashboard } from '../support/demo-dashboard.ts';
import { repositoryRoot } from '../support/installation.ts';

const demo = useDemoDashboard();
const shots = path.join(repositoryRoot, 'docs', 'screenshots');
fs.mkdirSync(shots, { recursive: true });

// Words that give away English in the Polish UI (e-mail addresses and file names aside).
const ENGLISH =
  /\b(the|and|of|account|accounts|password|role|disabled|active|created|updated|changed|signed|user|users|export|file|rows|target|targets|yes|no|edit|save|cancel|never|all)\b/i;

function mainText(page: Page): Promise<string> {
  // Without e-mail addresses: "admin@demo.osl" is an address, not a word of the UI.
  return page.locator('main').evaluate((main) => (main as HTMLElement).innerText.replace(/\S+@\S+/g, ' '));
}

/** The page is no wider than its viewport: nothing sticks out sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[data-testid="loading"]').count(), { timeout: 30_000 }).toBe(0);
}

async function open(page: Page, address: string): Promise<void> {
  await page.goto(`${demo.server.url}${address}`, { waitUntil: 'networkidle' });
  await settled(page);
}

/** A new page signed in with a password of our own (not the demo one). */
async function signInWith(email: string, password: string, width = 1366): Promise<Page> {
  const page = await demo.browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(demo.server.url, { waitUntil: 'networkidle' });
  await page.fill('[data-testid="sign-in-email"]', email);
  await page.fill('[data-testid="sign-in-password"]', password);
  await page.click('[data-testid="sign-in-submit"]');
  await page.locator('[data-testid="user-menu"], [data-testid="password-change-form"]').first().waitFor();
  return page;
}

const focusInDialog = (page: Page) => page.evaluate(() => document.activeElement?.closest('dialog') !== null);
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('accounts', () => {
  it('the admin adds an organizer, sees the one-time password once, the organizer must change it, then the admin disables the account', async () => {
    const page = await demo.signedIn('admin@demo.osl', { pageOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.click('[data-testid="nav-accounts"]');
    await page.locator('[data-testid="accounts-table"]').waitFor();
    expect(await page.locator('[data-testid="account-row"]').count()).toBeGreaterThanOrEqual(5);

    // The form opens with focus inside; Cancel brings focus back to the button that opened it.
    await page.click('[data-testid="account-add"]');
    expect(await focusInDialog(page)).toBe(true);
    await page.click('[data-testid="account-cancel"]');
    expect(await focusedTestId(page)).toBe('account-add');

    // A bad address: the server's reason, in Polish, beside the form.
    await page.click('[data-testid="account-add"]');
    await page.fill('[data-testid="account-email"]', 'to-nie-adres');
    await page.selectOption('[data-testid="account-role"]', 'organizer');
    await page.check('[data-testid="account-community-OST"]');
    await page.click('[data-testid="account-save"]');
    const failure = page.locator('[data-testid="account-form-failure"]');
    await failure.waitFor();
    expect(await failure.innerText()).toMatch(/^Nie zapisano: .*adres/i);
    expect(await failure.innerText()).not.toMatch(ENGLISH);

    await page.fill('[data-testid="account-email"]', 'nowa.organizatorka@demo.osl');
    await page.fill('[data-testid="account-name"]', 'Nowa Organizatorka');
    await page.click('[data-testid="account-save"]');
    const result = page.locator('[data-testid="account-result"]');
    await result.waitFor();
    expect(await focusedTestId(page)).toBe('account-result');
    expect(await result.innerText()).toContain('Utworzono konto nowa.organizatorka@demo.osl.');
    const oneTime = (await page.locator('[data-testid="one-time-password-value"]').innerText()).trim();
    expect(oneTime.length).toBeGreaterThanOrEqual(10);
    expect(await result.innerText()).toContain('przy pierwszym logowaniu trzeba je zmienić');
    const row = page.locator('[data-testid="account-row"][data-email="nowa.organizatorka@demo.osl"]');
    expect(await row.getAttribute('data-status')).toBe('mustChange');
    const rowText = await row.innerText();
    expect(rowText).toContain('organizator');
    expect(rowText).toContain('musi zmienić hasło');
    expect(rowText).toContain('jeszcze się nie logował');
    expect(rowText).not.toMatch(/\bOST\b/);
    await page.screenshot({ path: path.join(shots, 'konta-1366.png'), fullPage: true });
    await page.click('[data-testid="one-time-copy"]');
    await expect.poll(() => result.innerText()).toContain('Skopiowano do schowka.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(oneTime);
    // Shown once: closing it leaves no trace of it on the page.
    await page.click('[data-testid="one-time-close"]');
    expect(await page.locator('main').innerText()).not.toContain(oneTime);

    // The new organizer signs in with it and must set their own password first.
    const organizer = await signInWith('nowa.organizatorka@demo.osl', oneTime);
    await organizer.locator('[data-testid="password-change-form"]').waitFor();
    await organizer.fill('[data-testid="password-current"]', oneTime);
    await organizer.fill('[data-testid="password-new"]', 'wlasne-haslo-organizatorki');
    await organizer.fill('[data-testid="password-repeat"]', 'wlasne-haslo-organizatorki');
    await organizer.click('[data-testid="password-change-submit"]');
    await organizer.locator('[data-testid="user-menu"]').waitFor();
    await organizer.close();

    // Disabling asks first; the answer is focused; the organizer can no longer sign in.
    await open(page, '/konta');
    await row.locator('[data-testid="account-disable"]').click();
    expect(await focusInDialog(page)).toBe(true);
    expect(await page.locator('[data-testid="account-confirm-dialog"]').innerText()).toContain('Wyłączyć konto Nowa Organizatorka?');
    await page.click('[data-testid="account-confirm-yes"]');
    await expect.poll(() => row.getAttribute('data-status')).toBe('disabled');
    expect(await focusedTestId(page)).toBe('account-result');
    expect(await result.innerText()).toContain('Wyłączono konto nowa.organizatorka@demo.osl.');
    const refused = await page.evaluate(
      async () =>
        (
          await fetch('/api/auth/sign-in', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: 'nowa.organizatorka@demo.osl', password: 'wlasne-haslo-organizatorki' }),
          })
        ).status,
    );
    expect(refused).toBe(401);
    expect(await mainText(page)).not.toMatch(ENGLISH);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the director manages organizers and auditors only: no director role to give, directors and admins read-only; a card per account at 360 px; English', async () => {
    const page = await demo.signedIn('dyrektor@demo.osl');
    await open(page, '/konta');
    await page.locator('[data-testid="accounts-table"]').waitFor();
    // Directors and admins: read-only; the director's own account: no buttons either.
    expect(await page.locator('[data-testid="account-row"][data-email="admin@demo.osl"] [data-testid="account-read-only"]').count()).toBe(1);
    expect(await page.locator('[data-testid="account-row"][data-email="dyrektor@demo.osl"] button').count()).toBe(0);
    expect(await page.locator('[data-testid="account-row"][data-email="audytor@demo.osl"] [data-testid="account-edit"]').count()).toBe(1);

    await page.click('[data-testid="account-add"]');
    const roles = await page.locator('[data-testid="account-role"] option').allInnerTexts();
    expect(roles).toEqual(['organizator', 'audytor']);
    await page.keyboard.press('Escape');
    expect(await focusedTestId(page)).toBe('account-add');

    // The server refuses a director role from a director, whatever the page offers.
    const answer = await page.evaluate(async () => {
      const session = await (await fetch('/api/auth/session')).json();
      const response = await fetch('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken, 'accept-language': 'pl' },
        body: JSON.stringify({ email: 'drugi.dyrektor@demo.osl', role: 'director' }),
      });
      return { status: response.status, body: await response.json() };
    });
    expect(answer.status).toBe(403);
    expect(answer.body.message).toMatch(/dyrektor/);

    // An organizer given a second community: saved, the answer focused.
    await page.locator('[data-testid="account-row"][data-email="organizator.laz@demo.osl"] [data-testid="account-edit"]').click();
    expect(await focusInDialog(page)).toBe(true);
    await page.check('[data-testid="account-community-WZG"]');
    await page.click('[data-testid="account-save"]');
    await page.locator('[data-testid="account-result"]').waitFor();
    expect(await focusedTestId(page)).toBe('account-result');
    const lazRow = page.locator('[data-testid="account-row"][data-email="organizator.laz@demo.osl"]');
    await expect.poll(() => lazRow.innerText()).toMatch(/,/);

    // A phone: each account a card, nothing sideways.
    await page.setViewportSize({ width: 360, height: 800 });
    await open(page, '/konta');
    await page.locator('[data-testid="accounts-table"]').waitFor();
    await expectNoSidewaysScroll(page);
    expect(await page.locator('[data-testid="accounts-table"] thead').isVisible()).toBe(false);
    const rowDisplay = await page
      .locator('[data-testid="account-row"]')
      .first()
      .evaluate((tr) => getComputedStyle(tr).display);
    expect(rowDisplay).toBe('block');
    await page.screenshot({ path: path.join(shots, 'konta-360.png'), fullPage: true });
    await page.click('[data-testid="account-add"]');
    expect(await focusInDialog(page)).toBe(true);
    await page.selectOption('[data-testid="account-role"]', 'organizer');
    await page.screenshot({ path: path.join(shots, 'konta-formularz-360.png') });
    await page.keyboard.press('Escape');
    expect(await focusedTestId(page)).toBe('account-add');

    await page.setViewportSize({ width: 1366, height: 900 });
    await page.click('[data-testid="lang-en"]');
    await expect.poll(() => page.locator('main h1').innerText()).toBe('User accounts');
    const english = await mainText(page);
    expect(english).toContain('Last sign-in');
    expect(english).not.toMatch(/[ąćęłńóśźż]{1}.*(konto|hasło|wyłączone|aktywne)/i);
    expect(english).not.toMatch(/\b(aktywne|wyłączone|organizator|audytor|dyrektor|Edytuj|Wyłącz)\b/);
    await page.click('[data-testid="lang-pl"]');
    await page.close();
  });
});

describe('change my password', () => {
  it('anyone changes their own password from the user menu and signs in with it', async () => {
    const page = await demo.signedIn('organizator.laz@demo.osl');
    await page.click('[data-testid="change-password-link"]');
    await page.locator('[data-testid="password-change-form"]').waitFor();
    expect(await page.locator('main h1').innerText()).toBe('Zmiana hasła');
    // A wrong current password: the server's reason in Polish.
    await page.fill('[data-testid="password-current"]', 'to-nie-jest-haslo');
    await page.fill('[data-testid="password-new"]', 'nowe-haslo-laz-2026');
    await page.fill('[data-testid="password-repeat"]', 'nowe-haslo-laz-2026');
    await page.click('[data-testid="password-change-submit"]');
    const failure = page.locator('[data-testid="password-change-failure"]');
    await failure.waitFor();
    expect(await failure.innerText()).not.toMatch(ENGLISH);

    await page.fill('[data-testid="password-current"]', demoPassword);
    await page.click('[data-testid="password-change-submit"]');
    const done = page.locator('[data-testid="password-change-done"]');
    await done.waitFor();
    expect(await done.innerText()).toContain('Hasło zostało zmienione');
    expect(await focusedTestId(page)).toBe('password-change-done');
    await page.screenshot({ path: path.join(shots, 'haslo-1366.png') });
    await page.click('[data-testid="sign-out"]');
    await page.close();

    const again = await signInWith('organizator.laz@demo.osl', 'nowe-haslo-laz-2026');
    expect(await again.locator('[data-testid="user-menu"]').count()).toBe(1);
    await again.close();
  });
});

describe('the audit trail', () => {
  it('the director filters by person and action, reads the changes in words and downloads the filtered list as CSV', async () => {
    // A Polish browser, as the centre's: the date fields read dd.mm.rrrr.
    const page = await demo.signedIn('dyrektor@demo.osl', { pageOptions: { locale: 'pl-PL' } });
    await page.click('[data-testid="nav-audit"]');
    await page.locator('[data-testid="audit-table"]').waitFor();
    expect(await page.locator('[data-testid="audit-count"]').innerText()).toMatch(/^Zdarzenia 1–\d+ z \d+/);

    // The admin's account changes (made by the first test): labelled, with readable lines.
    // People by name and address; the system in words.
    const people = await page.locator('[data-testid="audit-actor"] option').allInnerTexts();
    expect(people).toContain('Administrator (demo) – admin@demo.osl');
    expect(people).toContain('system (automatycznie)');
    await page.selectOption('[data-testid="audit-actor"]', 'admin@demo.osl');
    await page.selectOption('[data-testid="audit-action"]', 'user');
    await page.click('[data-testid="audit-show"]');
    await expect.poll(() => page.locator('[data-testid="audit-event"]').first().getAttribute('data-action')).toMatch(/^user\./);
    expect(await focusedTestId(page)).toBe('audit-count');
    const tableText = await page.locator('[data-testid="audit-table"]').innerText();
    expect(tableText).toContain('Utworzono konto');
    expect(tableText).toContain('Wyłączono konto');
    expect(tableText).toContain('Wyłączone: nie → tak');
    expect(tableText).toContain('Rola: organizator');
    expect(tableText).toMatch(/Społeczności: \p{L}/u);
    expect(tableText).not.toMatch(/\b(user\.|displayName|disabled|true|false)\b/);
    const actions = await page.locator('[data-testid="audit-event"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action') ?? ''));
    expect(actions).toEqual(expect.arrayContaining(['user.created', 'user.disabled']));
    for (const action of actions) expect(action).toMatch(/^user\./);
    expect(await mainText(page)).not.toMatch(ENGLISH);
    await page.screenshot({ path: path.join(shots, 'dziennik-filtr-1366.png'), fullPage: false });

    // The download: the filtered list, for Polish Excel.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="audit-export"]')]);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[1]).toMatch(/^Id;Kiedy;Kto;Czynność;/);
    const rows = lines.slice(2).filter(Boolean);
    expect(rows.length).toBe(actions.length);
    for (const row of rows) expect(row.split(';')[2]).toBe('admin@demo.osl');

    // Cleared: every event again, the newest first.
    await page.click('[data-testid="audit-clear"]');
    await expect.poll(() => page.locator('[data-testid="audit-event"]').count()).toBeGreaterThan(actions.length);
    expect(await page.locator('[data-testid="audit-actor"]').inputValue()).toBe('');
    await page.screenshot({ path: path.join(shots, 'dziennik-1366.png'), fullPage: false });
    await page.close();
  });

  it('the auditor filters by period and record, sees no participant name on the page or in the CSV, at 1366 and 360 px, in Polish and English', async () => {
    // The names the register holds, as the director may see them.
    const director = await demo.signedIn('dyrektor@demo.osl');
    const names = await director.evaluate(async () => {
      const list = await (await fetch('/api/communities/OST/participants')).json();
      return (list.participants ?? list.items ?? list)
        .flatMap((p: { firstName?: string | null; lastName?: string | null }) => [p.firstName, p.lastName])
        .filter((n: unknown): n is string => typeof n === 'string' && n.length > 2);
    });
    await director.close();
    expect(names.length).toBeGreaterThan(0);

    const page = await demo.signedIn('audytor@demo.osl', { pageOptions: { locale: 'pl-PL' } });
    await open(page, '/dziennik');
    await page.locator('[data-testid="audit-table"]').waitFor();
    const today = new Date().toISOString().slice(0, 10);
    await page.fill('[data-testid="audit-from"]', '2021-01-01');
    await page.fill('[data-testid="audit-to"]', today);
    await page.selectOption('[data-testid="audit-entity"]', 'importBatch');
    await page.click('[data-testid="audit-show"]');
    await expect.poll(() => page.locator('[data-testid="audit-event"]').first().getAttribute('data-action')).toMatch(/^import\./);
    const text = await page.locator('[data-testid="audit-table"]').innerText();
    expect(text).toContain('Zaimportowano plik');
    expect(text).toMatch(/Rodzaj: (dziennik działań|lista obecności|rejestr uczestników|ankiety)/);
    expect(text).toMatch(/Dodane wiersze: \d/);
    for (const name of names) expect(text).not.toContain(name);

    // Every event the auditor may export: no name anywhere in it.
    await page.click('[data-testid="audit-clear"]');
    await settled(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="audit-export"]')]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[1].split(';')).toHaveLength(8);
    // The changes in words, as the page shows them, not as JSON.
    expect(csv).toMatch(/Plik: [^;|]+ \| Rodzaj: (dziennik działań|lista obecności|rejestr uczestników|ankiety) \| /);
    expect(csv).not.toMatch(/"kind"|"created"/);
    for (const name of names) expect(csv).not.toContain(name);

    await page.setViewportSize({ width: 360, height: 800 });
    await open(page, '/dziennik');
    await page.locator('[data-testid="audit-table"]').waitFor();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: path.join(shots, 'dziennik-filtry-360.png'), fullPage: false });
    await page.locator('[data-testid="audit-count"]').evaluate((heading) => heading.scrollIntoView());
    await page.screenshot({ path: path.join(shots, 'dziennik-360.png'), fullPage: false });

    await page.setViewportSize({ width: 1366, height: 900 });
    await page.click('[data-testid="lang-en"]');
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Audit trail');
    const english = await page.locator('[data-testid="audit-table"]').innerText();
    expect(english).toMatch(/Signed in|Audit trail exported|File imported/);
    expect(english).not.toMatch(/\b(Zalogowano|Zaimportowano|Wyeksportowano|Dodane wiersze)\b/);
    await page.screenshot({ path: path.join(shots, 'dziennik-1366-en.png'), fullPage: false });
    await page.click('[data-testid="lang-pl"]');
    await page.close();
  });

  it('the auditor checks the trail’s integrity: intact in words with the count and the time, then an entry edited in the database is named with its reason, at 1366 and 360 px', async () => {
    const page = await demo.signedIn('audytor@demo.osl', { pageOptions: { locale: 'pl-PL' } });
    await open(page, '/dziennik');
    await page.locator('[data-testid="audit-table"]').waitFor();
    await page.click('[data-testid="audit-chain-check"]');
    const result = page.locator('[data-testid="audit-chain-result"]');
    // The chain, then the closed reporting periods (the demo's WNP 1 and WNP 2) against their fingerprints.
    await expect.poll(() => result.locator('[data-state]').count()).toBe(2);
    expect(await result.locator('[data-state]').first().getAttribute('data-state')).toBe('intact');
    expect(await result.locator('[data-testid="audit-chain-periods"]').getAttribute('data-state')).toBe('periods-intact');
    expect(await result.locator('[data-testid="audit-chain-periods"]').innerText()).toContain('Zamknięte okresy sprawozdawcze: sprawdzono wersji: 2');
    expect(await result.innerText()).toMatch(/^Dziennik jest spójny\. Liczba sprawdzonych wpisów: \d+, do \d{2}\.\d{2}\.\d{4}/);
    expect(await result.innerText()).toMatch(/Skrót ostatniego wpisu[^]*[0-9a-f]{64}/);
    expect(await focusedTestId(page)).toBe('audit-chain-result');
    expect(await page.locator('[data-testid="audit-chain"]').innerText()).not.toMatch(ENGLISH);
    await page.locator('[data-testid="audit-chain"]').screenshot({ path: path.join(shots, 'dziennik-spojnosc-1366.png') });

    // An entry edited behind the application's back: named by its number, with why, in words.
    const client = demo.server.app.get(DatabaseRepository).client;
    const entry = await client.auditEvent.findFirstOrThrow({ where: { action: 'auth.signed-in' }, orderBy: { id: 'asc' } });
    await client.$executeRawUnsafe('UPDATE "AuditEvent" SET "actor" = ? WHERE "id" = ?', 'ktos@inny.pl', entry.id);
    try {
      await page.setViewportSize({ width: 360, height: 800 });
      await page.click('[data-testid="audit-chain-check"]');
      await expect.poll(() => result.locator('[data-state="broken"]').count()).toBe(1);
      const text = await result.innerText();
      expect(text).toContain(`Dziennik naruszony: wpis nr ${entry.id}. Powód: treść wpisu nie zgadza się z jego skrótem`);
      expect(text).not.toMatch(/content-changed|link-broken|not-sealed/);
      expect(await focusedTestId(page)).toBe('audit-chain-result');
      await expectNoSidewaysScroll(page);
      await page.locator('[data-testid="audit-chain"]').screenshot({ path: path.join(shots, 'dziennik-spojnosc-naruszona-360.png') });
      // The language switch is in the header at 1366 px (inside the menu on a phone).
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.click('[data-testid="lang-en"]');
      await expect
        .poll(() => result.innerText())
        .toContain(`The trail has been tampered with: entry no. ${entry.id}. Reason: the entry’s content does not match its hash`);
    } finally {
      await client.$executeRawUnsafe('UPDATE "AuditEvent" SET "actor" = ? WHERE "id" = ?', entry.actor, entry.id);
    }
    await page.click('[data-testid="lang-pl"]');
    await page.close();
  });
});

describe('pages a role is not for', () => {
  it('an organizer sees neither page in the navigation and gets a refusal in words, not an error, at the address', async () => {
    const page = await demo.signedIn('organizator@demo.osl');
    expect(await page.locator('[data-testid="nav-audit"]').count()).toBe(0);
    expect(await page.locator('[data-testid="nav-accounts"]').count()).toBe(0);
    for (const [address, words] of [
      ['/konta', 'Kontami zarządzają administrator i dyrektor. Twoja rola (organizator)'],
      ['/dziennik', 'Dziennik zmian przeglądają dyrektor i audytor. Twoja rola (organizator)'],
    ] as const) {
      await open(page, address);
      const refusal = page.locator('[data-testid="page-refusal"]');
      await refusal.waitFor();
      expect(await refusal.innerText()).toContain(words);
      expect(await page.locator('[data-testid="error"], [data-testid="error-page"]').count()).toBe(0);
    }
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: path.join(shots, 'odmowa-360.png') });
    await page.close();
  });
});
