// The two report pages (issue 14): survey results (/ankiety) and participants by gender and age
// band (/uczestnicy), opened as the director, an organizer and the auditor at 1366 px and 360 px, in
// Polish and in English, on the demo data: figures shown, the auditor's small counts as "<3", no
// English word on a Polish page, no table wider than its box at 1366 px. Screenshots go to
// docs/screenshots/ (ankiety-1366.png, ankiety-360.png, uczestnicy-1366.png, uczestnicy-360.png).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoDashboard } from '../support/demo-dashboard.ts';
import { repositoryRoot } from '../support/installation.ts';

const demo = useDemoDashboard();
const docsScreenshots = path.join(repositoryRoot, 'docs', 'screenshots');

const roles = { director: 'dyrektor@demo.osl', organizer: 'organizator@demo.osl', auditor: 'audytor@demo.osl' } as const;
const widths = [1366, 360] as const;
const langs = ['pl', 'en'] as const;

// Words of the pages' English that must not show on a Polish page (whole words, any case).
const englishWords = [
  'the',
  'and',
  'of',
  'answers',
  'answer',
  'survey',
  'surveys',
  'results',
  'women',
  'men',
  'other',
  'total',
  'gender',
  'age',
  'years',
  'mean',
  'share',
  'yes',
  'hidden',
  'community',
  'people',
  'participants',
  'question',
  'given',
  'whole',
  'project',
  'count',
  'ratings',
  'loading',
  'error',
  'likert5',
  'yes_no',
  'unknown',
];
// Whole words in Unicode terms: \b would take the "M" of "Mężczyźni" for a word of its own.
const wholeWords = (words: readonly string[], flags = 'u') => new RegExp(`(?<![\\p{L}\\p{N}_])(${words.join('|')})(?![\\p{L}\\p{N}_])`, flags);
const englishWord = wholeWords(englishWords, 'iu');
// Raw codes the API sends that a page must word: genders, question codes, scales.
const rawCodes = wholeWords([
  'K',
  'M',
  'JAKOSC_ZYCIA',
  'ZAUFANIE',
  'WIEDZA',
  'POLECAM',
  'UWAGI',
  'OCENA',
  'PONOWNIE',
  'ANK-ROCZNA',
  'ANK-PO',
  'likert5',
  'yes_no',
]);

async function open(page: Page, pathname: string): Promise<void> {
  await page.goto(`${demo.server.url}${pathname}`, { waitUntil: 'networkidle' });
  await expect.poll(() => page.locator('[data-testid="loading"]').count(), { timeout: 30_000 }).toBe(0);
}

/** The page's own text (the header and navigation are other tests' business). */
async function mainText(page: Page): Promise<string> {
  return page.locator('main').innerText();
}

/** Tables wider than the box they sit in, and whether the page scrolls sideways. */
async function overflow(page: Page): Promise<{ tables: string[]; page: boolean }> {
  return page.evaluate(() => ({
    tables: [...document.querySelectorAll('main table')]
      .filter((table) => table.scrollWidth > (table.parentElement?.clientWidth ?? Infinity) + 1)
      .map((table) => `${table.getAttribute('data-testid')}: ${table.scrollWidth} > ${table.parentElement?.clientWidth}`),
    page: document.documentElement.scrollWidth > window.innerWidth + 1,
  }));
}

/** The community names of the configuration, proper nouns in both languages. */
async function communityNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => ((await (await fetch('/api/config')).json()).communities as { name: string }[]).map((c) => c.name));
}

function withoutNames(text: string, names: string[]): string {
  return names.reduce((t, name) => t.split(name).join(' '), text);
}

