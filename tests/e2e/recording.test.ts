// Recording without Excel (issue 14), in headless Chromium on the demo data: an organizer records
// an activity on a 360 px phone by ticking two people of the community's register, sees when the
// charts will show it, and finds it among the community's activities, with a link to correct it.
// A refusal names its field in the reader's language and takes the focus there.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../support/installation.ts';
import { screenshots, useDemoDashboard } from '../support/demo-dashboard.ts';

const demo = useDemoDashboard();
const docs = path.join(repositoryRoot, 'docs', 'screenshots');

/** Nothing wider than the window (no sideways scrolling of the page). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('recording an activity without Excel', () => {
  it('an organizer records one on a phone by ticking two people, is told when the charts show it, and finds it in the community’s list', async () => {
    const page = await demo.signedIn('organizator@demo.osl', { width: 360 });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${demo.server.url}/spolecznosc/OST`, { waitUntil: 'networkidle' });

    const add = page.locator('[data-testid="record-activity"]');
    expect(await add.innerText()).toBe('Dodaj zajęcia');
    expect((await add.boundingBox())!.height).toBeGreaterThanOrEqual(40);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshots, 'spolecznosc-dodaj-360.png') });
    await add.click();
    await page.waitForURL(/\/spolecznosc\/OST\/zajecia\/nowe$/);
    const form = page.locator('[data-testid="recording-form"]');
    await form.waitFor();
    expect(await page.locator('[data-testid="recording-title"]').innerText()).toBe('Dodaj zajęcia');

    // Today (the demo's clock) is after the project: taken, but said not to count toward it.
    expect(await page.inputValue('#recording-date')).toBe('2026-11-27');
    expect(await page.locator('[data-testid="recording-outside-project"]').innerText()).toMatch(/^Poza okresem projektu \(01\.01\.2021 – 31\.12\.2023\)/);
    await page.fill('#recording-date', '2023-10-10');
    expect(await page.locator('[data-testid="recording-outside-project"]').count()).toBe(0);
    await page.selectOption('#recording-type', 'WARSZTAT');
    await page.fill('#recording-title', 'Warsztaty z telefonu');
    await page.fill('#recording-headcount', '1');
    // The register with names (the community's own organizer): searched, then two people ticked.
    const people = page.locator('[data-testid="recording-people"] label');
    const everyone = await people.count();
    expect(everyone).toBeGreaterThan(2);
    const firstTwo = [await people.nth(0).locator('input').getAttribute('data-code'), await people.nth(1).locator('input').getAttribute('data-code')];
    await page.fill('#recording-search', firstTwo[0]!);
    await expect.poll(() => people.count()).toBeLessThan(everyone);
    await people.filter({ has: page.locator(`input[data-code="${firstTwo[0]}"]`) }).click();
    await page.fill('#recording-search', '');
    await people.filter({ has: page.locator(`input[data-code="${firstTwo[1]}"]`) }).click();
    expect(await page.locator('[data-testid="recording-count"]').innerText()).toContain('Zaznaczono: 2');

    // Big enough to touch, nothing wider than the phone.
    for (const box of await Promise.all([
      people.first().boundingBox(),
      page.locator('#recording-date').boundingBox(),
      page.locator('[data-testid="recording-save"]').boundingBox(),
    ]))
      expect(box!.height).toBeGreaterThanOrEqual(40);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // The form's people part, as the phone shows it: two ticked, the count and the save button at hand.
    await page.locator('#recording-search').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -220));
    await page.screenshot({ path: path.join(docs, 'zajecia-nowe-360.png') });

    await page.click('[data-testid="recording-save"]');
    const saved = page.locator('[data-testid="recording-saved"]');
    await saved.waitFor();
    const heading = await saved.locator('h2').innerText();
    expect(heading).toMatch(/^Zapisano zajęcia OST\/2023\/F\d{3}$/);
    const externalId = heading.replace('Zapisano zajęcia ', '');
    expect(await focusedId(page)).toBe('recording-saved');
    expect(await saved.innerText()).toContain('10.10.2023, warsztaty. Z listy: 2, spoza listy: 1.');
    // When the charts show it: the run the recording started, followed until it has.
    const notice = page.locator('[data-testid="import-refresh"]');
    await expect.poll(() => notice.getAttribute('data-status'), { timeout: 60_000 }).toBe('shown');
    expect(await notice.innerText()).toMatch(/^Te zajęcia są już na wykresach \(przeliczenie nr \d+, /);
    await page.screenshot({ path: path.join(screenshots, 'zajecia-zapisane-360.png') });

    // Back to the community: its activities of that day list it, with a link to correct it.
    await page.click('[data-testid="recording-see"]');
    await page.waitForURL(/\/spolecznosc\/OST\?od=2023-10-10&do=2023-10-10$/);
    const table = page.locator('[data-testid="activities-table"]');
    await table.waitFor();
    const row = table.locator('tr', { hasText: 'Warsztaty z telefonu' });
    expect(await row.innerText()).toContain(externalId);
    expect(await row.innerText()).toMatch(/3\s*\(2 \+ 1\)/);
    // Where it came from: the form, and who entered it (no file, no row).
    expect(await row.innerText()).toContain('formularz w panelu (organizator@demo.osl)');
    const correct = row.locator('[data-testid="activity-correct"]');
    expect(await correct.innerText()).toBe('Popraw');
    expect((await correct.boundingBox())!.height).toBeGreaterThanOrEqual(40);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, 'spolecznosc-zajecia-popraw-360.png') });

    // The correction opens with the list as stored.
    await correct.click();
    await page.locator('[data-testid="recording-form"]').waitFor();
    expect(await page.locator('[data-testid="recording-title"]').innerText()).toBe(`Popraw zajęcia ${externalId}`);
    expect(await page.locator('[data-testid="recording-count"]').innerText()).toContain('Zaznaczono: 2');
    expect(await page.inputValue('#recording-title')).toBe('Warsztaty z telefonu');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('in English, a refusal names its field in English and takes the focus there; ticking works from the keyboard', async () => {
    const page = await demo.signedIn('organizator@demo.osl', { lang: 'en' });
    await page.goto(`${demo.server.url}/spolecznosc/OST/zajecia/nowe`, { waitUntil: 'networkidle' });
    await page.locator('[data-testid="recording-form"]').waitFor();
    expect(await page.locator('[data-testid="recording-title"]').innerText()).toBe('Add an activity');
    // Keyboard: from the search box to the first person, ticked with the space bar.
    await page.focus('#recording-search');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.locator('[data-testid="recording-count"]').innerText()).toContain('Ticked: 1');

    await page.fill('#recording-date', '2030-01-01');
    await page.selectOption('#recording-type', 'PRELEKCJA');
    await page.fill('#recording-title', 'Talk');
    await page.click('[data-testid="recording-save"]');
    const error = page.locator('[data-testid="recording-error-date"]');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/^The date 2030-01-01 is in the future \(today is 2026-11-27\)\.$/);
    expect(await focusedId(page)).toBe('recording-date');
    expect(await page.locator('[data-testid="recording-errors"]').innerText()).toContain('The activity was not saved');
    await page.screenshot({ path: path.join(screenshots, 'recording-refused-en.png') });
    const text = await page.locator('main, body').first().innerText();
    expect(text).not.toMatch(/\b(Zapisz|Zaznaczono|zajęcia|Data zajęć)\b/);
    await page.close();
  });

  it('at 1366 px: the form beside the register, as the director does not see it', async () => {
    const page = await demo.signedIn('organizator@demo.osl');
    await page.goto(`${demo.server.url}/spolecznosc/LAZ/zajecia/nowe`, { waitUntil: 'networkidle' });
    await page.locator('[data-testid="recording-form"]').waitFor();
    await page.fill('#recording-date', '2023-05-16');
    await page.selectOption('#recording-type', 'ANIM_KULT');
    await page.fill('#recording-title', 'Wieczór z muzyką');
    const people = page.locator('[data-testid="recording-people"] label');
    await people.nth(0).click();
    await people.nth(2).click();
    await people.nth(3).click();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(docs, 'zajecia-nowe-1366.png') });
    await page.close();

    const director = await demo.signedIn('dyrektor@demo.osl');
    await director.goto(`${demo.server.url}/spolecznosc/OST`, { waitUntil: 'networkidle' });
    await director.locator('[data-testid="community-title"]').waitFor();
    expect(await director.locator('[data-testid="record-activity"]').count()).toBe(0);
    await director.goto(`${demo.server.url}/spolecznosc/OST/zajecia/nowe`, { waitUntil: 'networkidle' });
    expect(await director.locator('[data-testid="recording-not-allowed"]').innerText()).toMatch(/organizator albo administrator/);
    await director.close();
  });
});
