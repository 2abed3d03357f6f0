/**
 * Dates as whole days since 1970-01-01 (UTC): no time zones, no clock, exact arithmetic.
 * The generator only ever needs calendar dates.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function isoOf(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `DD.MM.YYYY`, how Polish Excel shows and saves a date. */
export function polishDateOf(day: Day): string {
  const [y, m, d] = isoOf(day).split('-');
  return `${d}.${m}.${y}`;
}

/** A Date at UTC midnight: exceljs turns it into a whole Excel date serial. */
export function excelDateOf(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

/** 1 = Monday … 7 = Sunday (ISO). */
export function weekdayOf(day: Day): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 1 … 12. */
export function monthOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

export function dayOfMonthOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCDate();
}

export function dateOf(year: number, month: number, dayOfMonth: number): Day {
  return Math.round(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
}

/** The first day on or after `from` that falls on `weekday`. */
export function nextWeekday(from: Day, weekday: number): Day {
  return from + ((weekday - weekdayOf(from) + 7) % 7);
}

/** Monday of the ISO week that contains the day: a stable key for weekly counts. */
export function weekStartOf(day: Day): Day {
  return day - (weekdayOf(day) - 1);
}

/** Polish public holidays (dni ustawowo wolne) of the years the demo covers: nothing is held on them. */
const MOVABLE_HOLIDAYS = [
  '2021-04-05',
  '2021-06-03', // Easter Monday, Corpus Christi
  '2022-04-18',
  '2022-06-16',
  '2023-04-10',
  '2023-06-08',
];
const FIXED_HOLIDAYS = ['01-01', '01-06', '05-01', '05-03', '08-15', '11-01', '11-11', '12-25', '12-26'];
const holidaySet = new Set(MOVABLE_HOLIDAYS.map(dayOf));

export function isPublicHoliday(day: Day): boolean {
  return holidaySet.has(day) || FIXED_HOLIDAYS.includes(isoOf(day).slice(5));
}

/** The Christmas break (about 20 Dec – 6 Jan): the centre's clubs do not meet. */
export function isChristmasBreak(day: Day): boolean {
  const md = isoOf(day).slice(5);
  return md >= '12-20' || md <= '01-06';
}