describe('the report pages', () => {
  for (const [role, email] of Object.entries(roles)) {
    for (const lang of langs) {
      it(`${role} in ${lang}: both pages show their figures at 1366 and 360 px`, async () => {
        const problems: string[] = [];
        for (const width of widths) {
          const page = await demo.signedIn(email, { width, lang, onPage: (p) => p.on('pageerror', (e) => problems.push(e.message)) });
          const names = await communityNames(page);

          // Survey results: every survey, every question worded, figures shown.
          await open(page, '/ankiety?year=2022');
          expect(await page.locator('[data-testid="error"]').count()).toBe(0);
          expect(await page.locator('[data-testid="survey"]').count()).toBe(2);
          const questions = page.locator('[data-testid="survey-question"]');
          expect(await questions.count()).toBe(8);
          expect(await page.locator('[data-testid="survey-text-question"]').count()).toBe(2);
          const counts = await page.locator('[data-testid="survey-n"]').allInnerTexts();
          expect(counts.length).toBe(6);
          expect(counts.some((n) => /^\d[\d\s]*$/.test(n.replace(/\u00a0/g, ' ')))).toBe(true);
          expect(await page.locator('[data-testid="survey-bar"]').count()).toBeGreaterThan(0);
          let text = await mainText(page);
          expect(text).toContain(lang === 'pl' ? 'Ufam swoim sąsiadom' : 'I trust my neighbours');
          expect(text).not.toMatch(rawCodes);
          if (lang === 'pl') expect(text.match(englishWord)?.[0] ?? null, `/ankiety ${width}`).toBeNull();
          else expect(withoutNames(text, names), `/ankiety ${width}`).not.toMatch(/[ąćęłńóśźż]/i);
          if (width === 1366) expect(await overflow(page)).toEqual({ tables: [], page: false });
          else expect((await overflow(page)).page).toBe(false);

          // A community chosen: the figures follow it, and the address keeps it.
          await page.selectOption('[data-testid="survey-community"]', 'LAZ');
          await expect.poll(() => new URL(page.url()).searchParams.get('community')).toBe('LAZ');
          expect(await page.locator('[data-testid="survey-question"]').count()).toBe(8);

          // Participants by gender and age band: four tables (ALL and the three communities) with totals.
          await open(page, '/uczestnicy?year=2022');
          expect(await page.locator('[data-testid="error"]').count()).toBe(0);
          expect(await page.locator('[data-testid="profile-card"]').count()).toBe(4);
          expect(await page.locator('[data-testid="profile-table"]').count()).toBe(4);
          text = await mainText(page);
          for (const word of lang === 'pl' ? ['Kobiety', 'Mężczyźni', 'Inna', 'Nie podano', 'Razem'] : ['Women', 'Men', 'Other', 'Not given', 'Total'])
            expect(text).toContain(word);
          expect(text).not.toMatch(rawCodes);
          // The whole project's total is shown (the metrics table shows it to the auditor too).
          expect(await page.locator('[data-testid="profile-card"][data-community="ALL"] [data-testid="profile-total"]').innerText()).toMatch(/\d/);
          if (lang === 'pl') expect(text.match(englishWord)?.[0] ?? null, `/uczestnicy ${width}`).toBeNull();
          else expect(withoutNames(text, names), `/uczestnicy ${width}`).not.toMatch(/[ąćęłńóśźż]/i);
          if (width === 1366) expect(await overflow(page)).toEqual({ tables: [], page: false });
          else expect((await overflow(page)).page).toBe(false);

          // The auditor: small counts as "<3" and a note that says so; the others see no "<3".
          const profileCells = await page.locator('[data-testid="profile-table"] td').allInnerTexts();
          if (role === 'auditor') {
            expect(await page.locator('[data-testid="suppressed-note"]').count()).toBe(1);
            expect(profileCells).toContain('<3');
            expect(profileCells.filter((cell) => cell.trim() === '1' || cell.trim() === '2')).toEqual([]);
          } else {
            expect(profileCells).not.toContain('<3');
            expect(profileCells.some((cell) => cell.trim() === '1' || cell.trim() === '2')).toBe(true);
          }

          if (role === 'director' && lang === 'pl') {
            // On a phone the header fills the first screen: the screenshot starts at the page's heading.
            const shoot = async (name: string) => {
              if (width === 360) await page.evaluate(() => document.querySelector('main h1')?.scrollIntoView());
              await page.screenshot({ path: path.join(docsScreenshots, `${name}-${width}.png`), fullPage: false });
            };
            fs.mkdirSync(docsScreenshots, { recursive: true });
            await shoot('uczestnicy');
            await open(page, '/ankiety?year=2022');
            await shoot('ankiety');
          }
          await page.close();
        }
        expect(problems).toEqual([]);
      }, 180_000);
    }
  }

  it('auditor: the survey page shows no count of 1–2 in any community, and "<3" where counts are small', async () => {
    const page = await demo.signedIn(roles.auditor, { lang: 'pl' });
    const cells: string[] = [];
    for (const community of ['ALL', 'WZG', 'OST', 'LAZ']) {
      await open(page, `/ankiety?year=2022&community=${community}`);
      cells.push(...(await page.locator('[data-testid="survey-distribution"] td, [data-testid="survey-n"]').allInnerTexts()));
    }
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((cell) => cell.trim() === '1' || cell.trim() === '2')).toEqual([]);
    expect(cells).toContain('<3');
    await page.screenshot({ path: path.join(docsScreenshots, 'ankiety-audytor-1366.png'), fullPage: false });
    await page.close();
  }, 120_000);
});
