// Every page for every role, in both languages, on a laptop and a phone (issue 14): each demo
// account opens every page its navigation links to (read from the page, so that pages added later
// are covered too), one community page, one person's page where it may and the page of an address
// that leads nowhere, at 1366 px and 360 px, in Polish and in English. On none: an error notice, a table wider than its box (unless the box is
// a labelled region one can scroll from the keyboard), a page wider than the window, an English word
// or raw code in Polish, a Polish word in English. One browser; one context per account, reused
// for its languages and widths. And every action leaves the focus where its result is.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, screenshots, useDemoDashboard } from '../support/demo-dashboard.ts';
import { repositoryRoot } from '../support/installation.ts';
import { configuredNames, pageText, uiLeaks } from '../support/ui-words.ts';

const demo = useDemoDashboard();

const accounts = {
  director: 'dyrektor@demo.osl',
  organizer: 'organizator@demo.osl',
  auditor: 'audytor@demo.osl',
  admin: 'admin@demo.osl',
} as const;
const langs = ['pl', 'en'] as const;
const widths = [1366, 360] as const;
const LANG_KEY = 'osl-monitor.lang';

/** Whether the dashboard has a route for a path (a link to a page others are still building is left until it has one). */
function routeExists(href: string): boolean {
  const routes = path.join(repositoryRoot, 'dashboard', 'src', 'routes');
  if (href === '/') return true;
  const segments = href.split('?')[0]!.split('/').filter(Boolean);
  let dir = routes;
  for (const segment of segments) {
    const exact = path.join(dir, segment);
    if (fs.existsSync(exact)) dir = exact;
    else {
      const dynamic = fs.existsSync(dir) ? fs.readdirSync(dir).find((name) => name.startsWith('[')) : undefined;
      if (!dynamic) return false;
      dir = path.join(dir, dynamic);
    }
  }
  return fs.existsSync(path.join(dir, '+page.svelte'));
}

