// The served dashboard in headless Chromium, on the demo data, as `npm start` serves it, signed in
// as the demo accounts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword, screenshots, useDemoDashboard } from '../support/demo-dashboard.ts';

const demo = useDemoDashboard();

describe('overview page', () => {
  it('renders a chart per community and the indicator table', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(demo.server.url, { waitUntil: 'networkidle' });
    // Signed out: the Polish sign-in page, marked as a demo installation.
    await page.locator('[data-testid="sign-in-form"]').waitFor();
    expect(await page.locator('h1').innerText()).toBe('Logowanie');
    expect(await page.locator('[data-testid="demo-note"]').innerText()).toContain('dyrektor@demo.osl');
    await page.fill('[data-testid="sign-in-email"]', 'dyrektor@demo.osl');
    await page.fill('[data-testid="sign-in-password"]', 'wrong-password');
    await page.click('[data-testid="sign-in-submit"]');
    expect(await page.locator('[data-testid="sign-in-error"]').innerText()).toBe('Nieprawidłowy adres e-mail lub hasło.');
    await page.fill('[data-testid="sign-in-password"]', demoPassword);
    await page.click('[data-testid="sign-in-submit"]');
    expect(await page.locator('[data-testid="user-role"]').innerText()).toBe('dyrektor');
    for (const community of ['WZG', 'OST', 'LAZ']) {
      const chart = page.locator(`[data-testid="chart-${community}"]`);
      await expect.poll(() => chart.getAttribute('data-rendered'), { timeout: 30_000 }).toBe('true');
      expect(await chart.locator('canvas, svg').count()).toBeGreaterThan(0);
    }
    const table = page.locator('[data-testid="indicator-table"]');
    await table.waitFor();
    const text = await table.innerText();
    for (const code of ['P1', 'P2', 'P3', 'P4', 'P5', 'R1', 'R2', 'R3']) expect(text).toContain(code);
    // A sparkline per indicator: 2021–2023 against the target, its figures in its label.
    await expect
      .poll(() => page.locator('[data-testid="sparkline-P1"] svg').getAttribute('aria-label'))
      .toMatch(/^P1: 2021 \d+ \/ \d+; 2022 \d+ \/ \d+; 2023 \d+ \/ \d+$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('pl');
    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, 'overview.png'), fullPage: true });
    expect(problems).toEqual([]);
    // The page works under the server's strict Content-Security-Policy.
    expect(violations).toEqual([]);
    // Signing out ends the session: the sign-in page again, and the API refuses the old cookie.
    await page.click('[data-testid="sign-out"]');
    await page.locator('[data-testid="sign-in-form"]').waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/indicators?year=2022')).status);
    expect(status).toBe(401);
  });

  it('shows the auditor small counts as "<3", and the sign-in page in English', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(demo.server.url, { waitUntil: 'networkidle' });
    await page.click('[data-testid="lang-en"]');
    expect(await page.locator('h1').innerText()).toBe('Sign in');
    await page.fill('[data-testid="sign-in-email"]', 'audytor@demo.osl');
    await page.fill('[data-testid="sign-in-password"]', demoPassword);
    await page.click('[data-testid="sign-in-submit"]');
    expect(await page.locator('[data-testid="user-role"]').innerText()).toBe('auditor');
    const table = page.locator('[data-testid="indicator-table"]');
    await table.waitFor();
    // Whatever the year shows, no person count of 1 or 2 reaches the auditor's page.
    const answer = await page.evaluate(async () => (await fetch('/api/indicators')).json());
    const small = (answer as { unit: string; value: number | null }[]).filter((r) => r.unit === 'persons' && r.value !== null && r.value > 0 && r.value < 3);
    expect(small).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, 'overview-auditor-en.png'), fullPage: false });
  });
});

/** A new page signed in as a demo account. */
function signedIn(email: string): Promise<Page> {
  return demo.signedIn(email, { pageOptions: { acceptDownloads: true } });
}

