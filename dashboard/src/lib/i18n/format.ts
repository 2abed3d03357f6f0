// Pure, locale-aware formatting. Dates are always shown in the project's time zone,
// whatever the browser's own zone is.

import { DISPLAY_TIME_ZONE, LOCALES, type Lang } from '@osl/data/labels';

// Numbers, dates and times as the server's files show them too: one definition, in @osl/data.
export { DISPLAY_TIME_ZONE, LOCALES, formatDate, formatDateTime, formatNumber, type Lang } from '@osl/data/labels';

export const LANGS: readonly Lang[] = ['pl', 'en'];

export function isLang(value: unknown): value is Lang {
  return value === 'pl' || value === 'en';
}

/** `fraction` 0.874 → "87%". */
export function formatPercent(fraction: number, lang: Lang, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits }).format(fraction);
}

/**
 * A calendar month "2021-01" → "sty 2021" / "Jan 2021" (short) or "styczeń 2021" / "January 2021"
 * (long); `month` alone gives "sty" / "Jan".
 */
export function formatMonth(period: string, lang: Lang, style: 'short' | 'long' | 'month' = 'short'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  // Mid-month noon UTC is the same calendar month in every European zone.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15, 12));
  const options: Intl.DateTimeFormatOptions =
    style === 'month' ? { month: 'short', timeZone: DISPLAY_TIME_ZONE } : { month: style, year: 'numeric', timeZone: DISPLAY_TIME_ZONE };
  return new Intl.DateTimeFormat(LOCALES[lang], options).format(date);
}

/** Today's calendar date (YYYY-MM-DD) in the given zone. */
export function calendarDateIn(instant: Date, timeZone = DISPLAY_TIME_ZONE): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(instant);
}

/**
 * A period of a chart: "2022-W42" → "tydz. 42" / "wk 42" on an axis; in words, by the day its
 * week begins (nobody counts weeks): "tydzień od 17 października 2022" / "week of 17 October 2022".
 * A month "2022-10" → its short name on an axis, "październik 2022" / "October 2022" in words.
 */
export function formatPeriod(period: string, lang: Lang, style: 'axis' | 'long' = 'axis'): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (!week) return formatMonth(period, lang, style === 'axis' ? 'month' : 'long');
  const number = Number(week[2]);
  if (style === 'axis') return lang === 'pl' ? `tydz. ${number}` : `wk ${number}`;
  const monday = formatDateInWords(isoWeekMonday(Number(week[1]), number), lang);
  return lang === 'pl' ? `tydzień od ${monday}` : `week of ${monday}`;
}

/** The Monday an ISO week begins on (YYYY-MM-DD): week 1 is the one holding 4 January. */
export function isoWeekMonday(year: number, week: number): string {
  const january4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = Date.UTC(year, 0, 4 - ((january4.getUTCDay() + 6) % 7));
  return new Date(mondayOfWeek1 + (week - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
}

/** A calendar date in words: "17 października 2022" / "17 October 2022". */
export function formatDateInWords(isoDate: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: DISPLAY_TIME_ZONE }).format(date);
}

/** A calendar date at noon UTC: the same day in Europe/Warsaw, whatever the browser's zone. */
const calendarNoon = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);
const longDateFormat = (lang: Lang) => new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: DISPLAY_TIME_ZONE });

/** A calendar date in words: "2022-10-17" → "17 października 2022" / "17 October 2022". */
export function formatLongDate(isoDate: string, lang: Lang): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? longDateFormat(lang).format(calendarNoon(isoDate)) : isoDate;
}

/**
 * Two calendar dates as one span, saying the month and year once where they are shared:
 * "17–23 października 2022", "4 września – 17 grudnia 2023", "26 grudnia 2022 – 1 stycznia 2023".
 * Built by hand rather than with Intl's formatRange, whose spacing differs between ICU versions.
 */
export function formatDateRange(from: string, to: string, lang: Lang): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return `${from} – ${to}`;
  if (from === to) return formatLongDate(from, lang);
  const end = formatLongDate(to, lang);
  if (from.slice(0, 7) === to.slice(0, 7)) return `${Number(from.slice(8))}–${end}`;
  if (from.slice(0, 4) === to.slice(0, 4)) {
    const dayAndMonth = new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', timeZone: DISPLAY_TIME_ZONE }).format(calendarNoon(from));
    return `${dayAndMonth} – ${end}`;
  }
  return `${formatLongDate(from, lang)} – ${end}`;
}

/** The Monday and Sunday of an ISO week ("2022-W42" → 2022-10-17, 2022-10-23); null for anything else. */
export function isoWeekDates(week: string): { from: string; to: string } | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const jan4 = Date.UTC(Number(match[1]), 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (Number(match[2]) - 1) * 7 * 86_400_000;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(monday), to: day(monday + 6 * 86_400_000) };
}

/** A period in dates, never a week code: a week as its days ("17–23 października 2022"), a month by name ("październik 2022"). */
export function formatPeriodDates(period: string, lang: Lang): string {
  const week = isoWeekDates(period);
  return week ? formatDateRange(week.from, week.to, lang) : formatMonth(period, lang, 'long');
}

/**
 * A small probability as a percentage people can read: "0,35%", "4,2%"; below one in ten thousand
 * "<0,01%" (a figure of 0% would say it cannot happen).
 */
export function formatProbability(p: number, lang: Lang): string {
  if (p > 0 && p < 0.0001) return `<${formatPercent(0.0001, lang, 2)}`;
  return formatPercent(p, lang, p < 0.01 ? 2 : 1);
}
