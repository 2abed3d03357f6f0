// Pure, locale-aware formatting shared by the dashboard and the server's files. Dates are always
// shown in the project's time zone, whatever the machine's own zone is.
import type { Lang } from './label-map.ts';

/** en-GB rather than en-US: day-first dates and 24-hour times, as the users in Poland expect. */
export const LOCALES: Record<Lang, string> = { pl: 'pl-PL', en: 'en-GB' };

export const DISPLAY_TIME_ZONE = 'Europe/Warsaw';

export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits }).format(value);
}

/** An ISO instant → "27.11.2026, 17:00" (pl) / "27/11/2026, 17:00" (en), in Europe/Warsaw. */
export function formatDateTime(iso: string, lang: Lang, timeZone = DISPLAY_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date);
}

/** A calendar date "2021-01-01" → "01.01.2021" (pl) / "01/01/2021" (en). */
export function formatDate(isoDate: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  // Noon UTC falls on the same calendar day in Europe/Warsaw.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: DISPLAY_TIME_ZONE,
  }).format(date);
}
