// The auditor's indicators page (issue 15, "For the auditor"): every indicator's definition beside
// it, in Polish and English, and a value's drill-down opening the rows behind it — codes for P1,
// survey answers for R2, by the keyboard too — at 1366 and 360 px.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshots, useDemoDashboard } from '../support/demo-dashboard.ts';

const demo = useDemoDashboard();

async function openIndicators(page: Page): Promise<void> {
  await page.goto(`${demo.server.url}/wskazniki`, { waitUntil: 'networkidle' });
  await page.locator('[data-testid="audit-indicator-table"]').waitFor();
}

describe("the auditor's indicator definitions and traces", () => {
  it('shows each indicator’s definition and opens the persons behind P1 as codes', async () => {
    const page = await demo.signedIn('audytor@demo.osl');
    await openIndicators(page);
    const config = (await (await page.request.get(`${demo.server.url}/api/config`)).json()) as { indicators: { code: string }[] };
    for (const { code } of config.indicators) await expect.poll(() => page.locator(`[data-testid="definition-${code}"]`).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('[data-testid="definition-R1"]').innerText()).toContain('co najmniej 3 obecnościami');
    expect(await page.locator('[data-testid="definition-R2"]').innerText()).toContain('≥ 4');
    await page.screenshot({ path: path.join(screenshots, 'indicator-definitions-auditor-1366.png') });

    await page.click('[data-testid="value-P1-ALL-2022"]');
    await page.locator('[data-testid="drill-definition"]').waitFor();
    // By the keyboard: the trace's button takes Enter.
    await page.focus('[data-testid="trace-toggle"]');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="trace-persons"]').waitFor();
    const shown = (await (await page.request.get(`${demo.server.url}/api/indicators?year=2022&community=ALL`)).json()) as { code: string; value: number }[];
    const p1 = shown.find((v) => v.code === 'P1')!.value;
    expect(await page.locator('[data-testid="trace-persons"] tbody tr').count()).toBe(p1);
    expect(await page.locator('[data-testid="trace-persons"] thead').innerText()).not.toMatch(/Imię|Name/);
    await page.screenshot({ path: path.join(screenshots, 'indicator-trace-auditor-1366.png'), fullPage: false });

    await page.click('[data-testid="value-R2-ALL-2022"]');
    await expect.poll(() => page.locator('#drill-title').innerText(), { timeout: 30_000 }).toContain('R2');
    await page.click('[data-testid="trace-toggle"]');
    // Listed, or withheld where a community's share is hidden from the auditor: never a failure.
    const outcome = page.locator('[data-testid="trace-title"], [data-testid="trace-hidden"]').first();
    await outcome.waitFor();
    expect(await outcome.innerText()).toMatch(/Odpowiedzi: \d+|jest ukryta/);
    await page.locator('[data-testid="drill-panel"]').screenshot({ path: path.join(screenshots, 'indicator-trace-r2-auditor-1366.png') });
    await page.close();
  });

  it('reads in English and fits a phone', async () => {
    const page = await demo.signedIn('audytor@demo.osl', { width: 360, lang: 'en' });
    await openIndicators(page);
    expect(await page.locator('[data-testid="definition-P1"]').innerText()).toContain('at least 1 attendance');
    await page.click('[data-testid="value-R1-WZG-2022"]');
    await expect.poll(() => page.locator('#drill-title').innerText(), { timeout: 30_000 }).toContain('R1');
    await page.click('[data-testid="trace-toggle"]');
    const outcome = page.locator('[data-testid="trace-title"], [data-testid="trace-hidden"]').first();
    await outcome.waitFor();
    expect(await outcome.innerText()).toMatch(/Persons counted: \d+|is hidden/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('[data-testid="drill-panel"]').screenshot({ path: path.join(screenshots, 'indicator-trace-auditor-360-en.png') });
    await page.locator('[data-testid="audit-indicator-table"]').screenshot({ path: path.join(screenshots, 'indicator-definitions-360-en.png') });
    await page.close();
  });
});