describe('community page', () => {
  it('lets the organizer find the OST decline on the chart and the activities behind it', async () => {
    const page = await signedIn('organizator@demo.osl');
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.click('[data-testid="nav-OST"]');
    await page.click('[data-testid="year-2022"]');
    const chart = page.locator('[data-testid="community-chart"]');
    await expect.poll(() => chart.getAttribute('data-rendered'), { timeout: 30_000 }).toBe('true');
    // The decline since autumn 2022 is drawn as a shaded span and listed with its sentence.
    expect(Number(await chart.getAttribute('data-alerts'))).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="alerts-list"]').innerText()).toMatch(/spadł/);
    // The activities behind a week of the decline: from the table view (the keyboard's way to a point).
    await page.locator('details.data-table summary').click();
    const weeks = page.locator('[data-testid="community-table"] tbody tr');
    expect(await weeks.count()).toBeGreaterThan(10);
    await weeks.last().locator('button').click();
    const activities = page.locator('[data-testid="activities-table"] tbody tr');
    await activities.first().waitFor();
    expect(await page.locator('[data-testid="activities-table"]').innerText()).toMatch(/wiersz \d+/);
    // And by clicking a bar on the chart.
    const box = (await chart.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height - 30);
    // The month view draws the reach indicator's target path.
    await page.click('[data-testid="grain-month"]');
    await expect.poll(() => chart.getAttribute('data-target')).toBe('P1');
    // Who has not come back: the organizer of all three communities sees codes and names.
    await page.locator('[data-testid="lapsed-table"]').waitFor();
    expect(await page.locator('[data-testid="lapsed-table"] thead').innerText()).toContain('Imię i nazwisko');
    await page.screenshot({ path: path.join(screenshots, 'community-ost.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('shows the LAZ organizer the OST figures but not its participant list', async () => {
    const page = await signedIn('organizator.laz@demo.osl');
    await page.goto(`${demo.server.url}/spolecznosc/OST`, { waitUntil: 'networkidle' });
    await page.locator('[data-testid="lapsed-hidden"]').waitFor();
    await expect.poll(() => page.locator('[data-testid="community-chart"]').getAttribute('data-rendered'), { timeout: 30_000 }).toBe('true');
  });

  it('shows the year and grain chosen last when an earlier choice is answered later', async () => {
    const page = await signedIn('organizator@demo.osl');
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${demo.server.url}/spolecznosc/OST`, { waitUntil: 'networkidle' });
    const chart = page.locator('[data-testid="community-chart"]');
    await expect.poll(() => chart.getAttribute('data-rendered'), { timeout: 30_000 }).toBe('true');
    // Every metrics query of 2021 (its series and its types) is held back until after 2022's answers.
    let held = 0;
    let released = 0;
    await page.route('**/api/metrics?*', async (route) => {
      if (new URL(route.request().url()).searchParams.get('to') !== '2021-12-31') return route.continue();
      held += 1;
      await new Promise((resolve) => setTimeout(resolve, 2500));
      // A request the page has since aborted cannot be continued; that is what the fix may do.
      await route.continue().catch(() => undefined);
      released += 1;
    });
    await page.click('[data-testid="year-2021"]');
    await page.click('[data-testid="grain-month"]');
    await page.click('[data-testid="year-2022"]');
    await expect.poll(() => held).toBeGreaterThan(0);
    await expect.poll(() => released, { timeout: 10_000 }).toBe(held);
    // Room for the late answers to be decoded and (wrongly) applied.
    await page.waitForTimeout(1000);
    await expect.poll(() => chart.getAttribute('data-rendered'), { timeout: 30_000 }).toBe('true');

    // The table holds 2022's months with activities, as the API reports them, and 2021 beside them.
    const expected = await page.evaluate(async () => {
      const answer = await (await fetch('/api/metrics?measures=activities&grain=month&communities=OST&from=2022-01-01&to=2022-12-31')).json();
      return (answer.rows as { period: string; activities: number | null }[]).filter((r) => (r.activities ?? 0) > 0).map((r) => r.period);
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="community-table"] caption').textContent()).toContain('2022');
    const rows = page.locator('[data-testid="community-table"] tbody tr');
    const headers = await rows.locator('th').allTextContents();
    expect(headers.length).toBe(expected.length);
    for (const header of headers) expect(header).toMatch(/ 2022$/);
    const previous = await rows.locator('td:last-child').allTextContents();
    expect(previous.some((text) => text.trim() !== '–')).toBe(true);
    await page.screenshot({ path: path.join(screenshots, 'community-ost-latest-choice.png'), fullPage: false });
    expect(problems).toEqual([]);
  });

  it('says so when the list of who has not come back cannot be loaded', async () => {
    const page = await signedIn('organizator@demo.osl');
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.route('**/api/communities/OST/participants', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ statusCode: 500, message: 'Internal server error' }) }),
    );
    await page.goto(`${demo.server.url}/spolecznosc/OST`, { waitUntil: 'networkidle' });
    const notice = page.locator('section[aria-labelledby="lapsed-title"] [data-testid="error"]');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.innerText()).toContain('kod odpowiedzi 500');
    expect(problems).toEqual([]);
  });
});

describe('indicators page', () => {
  it('lets the auditor drill from an indicator to the activities, their import rows and history, and export XLSX', async () => {
    const page = await signedIn('audytor@demo.osl');
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.click('[data-testid="nav-indicators"]');
    await page.locator('[data-testid="audit-indicator-table"]').waitFor();
    await page.click('[data-testid="value-P2-OST-2022"]');
    const sources = page.locator('[data-testid="sources-table"]');
    await sources.waitFor();
    expect(await sources.locator('tbody tr').count()).toBeGreaterThan(3);
    // Each activity names its activity-log file and row, who imported it and when.
    expect(await sources.innerText()).toMatch(/dziennik-dzialan-OST-2022\.csv, wiersz \d+/);
    const firstHistory = sources.locator('[data-testid^="history-"]').first();
    await firstHistory.click();
    await expect.poll(() => firstHistory.getAttribute('aria-expanded')).toBe('true');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-xlsx"]')]);
    const file = await download.path();
    const bytes = fs.readFileSync(file!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(download.suggestedFilename()).toBe('wskazniki.xlsx');
    await page.screenshot({ path: path.join(screenshots, 'indicators-auditor.png'), fullPage: false });
    expect(problems).toEqual([]);
  });
});

describe('printable summary', () => {
  it('gives the director the overview as an A4 PDF rendered by the server', async () => {
    const page = await signedIn('dyrektor@demo.osl');
    await page.locator('[data-testid="summary-pdf"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid="summary-pdf"]')]);
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/^podsumowanie-\d{4}\.pdf$/);
    fs.writeFileSync(path.join(screenshots, 'summary.pdf'), bytes);

    // Every year the director can pick, in both languages: one A4 sheet (two at most), the title
    // line, every indicator, and none of the page's controls (poppler's pdfinfo and pdftotext read it).
    const config = await page.evaluate(async () => (await (await fetch('/api/config')).json()) as { years: number[]; project: { name: string } });
    expect(config.years.length).toBeGreaterThan(0);
    const controls = [
      'Menu',
      'Drukuj podsumowanie',
      'Print the summary',
      'Wyloguj',
      'Sign out',
      'Edytuj cele',
      'Edit targets',
      'Tabela danych',
      'Data table',
      'Kto przestał przychodzić',
      'Who stopped coming',
      'Działania z tych tygodni',
      'Activities of these weeks',
    ];
    for (const lang of ['pl', 'en'] as const) {
      for (const year of config.years) {
        const pdf = await page.evaluate(
          async ([y, l]) => [...new Uint8Array(await (await fetch(`/api/reports/summary.pdf?year=${y}&lang=${l}`)).arrayBuffer())],
          [year, lang] as const,
        );
        const file = path.join(screenshots, `summary-${year}-${lang}.pdf`);
        fs.writeFileSync(file, Buffer.from(pdf));
        const pages = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
        expect(pages, `${year} ${lang}`).toBeGreaterThanOrEqual(1);
        expect(pages, `${year} ${lang}: pages`).toBeLessThanOrEqual(2);
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
        expect(text).toContain(config.project.name);
        expect(text).toContain(lang === 'pl' ? `rok ${year}` : `year ${year}`);
        expect(text).toMatch(
          lang === 'pl' ? /wydrukowano \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} \(czas warszawski\)/ : /printed \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2} \(Warsaw time\)/,
        );
        for (const code of ['P1', 'P2', 'P3', 'P4', 'P5', 'R1', 'R2', 'R3']) expect(text).toContain(code);
        for (const word of controls) expect(text, `${year} ${lang}: ${word}`).not.toContain(word);
      }
    }
  });
});

describe('target editing', () => {
  it('lets the director change a target; the table shows it after the recomputation', async () => {
    const page = await signedIn('dyrektor@demo.osl');
    await page.click('[data-testid="nav-indicators"]');
    await page.click('[data-testid="edit-P4"]');
    await page.fill('[data-testid="target-LAZ-2023"]', '7');
    await page.click('[data-testid="targets-save"]');
    await page.locator('[data-testid="targets-saved"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="value-P4-LAZ-2023"]').innerText()).toMatch(/\/ 7$/);
    // The dialog is closed and the focus is back on the button, in the row that shows the result.
    expect(await page.locator('[data-testid="targets-dialog"]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('edit-P4');
  });
});

describe('data page', () => {
  it('lets the LAZ organizer upload files and read the import report row by row', async () => {
    const page = await signedIn('organizator.laz@demo.osl');
    await page.click('[data-testid="nav-data"]');
    await page.locator('[data-testid="import-history"]').waitFor();
    // A list for another community's activity and a bad date: rejected, each row named.
    const bad = 'id_dzialania;data;spolecznosc;typ;tytul\r\nLAZ-E2E-1;31.02.2023;LAZ;WARSZTAT;Warsztaty\r\nLAZ-E2E-2;01.03.2023;OST;WARSZTAT;Cudze\r\n';
    await page.setInputFiles('[data-testid="upload-input"]', { name: 'dziennik-zly.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.click('[data-testid="upload-submit"]');
    const report = page.locator('[data-testid="import-report"]');
    await expect.poll(() => report.innerText(), { timeout: 30_000 }).toMatch(/odrzucony/);
    const text = await report.innerText();
    expect(text).toMatch(/\b2\b[\s\S]*31\.02\.2023/);
    expect(text).toMatch(/OST nie jest przypisana do Twojego konta/);
    const good = 'id_dzialania;data;spolecznosc;typ;tytul\r\nLAZ-E2E-3;01.03.2023;LAZ;WARSZTAT;Warsztaty e2e\r\n';
    await page.setInputFiles('[data-testid="upload-input"]', { name: 'dziennik-dobry.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.click('[data-testid="upload-submit"]');
    await expect.poll(() => report.innerText(), { timeout: 30_000 }).toMatch(/przyjęty/);
    await expect.poll(() => page.locator('[data-testid="import-history"]').innerText()).toContain('dziennik-dobry.csv');
    // The page says when the charts show the file, then that they do, naming the run (issue 14).
    const refresh = page.locator('[data-testid="import-refresh"]');
    await expect.poll(() => refresh.getAttribute('data-status'), { timeout: 60_000 }).toBe('shown');
    expect(await refresh.innerText()).toMatch(/^Dane z tego pliku są już na wykresach \(przeliczenie nr \d+, /);
    await page.screenshot({ path: path.join(screenshots, 'data-organizer.png'), fullPage: false });
  });
});

/** What has the focus: its test id, id, tag and whether a focus indicator is drawn around it. */
async function focused(page: import('playwright-core').Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
      testId: element.dataset.testid ?? null,
      id: element.id,
      tag: element.tagName.toLowerCase(),
      text: element.innerText?.trim().slice(0, 60) ?? '',
      indicated: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
    };
  });
}

/** Presses Tab until `matches` holds for the focused element (at most `limit` times); every stop must show its focus. */
async function tabTo(page: import('playwright-core').Page, matches: (f: NonNullable<Awaited<ReturnType<typeof focused>>>) => boolean, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) continue;
    expect(f.indicated, `no focus indicator on ${f.tag} ${f.testId ?? f.id} "${f.text}"`).toBe(true);
    if (matches(f)) return f;
  }
  throw new Error(`not reached with ${limit} presses of Tab`);
}

describe('the keyboard alone', () => {
  it('takes the organizer from signing in to the activities behind a week of the OST chart, and the auditor to an indicator’s sources', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(demo.server.url, { waitUntil: 'networkidle' });
    // The first stop skips the header.
    const skip = await tabTo(page, () => true, 1);
    expect(skip.text).toBe('Przejdź do treści');
    await tabTo(page, (f) => f.testId === 'sign-in-email');
    await page.keyboard.type('organizator@demo.osl');
    await tabTo(page, (f) => f.testId === 'sign-in-password', 3);
    await page.keyboard.type(demoPassword);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="user-menu"]').waitFor();
    await tabTo(page, (f) => f.testId === 'nav-OST');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/spolecznosc\/OST$/);
    const chart = page.locator('[data-testid="community-chart"]');
    await expect.poll(() => chart.getAttribute('data-rendered'), { timeout: 30_000 }).toBe('true');
    // The chart's table view opens from the keyboard; a week's button shows its activities and takes the focus there.
    await tabTo(page, (f) => f.tag === 'summary');
    await page.keyboard.press('Enter');
    const week = await tabTo(page, (f) => f.tag === 'button' && /\d/.test(f.text), 5);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="activities-table"], [data-testid="activities-panel"] .hint').first().waitFor();
    await expect.poll(async () => (await focused(page))?.id).toBe('activities-title');
    expect(await page.locator('#activities-title').innerText()).toContain(week.text.split(' ')[0]!);
    await page.keyboard.press('Tab');
    expect((await focused(page))?.indicated).toBe(true);
    // Signing out from the user menu.
    await page.locator('[data-testid="sign-out"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="sign-in-form"]').waitFor();

    // The auditor: from the indicator table to the sources of a value.
    await tabTo(page, (f) => f.testId === 'sign-in-email');
    await page.keyboard.type('audytor@demo.osl');
    await page.keyboard.press('Tab');
    await page.keyboard.type(demoPassword);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="user-menu"]').waitFor();
    await tabTo(page, (f) => f.testId === 'nav-indicators');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="audit-indicator-table"]').waitFor();
    await tabTo(page, (f) => f.testId === 'value-P2-ALL-2022', 200);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page))?.id).toBe('drill-title');
    await page.locator('[data-testid="sources-table"]').waitFor();
    await tabTo(page, (f) => f.testId === 'export-sources-xlsx', 40);
  });
});

describe('a 360 px phone', () => {
  it('shows every page without sideways scrolling of the page itself', async () => {
    const page = await signedIn('dyrektor@demo.osl');
    await page.setViewportSize({ width: 360, height: 740 });
    for (const pathname of ['/', '/spolecznosc/OST', '/wskazniki', '/dane']) {
      await page.goto(`${demo.server.url}${pathname}`, { waitUntil: 'networkidle' });
      await page.locator('main h1').first().waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, pathname).toBeLessThanOrEqual(360);
    }
    await page.goto(`${demo.server.url}/spolecznosc/OST`, { waitUntil: 'networkidle' });
    await page.screenshot({ path: path.join(screenshots, 'community-ost-360.png'), fullPage: false });
  });
});

describe('API documentation', () => {
  it('shows the OpenAPI document in Swagger UI under the strict Content-Security-Policy', async () => {
    const page = await demo.browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${demo.server.url}/api/docs`, { waitUntil: 'networkidle' });
    await page.locator('.swagger-ui .opblock').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.swagger-ui').last().innerText()).toContain('/api/metrics');
    expect(violations).toEqual([]);
  });
});