/** Opens a path and waits until it has settled: no request in flight, nothing left loading, every <details> open. */
async function open(page: Page, href: string): Promise<void> {
  await page.goto(`${demo.server.url}${href}`, { waitUntil: 'networkidle' });
  await expect.poll(() => page.locator('[data-testid="loading"]').count(), { timeout: 30_000 }).toBe(0);
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  // Two frames: the tables' boxes measure themselves after a layout.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Tables wider than the box that scrolls them (or than the window) where that box is not a
 * labelled, keyboard-scrollable region; and the page itself wider than the window.
 */
function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const viewport = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > viewport + 1)
      problems.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${viewport} px window`);
    for (const table of document.querySelectorAll('table')) {
      if (table.getClientRects().length === 0) continue;
      const name = table.dataset.testid ?? table.caption?.textContent?.trim() ?? table.className;
      let box: HTMLElement | null = table.parentElement;
      while (box && box !== document.body && !/(auto|scroll|hidden)/.test(getComputedStyle(box).overflowX)) box = box.parentElement;
      const width = box && box !== document.body ? box.clientWidth : viewport;
      if (table.scrollWidth <= width + 1) continue;
      const labelled = box && box.getAttribute('role') === 'region' && box.getAttribute('tabindex') === '0' && !!box.getAttribute('aria-label');
      if (!labelled) problems.push(`table ${name}: ${table.scrollWidth} px in a ${width} px box that is not a labelled scroll region`);
    }
    return problems;
  });
}

describe('the checker of words', () => {
  it('finds English words and raw codes in Polish, Polish words in English, and lets names and codes of people through', () => {
    expect(uiLeaks('pełne · full, tydzień 2022-W42, typ ANIM_KULT, status not_achieved, Import danych', 'pl')).toHaveLength(4);
    expect(uiLeaks('Uczestnik WZG-0042, dyrektor@demo.osl, OSL Monitor, plik dziennik_dzialan.csv, eksport XLSX', 'pl')).toEqual([]);
    expect(uiLeaks('Activities in the week of 17 października', 'en')).toHaveLength(1);
    expect(uiLeaks('Mieszkańcy Os. Wzgórze', 'en', new Set(['Mieszkańcy', 'Wzgórze']))).toEqual([]);
  });
});

for (const [role, email] of Object.entries(accounts)) {
  describe(`${role}: every page`, () => {
    let context: BrowserContext;
    let page: Page;
    let names: Set<string>;
    const problems: string[] = [];
    beforeAll(async () => {
      context = await demo.browser.newContext({ viewport: { width: 1366, height: 768 } });
      page = await context.newPage();
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(demo.server.url, { waitUntil: 'networkidle' });
      await page.fill('[data-testid="sign-in-email"]', email);
      await page.fill('[data-testid="sign-in-password"]', demoPassword);
      await page.click('[data-testid="sign-in-submit"]');
      await page.locator('[data-testid="user-menu"]').waitFor({ state: 'attached' });
      names = await configuredNames(page);
    });
    afterAll(async () => {
      await context?.close();
    });

    let communityTurn = 0;
    for (const lang of langs) {
      for (const width of widths) {
        it(`${lang}, ${width} px: no error notice, nothing wider than its box, every word in ${lang === 'pl' ? 'Polish' : 'English'}`, async () => {
          await page.setViewportSize({ width, height: width === 360 ? 740 : 768 });
          await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [LANG_KEY, lang]);
          await open(page, '/');
          const links = await page.locator('nav.app-nav a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
          const pages = links.filter((href) => href.startsWith('/') && !href.startsWith('/spolecznosc/'));
          // One community per run, in turn, so that each is seen.
          const communities = links.filter((href) => href.startsWith('/spolecznosc/'));
          expect(communities.length).toBeGreaterThan(0);
          const community = communities[communityTurn++ % communities.length]!;
          const found: string[] = [];
          const check = async (href: string, errorPage = false) => {
            await open(page, href);
            expect(await page.locator('html').getAttribute('lang'), href).toBe(lang);
            for (const text of await page.locator('[data-testid="error"]').allInnerTexts())
              found.push(`${href}: error notice "${text.replace(/\s+/g, ' ').slice(0, 160)}"`);
            if ((await page.locator('[data-testid="error-page"]').count()) !== (errorPage ? 1 : 0))
              found.push(`${href}: ${errorPage ? 'not ' : ''}the error page`);
            for (const problem of await overflows(page)) found.push(`${href}: ${problem}`);
            for (const leak of uiLeaks(await pageText(page), lang, names)) found.push(`${href}: ${leak}`);
          };
          const unbuilt = pages.filter((href) => !routeExists(href));
          for (const href of pages.filter(routeExists)) await check(href);
          await check(community);
          // One person's page, from the list of who has not come back, where the account may see it.
          const person = await page
            .locator('[data-testid="lapsed-history"]')
            .first()
            .getAttribute('href', { timeout: 1000 })
            .catch(() => null);
          if (person) await check(person);
          // The page of an address that leads nowhere.
          await check('/nie-ma-takiej-strony', true);
          if (unbuilt.length) console.info(`${role} ${lang} ${width}: not built yet, left out: ${unbuilt.join(', ')}`);
          await page.screenshot({ path: path.join(screenshots, `every-page-${role}-${lang}-${width}.png`) });
          expect(found).toEqual([]);
          expect(problems).toEqual([]);
        });
      }
    }
  });
}

/** What has the focus: its id, test id, tag, text, where it is in the window, whether its ring shows. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      id: element.id,
      testId: element.dataset.testid ?? null,
      tag: element.tagName.toLowerCase(),
      text: element.innerText?.trim().slice(0, 80) ?? '',
      top: box.top,
      bottom: box.bottom,
      inDialog: !!element.closest('dialog[open]'),
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      outlineColor: style.outlineColor,
      background: style.backgroundColor,
      boxShadow: style.boxShadow,
    };
  });
}

async function signedInAt(email: string, width = 1366): Promise<Page> {
  return demo.signedIn(email, { width, pageOptions: { viewport: { width, height: width === 360 ? 740 : 768 } } });
}

describe('focus follows every action', () => {
  it('signing in: the focus is on the page it opens, the overview, whose first chart is whole on a 1366×768 screen', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(demo.server.url, { waitUntil: 'networkidle' });
    await page.fill('[data-testid="sign-in-email"]', accounts.director);
    await page.fill('[data-testid="sign-in-password"]', demoPassword);
    await page.press('[data-testid="sign-in-password"]', 'Enter');
    await expect.poll(async () => (await focused(page))?.tag).toBe('h1');
    expect((await focused(page))?.text).toBe('Przegląd wskaźników');
    // The first community's key figures and its whole chart, without scrolling.
    const chart = page.locator('[data-testid^="chart-"]').first();
    await expect.poll(() => chart.getAttribute('data-rendered'), { timeout: 30_000 }).toBe('true');
    const box = (await chart.boundingBox())!;
    expect(box.y).toBeGreaterThan(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(await page.locator('article[data-community] .kpis').first().isVisible()).toBe(true);
    await page.close();
  });

  it('"Edytuj cele": a dialog with the focus inside; Escape and "Anuluj" close it and give the focus back to the button', async () => {
    const page = await signedInAt(accounts.director);
    await page.goto(`${demo.server.url}/wskazniki`, { waitUntil: 'networkidle' });
    const edit = page.locator('[data-testid="edit-P4"]');
    await edit.click();
    const dialog = page.locator('[data-testid="targets-dialog"]');
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true);
    let now = await focused(page);
    expect(now?.inDialog).toBe(true);
    expect(now?.tag).toBe('input');
    // The dialog is on the screen where the button was pressed, not 1,650 px below.
    const box = (await dialog.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(768);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    now = await focused(page);
    expect(now?.testId).toBe('edit-P4');
    await edit.click();
    await dialog.waitFor();
    await page.click('[data-testid="targets-cancel"]');
    await dialog.waitFor({ state: 'detached' });
    expect((await focused(page))?.testId).toBe('edit-P4');
    await page.close();
  });

  it('a bar of the community chart: its activities are scrolled into view and their heading has the focus', async () => {
    const page = await signedInAt(accounts.organizer);
    await page.goto(`${demo.server.url}/spolecznosc/OST`, { waitUntil: 'networkidle' });
    const chart = page.locator('[data-testid="community-chart"]');
    await expect.poll(() => chart.getAttribute('data-rendered'), { timeout: 30_000 }).toBe('true');
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = (await chart.boundingBox())!;
    // A bar: the first place along the axis where a click picks a week (a week without activities has none).
    for (const at of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
      await page.mouse.click(box.x + box.width * at, box.y + box.height - 45);
      const picked = await expect
        .poll(async () => (await focused(page))?.id, { timeout: 2000 })
        .toBe('activities-title')
        .then(() => true)
        .catch(() => false);
      if (picked) break;
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    await expect.poll(async () => (await focused(page))?.id, { timeout: 10_000 }).toBe('activities-title');
    const heading = (await focused(page))!;
    expect(heading.top).toBeGreaterThanOrEqual(0);
    expect(heading.bottom).toBeLessThanOrEqual(768);
    expect(heading.text).toMatch(/^Działania/);
    await page.close();
  });

  it('a value of the indicator table: its sources are scrolled into view and their heading has the focus', async () => {
    const page = await signedInAt(accounts.auditor);
    await page.goto(`${demo.server.url}/wskazniki`, { waitUntil: 'networkidle' });
    await page.click('[data-testid="value-P2-OST-2022"]');
    await expect.poll(async () => (await focused(page))?.id, { timeout: 10_000 }).toBe('drill-title');
    const heading = (await focused(page))!;
    expect(heading.top).toBeGreaterThanOrEqual(0);
    expect(heading.bottom).toBeLessThanOrEqual(768);
    await page.close();
  });

  it('a pressed toggle button shows its focus ring, unlike the button’s own colour', async () => {
    const page = await signedInAt(accounts.organizer);
    await page.goto(`${demo.server.url}/spolecznosc/OST`, { waitUntil: 'networkidle' });
    const pressed = page.locator('[data-testid="grain-week"]');
    expect(await pressed.getAttribute('aria-pressed')).toBe('true');
    // Reached from the keyboard (so that the ring is the keyboard's, :focus-visible).
    await page.locator('[data-testid="year-2021"]').focus();
    for (let i = 0; i < 6 && (await focused(page))?.testId !== 'grain-week'; i++) await page.keyboard.press('Shift+Tab');
    expect((await focused(page))?.testId).toBe('grain-week');
    const ring = (await focused(page))!;
    expect(ring.ring).toBe(true);
    expect(ring.outlineColor).not.toBe(ring.background);
    // A white ring inside separates the outline from the dark pressed button.
    expect(ring.boxShadow).toMatch(/rgb\(255, 255, 255\).*inset|inset.*rgb\(255, 255, 255\)/);
    await page.close();
  });

  it('on a phone the navigation is a menu: the button opens it on the current page, Escape closes it and gives the focus back', async () => {
    const page = await signedInAt(accounts.director, 360);
    const toggle = page.locator('[data-testid="menu-toggle"]');
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[data-testid="nav-data"]').isVisible()).toBe(false);
    // The header takes little of the phone's first screen.
    expect((await page.locator('header.app-header').boundingBox())!.height).toBeLessThan(90);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect((await focused(page))?.testId).toBe('nav-overview');
    // Communities by name in the menu.
    expect(await page.locator('[data-testid="nav-WZG"]').innerText()).toContain('Mieszkańcy Os. Wzgórze');
    expect(await page.locator('[data-testid="user-menu"]').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect((await focused(page))?.testId).toBe('menu-toggle');
    // A link followed closes the menu.
    await toggle.click();
    await page.click('[data-testid="nav-data"]');
    await page.waitForURL(/\/dane$/);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[data-testid="nav-data"]').isVisible()).toBe(false);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.close();
  });
});
