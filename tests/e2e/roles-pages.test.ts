// Every page for every role (issue 14): each demo account signs in and opens every page it can reach
// at 1366 px; none shows an error notice (ErrorNotice, data-testid="error"). The auditor gets the
// community page by month with "<3" for small counts instead of a refusal, persons reached on the
// overview, and a finished year that reads achieved or not achieved, never 100% below its target.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoDashboard } from '../support/demo-dashboard.ts';

const roles = {
  director: 'dyrektor@demo.osl',
  organizer: 'organizator@demo.osl',
  organizerOfLaz: 'organizator.laz@demo.osl',
  auditor: 'audytor@demo.osl',
  admin: 'admin@demo.osl',
} as const;
// The pages of the issue; any other page the navigation links to is opened too.
const pages = ['/', '/wskazniki', '/dane', '/spolecznosc/WZG', '/spolecznosc/OST', '/spolecznosc/LAZ'];

const demo = useDemoDashboard();

async function signIn(email: string): Promise<{ page: Page; problems: string[] }> {
  const problems: string[] = [];
  const page = await demo.signedIn(email, { onPage: (p) => p.on('pageerror', (error) => problems.push(error.message)) });
  return { page, problems };
}

/** Opens a page and waits until it has settled: no request in flight and nothing left loading. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${demo.server.url}${path}`, { waitUntil: 'networkidle' });
  await expect.poll(() => page.locator('[data-testid="loading"]').count(), { timeout: 30_000 }).toBe(0);
}

describe('every page for every role', () => {
  for (const [role, email] of Object.entries(roles)) {
    it(`${role}: every page it can reach opens without an error notice`, async () => {
      const { page, problems } = await signIn(email);
      const linked = await page.locator('nav.app-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      const reachable = [...new Set([...pages, ...linked.filter((href) => href.startsWith('/'))])];
      const notices: string[] = [];
      for (const path of reachable) {
        await open(page, path);
        for (const text of await page.locator('[data-testid="error"]').allInnerTexts()) notices.push(`${path}: ${text.replace(/\s+/g, ' ')}`);
      }
      expect(notices).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});

describe("the auditor's view", () => {
  it('shows each community page by month, small counts as "<3", and says why there is no weekly view', async () => {
    const { page, problems } = await signIn(roles.auditor);
    // The counts of persons and attendances in the tables under the charts (not the activities column).
    const personCells: string[] = [];
    for (const code of ['WZG', 'OST', 'LAZ']) {
      await open(page, `/spolecznosc/${code}`);
      expect(await page.locator('[data-testid="error"]').count(), code).toBe(0);
      const chart = page.locator('[data-testid="community-chart"]');
      await expect.poll(() => chart.getAttribute('data-rendered'), { timeout: 30_000 }).toBe('true');
      expect(await page.locator('[data-testid="grain-month"]').getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('[data-testid="grain-week"]').isDisabled()).toBe(true);
      expect(await page.locator('[data-testid="auditor-view-note"]').innerText()).toContain('„<3”');
      // The table under the chart lists months ("styczeń 2023"), not weeks.
      await page.locator('details.data-table summary').click();
      const periods = await page.locator('[data-testid="community-table"] tbody th').allInnerTexts();
      expect(periods.length).toBeGreaterThan(0);
      for (const period of periods) expect(period).toMatch(/^\p{L}+ \d{4}$/u);
      const rows = await page
        .locator('[data-testid="community-table"] tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent?.trim() ?? '')));
      personCells.push(...rows.flat());
      // Activities by kind: their number only, with the reason for no attendances.
      expect(await page.locator('[data-testid="types-activities-only"]').count()).toBe(1);
    }
    // Small counts of the demo year are hidden, and shown as "<3", never as 1 or 2.
    expect(personCells).toContain('<3');
    expect(personCells.filter((text) => text === '1' || text === '2')).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows persons reached on the overview as the indicator table does, and a finished year as achieved or not', async () => {
    const { page, problems } = await signIn(roles.auditor);
    await open(page, '/?year=2023');
    const table = page.locator('[data-testid="indicator-table"]');
    await table.waitFor();
    // P1 in WZG, as the table gives it ("141/117"), is the card's persons reached by the end of 2023.
    const p1Wzg = (await table.locator('tr[data-indicator="P1"] td[data-community="WZG"] .community__figure').innerText()).split('/')[0]!.trim();
    const card = page.locator('article[data-community="WZG"] .kpis');
    expect(await card.innerText()).not.toContain('brak danych');
    expect(await card.locator('div').nth(2).locator('dd').innerText()).toContain(p1Wzg);
    // R2 in 2023 (69.9% of a 70% target): not achieved, its achievement below 100%, its shortfall given.
    const r2 = table.locator('tr[data-indicator="R2"]');
    expect(await r2.getAttribute('data-status')).toBe('not_achieved');
    expect(await r2.locator('.achievement__value').innerText()).toBe('99,8%');
    expect(await page.locator('[data-testid="shortfall-R2"]').innerText()).toBe('brakuje 0,1 pkt proc. do celu');
    // A finished year has no traffic light at all.
    const statuses = await table.locator('tbody tr[data-indicator]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses.filter((s) => s === 'on_track' || s === 'at_risk' || s === 'behind')).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
