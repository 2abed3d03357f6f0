// Decline alerts that lead somewhere (issue 14), in headless Chromium on the demo data: an alert's
// link reaches the activities of its weeks, its people link reaches who stopped coming, the chart
// shades its weeks only, and the overview and the navigation say there is one.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshots, useDemoDashboard } from '../support/demo-dashboard.ts';

interface Alert {
  id: number;
  community: string;
  group: string | null;
  status: string;
  window: { from: string; to: string; weeks: number };
  stoppedComingFrom: string;
}

const demo = useDemoDashboard();

/** A new page signed in as a demo account. */
function signedIn(email: string, width = 1366): Promise<Page> {
  return demo.signedIn(email, { width });
}

/** The API's answer, fetched in the page (with its session). */
const api = <T>(page: Page, url: string) => page.evaluate(async (address) => (await fetch(address)).json(), url) as Promise<T>;

/** "17.10.2022" (the Polish table) → "2022-10-17". */
const isoOf = (polish: string) => polish.trim().split('.').reverse().join('-');

describe('decline alerts', () => {
  it('lead from an alert to the activities of its weeks, with its weeks shaded on the chart, not the whole year', async () => {
    const page = await signedIn('organizator@demo.osl');
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    // The navigation marks the community with an active alert, and only it.
    await expect.poll(() => page.locator('[data-testid="nav-OST"]').getAttribute('data-alert')).toBe('active');
    expect(await page.locator('[data-testid="nav-LAZ"]').getAttribute('data-alert')).toBeNull();

    await page.click('[data-testid="nav-OST"]');
    const card = page.locator('[data-testid^="alert-"][data-status="active"]').first();
    await card.waitFor();
    // Dates, never week codes.
    const cardText = await card.innerText();
    expect(cardText).toMatch(/od \d{1,2} (września|października|listopada) 2022/);
    expect(cardText).not.toMatch(/\d{4}-W\d{2}/);
    const alertId = Number((await card.getAttribute('data-testid'))!.replace('alert-', ''));
    const alerts = await api<Alert[]>(page, '/api/alerts?community=OST&status=all');
    const alert = alerts.find((a) => a.id === alertId)!;
    expect(alert.window.weeks).toBeGreaterThan(0);

    // The chart shades the alerts' weeks only.
    const chart = page.locator('[data-testid="community-chart"]');
    await expect.poll(() => chart.getAttribute('data-rendered'), { timeout: 30_000 }).toBe('true');
    const spans = (await chart.getAttribute('data-alert-spans'))!.split(' ');
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) expect(span).not.toMatch(/W01\.\.\d{4}-W5[23]$/);

    await card.locator('[data-testid="alert-activities"]').click();
    await page.waitForURL(/[?&]od=\d{4}-\d{2}-\d{2}&do=\d{4}-\d{2}-\d{2}/);
    const rows = page.locator('[data-testid="activities-table"] tbody tr');
    await rows.first().waitFor();
    // The focus (and the view) moved to the activities.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('activities-title');
    expect(await page.locator('#activities-title').innerText()).toMatch(/^Działania: \d{1,2} .+ – \d{1,2} .+ \d{4}/);
    const top = await page.locator('#activities-title').evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(-2);
    expect(top).toBeLessThan(200);

    // Every activity shown is of the alert's weeks (and group), and all of them are shown.
    const dates = (await rows.locator('td:first-child').allInnerTexts()).map(isoOf);
    for (const date of dates) expect(date >= alert.window.from && date <= alert.window.to, date).toBe(true);
    const { activities } = await api<{ activities: { date: string; type: string }[] }>(
      page,
      `/api/activities?community=OST&from=${alert.window.from}&to=${alert.window.to}`,
    );
    const config = await api<{ activityTypes: { code: string; group: string }[] }>(page, '/api/config');
    const inGroup = activities.filter((a) => !alert.group || config.activityTypes.find((t) => t.code === a.type)?.group === alert.group);
    expect(dates.length).toBe(inGroup.length);
    // Weeks with activities: as many as the alert's figures cover.
    const weeks = new Set(inGroup.map((a) => isoWeekOf(a.date)));
    expect(weeks.size).toBe(alert.window.weeks);
    await page.screenshot({ path: path.join(screenshots, 'alert-activities.png'), fullPage: false });
    expect(problems).toEqual([]);
  });

  it('lead from an alert to who stopped coming, and on to a person’s attendance history', async () => {
    const page = await signedIn('organizator@demo.osl');
    await page.goto(`${demo.server.url}/spolecznosc/OST`, { waitUntil: 'networkidle' });
    const card = page.locator('[data-testid^="alert-"][data-status="active"]').first();
    await card.locator('[data-testid="alert-people"]').click();
    await page.waitForURL(/ostatnio_od=(\d{4}-\d{2}-\d{2})/);
    const from = new URL(page.url()).searchParams.get('ostatnio_od')!;
    await page.locator('[data-testid="lapsed-from-alert"]').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('lapsed-title');
    // The threshold of "came regularly" is shown.
    expect(await page.locator('[data-testid="lapsed-rule"]').innerText()).toMatch(/co najmniej \d+ razy w ciągu \d+ tygodni/);
    const rows = page.locator('[data-testid="lapsed-table"] tbody tr');
    await rows.first().waitFor();
    const last = (await rows.locator('[data-testid="lapsed-last"]').allInnerTexts()).map(isoOf);
    expect(last.length).toBeGreaterThan(0);
    for (const date of last) expect(date >= from, date).toBe(true);
    // Sorting by attendances puts the most first.
    await page.click('[data-testid="lapsed-sort-attendances"]');
    const counts = (await rows.locator('[data-testid="lapsed-attendances"]').allInnerTexts()).map(Number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // The export carries the same filter.
    expect(await page.locator('[data-testid="lapsed-export-csv"]').getAttribute('href')).toContain(`lastFrom=${from}`);

    const code = (await rows.first().locator('th').innerText()).trim();
    await rows.first().locator('[data-testid="lapsed-history"]').click();
    await page.waitForURL(new RegExp(`/spolecznosc/OST/uczestnik/${code}$`));
    await page.locator('[data-testid="person-attendances"] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid="person-title"]').innerText()).toContain(code);
  });

  it('sum up the active alerts on the overview, whose link reaches the activities, and show the auditor no people link', async () => {
    const page = await signedIn('audytor@demo.osl');
    const summary = page.locator('[data-testid="alerts-summary"]');
    await summary.waitFor();
    expect(await summary.locator('[data-testid="alerts-summary-item"]').count()).toBeGreaterThan(0);
    expect(await summary.innerText()).not.toMatch(/\d{4}-W\d{2}/);
    expect(await page.locator('[data-testid="alert-people"], [data-testid="alerts-summary"] a[href*="ostatnio_od"]').count()).toBe(0);
    await summary.locator('[data-testid="alerts-summary-activities"]').first().click();
    await page.waitForURL(/\/spolecznosc\/OST\?od=/);
    await page.locator('[data-testid="activities-table"] tbody tr').first().waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('activities-title');
  });
});

/** The ISO week of a civil date, as the alerts' windows count weeks. */
function isoWeekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  return `${year}-W${String(1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000))).padStart(2, '0')}`;
}
