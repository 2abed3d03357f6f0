// Words, not codes, in the dashboard's language: what a page's text must not hold. The Polish UI
// must show no English word likely to leak (from code, the server or a library) and no raw code
// (snake_case keys, ISO week codes, upper-case type codes, ISO dates); the English UI no Polish
// word (one with a Polish letter). What the users wrote (names, titles, file names: marked
// translate="no" in the page) is not the UI's; names from the configuration are allowed by word.
import type { Page } from 'playwright-core';

/** English words that a Polish page should never show (whole words, any case). */
export const englishWords = [
  'the',
  'and',
  'of',
  'to be',
  'full',
  'incremental',
  'survey',
  'surveys',
  'attendance',
  'attendances',
  'activity',
  'activities',
  'schedule',
  'startup',
  // Not 'import': the Polish word is the same ("Dane: import, przeliczenia").
  'not found',
  'error',
  'failed',
  'succeeded',
  'running',
  'rejected',
  'imported',
  'pending',
  'loading',
  'undefined',
  'null',
  'NaN',
  'week',
  'month',
  'persons',
  'director',
  'organizer',
  'auditor',
  'territorial',
  'categorical',
  'on track',
  'at risk',
  'behind',
  'no data',
  'retry',
] as const;

/** Raw codes: what a code looks like when no label was put on it. */
export const rawCodePatterns: readonly { name: string; pattern: RegExp }[] = [
  { name: 'snake_case key', pattern: /(?<![\p{L}\p{N}_.-])[a-z]+_[a-z_]+(?![\p{L}\p{N}_])/gu },
  { name: 'ISO week code', pattern: /\b\d{4}-W\d{2}\b/g },
  { name: 'upper-case type code', pattern: /(?<![\p{L}\p{N}_-])[A-Z]{2,}_[A-Z_]+(?![\p{L}\p{N}_])/gu },
  { name: 'upper-case code word', pattern: /(?<![\p{L}\p{N}_/-])[A-Z]{5,}(?![\p{L}\p{N}_/-])/gu },
  { name: 'ISO date', pattern: /\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/g },
  { name: 'object', pattern: /\[object \w+\]/g },
];

/** Genuine text that looks like a leak: the product's name, file formats, the GDPR's Polish acronym. */
export const allowedUpperCase = new Set(['XLSX', 'RODO']);

/** What is taken out before checking: e-mails, file names, participant codes ("WZG-0042"), the product's name, web addresses. */
const notUiText = [
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /[\p{L}\p{N}_.-]+\.(?:csv|xlsx|xls|pdf|json)\b/giu,
  /\b[A-Z]{2,4}-\d{2,5}\b/g,
  /OSL Monitor/g,
  /https?:\/\/\S+/g,
];

const POLISH_LETTER = /[ąćęłńóśźż]/i;

function wordPattern(word: string): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, word === 'NaN' ? 'gu' : 'giu');
}
const englishPatterns = englishWords.map((word) => ({ word, pattern: wordPattern(word) }));

/**
 * The leaks in a page's text for its language: each as "what: the text around it". `allowed`: words
 * that are names (of the communities, the centre, the project), not the UI's own words.
 */
export function uiLeaks(text: string, lang: 'pl' | 'en', allowed: ReadonlySet<string> = new Set()): string[] {
  let clean = text;
  for (const pattern of notUiText) clean = clean.replace(pattern, ' ');
  const leaks: string[] = [];
  const around = (index: number, length: number) => clean.slice(Math.max(0, index - 30), index + length + 30).replace(/\s+/g, ' ');
  if (lang === 'pl') {
    for (const { word, pattern } of englishPatterns) {
      for (const match of clean.matchAll(pattern)) leaks.push(`English "${word}": …${around(match.index, match[0].length)}…`);
    }
    for (const { name, pattern } of rawCodePatterns) {
      for (const match of clean.matchAll(pattern)) {
        if (allowedUpperCase.has(match[0]) || allowed.has(match[0])) continue;
        leaks.push(`${name} "${match[0]}": …${around(match.index, match[0].length)}…`);
      }
    }
  } else {
    for (const match of clean.matchAll(/[\p{L}]+/gu)) {
      if (POLISH_LETTER.test(match[0]) && !allowed.has(match[0])) leaks.push(`Polish "${match[0]}": …${around(match.index, match[0].length)}…`);
    }
    for (const { name, pattern } of rawCodePatterns) {
      for (const match of clean.matchAll(pattern)) {
        if (allowedUpperCase.has(match[0]) || allowed.has(match[0])) continue;
        leaks.push(`${name} "${match[0]}": …${around(match.index, match[0].length)}…`);
      }
    }
  }
  return leaks;
}

/** The words of the configuration's names (communities, centre, project): names, in either language. */
export async function configuredNames(page: Page): Promise<Set<string>> {
  const config = await page.evaluate(async () => (await fetch('/api/config')).json());
  const names: string[] = [config.project?.name, config.project?.centre, ...(config.communities ?? []).map((c: { name: string }) => c.name)];
  return new Set(names.filter(Boolean).flatMap((name: string) => name.match(/[\p{L}\p{N}]+/gu) ?? []));
}

/**
 * The page's words as a user meets them: the text of the header, the page and the footer (hidden
 * parts too: a screen reader reads them, a closed menu opens) and the labels, titles and
 * placeholders of its elements, without what the users wrote (translate="no").
 */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const element of clone.querySelectorAll('script, style, template, [translate="no"]')) element.remove();
    const parts: string[] = [];
    const walker = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue ?? '');
    for (const element of clone.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    parts.push(document.title);
    return parts.join(' \n ');
  });
}
