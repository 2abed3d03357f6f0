import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { dayOf, isChristmasBreak, isPublicHoliday, isoOf, nextWeekday, polishDateOf, weekdayOf, weekStartOf } from './calendar.ts';
import { specialEventDay } from './activities.ts';
import { SPECIAL_EVENTS } from './catalog.ts';
import { decodeCsv, parseCsv } from './demo-files.reader.ts';
import { drawUniqueName, foldName, surnameFor } from './names.ts';
import { createRng, mulberry32 } from './random.ts';
import { encodeCsv, renderCsv, renderXlsx, type CsvFormat } from './writers.ts';
import { dosDateTime, withFixedZipTimestamps } from './zip-timestamps.ts';

describe('random', () => {
  it('repeats the same sequence for the same seed and label', () => {
    const a = createRng(42, 'x');
    const b = createRng(42, 'x');
    const c = createRng(42, 'y');
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('stays in range', () => {
    const next = mulberry32(1);
    const rng = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const u = next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      const n = rng.int(3, 5);
      expect([3, 4, 5]).toContain(n);
    }
    expect(rng.weightedIndex([0, 0, 1])).toBe(2);
    expect(rng.shuffle([1, 2, 3, 4]).sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('calendar', () => {
  it('converts dates and weekdays', () => {
    expect(isoOf(dayOf('2022-10-03'))).toBe('2022-10-03');
    expect(weekdayOf(dayOf('2022-10-03'))).toBe(1);
    expect(weekdayOf(dayOf('2023-12-31'))).toBe(7);
    expect(polishDateOf(dayOf('2021-05-07'))).toBe('07.05.2021');
    expect(isoOf(weekStartOf(dayOf('2023-01-01')))).toBe('2022-12-26');
    expect(isoOf(nextWeekday(dayOf('2022-06-17'), 6))).toBe('2022-06-18');
  });

  it('knows Polish holidays and the Christmas break', () => {
    expect(isPublicHoliday(dayOf('2022-11-11'))).toBe(true);
    expect(isPublicHoliday(dayOf('2023-04-10'))).toBe(true);
    expect(isPublicHoliday(dayOf('2023-04-11'))).toBe(false);
    expect(isChristmasBreak(dayOf('2022-12-22'))).toBe(true);
    expect(isChristmasBreak(dayOf('2023-01-05'))).toBe(true);
    expect(isChristmasBreak(dayOf('2023-01-09'))).toBe(false);
  });

  it('places yearly events on their weekday, never in closed periods or under 2021 lockdown', () => {
    const picnic = SPECIAL_EVENTS.find((e) => e.title === 'Piknik sąsiedzki')!;
    expect(isoOf(specialEventDay(picnic, 2022)!)).toBe('2022-06-18');
    const cleaning = SPECIAL_EVENTS.find((e) => e.title === 'Sprzątanie osiedla')!;
    expect(specialEventDay(cleaning, 2021)).toBeUndefined();
    for (const event of SPECIAL_EVENTS) {
      for (const year of [2021, 2022, 2023]) {
        const day = specialEventDay(event, year);
        if (day === undefined) continue;
        expect(weekdayOf(day) === event.weekday || isPublicHoliday(day - 7)).toBe(true);
        expect(isPublicHoliday(day) || isChristmasBreak(day)).toBe(false);
      }
    }
  });
});

describe('names', () => {
  it('gives women the feminine form of -ski/-cki/-dzki surnames', () => {
    expect(surnameFor('Kowalski', 'K')).toBe('Kowalska');
    expect(surnameFor('Zawadzki', 'K')).toBe('Zawadzka');
    expect(surnameFor('Kowalski', 'M')).toBe('Kowalski');
    expect(surnameFor('Wójcik', 'K')).toBe('Wójcik');
  });

  it('folds case and Polish letters', () => {
    expect(foldName('ŁUKASZ Wójcik')).toBe('lukasz wojcik');
    expect(foldName('Żaneta')).toBe(foldName('zaneta'));
  });

  it('never repeats a folded first+last name', () => {
    const rng = createRng(5);
    const taken = new Set<string>();
    const names = Array.from({ length: 400 }, (_, i) => drawUniqueName(rng, i % 2 ? 'K' : 'M', 1950 + (i % 50), taken));
    const keys = names.map((n) => `${foldName(n.firstName)} ${foldName(n.lastName)}`);
    expect(new Set(keys).size).toBe(400);
  });
});

describe('writers', () => {
  const format: CsvFormat = { type: 'csv', encoding: 'windows-1250', delimiter: ';', dates: 'polish' };

  it('writes Polish Excel CSV: quoted where needed, decimal comma, DD.MM.YYYY, CRLF', () => {
    const text = renderCsv(
      { headers: ['Tytuł', 'Godziny', 'Data', 'Uwagi'], rows: [['Piknik; sąsiedzki', 1.5, { day: dayOf('2022-06-18') }, 'Mówi "tak"\nnowa linia']] },
      format,
    );
    expect(text).toBe('Tytuł;Godziny;Data;Uwagi\r\n"Piknik; sąsiedzki";1,5;18.06.2022;"Mówi ""tak""\nnowa linia"\r\n');
    expect(parseCsv(text, ';')).toEqual([
      ['Tytuł', 'Godziny', 'Data', 'Uwagi'],
      ['Piknik; sąsiedzki', '1,5', '18.06.2022', 'Mówi "tak"\nnowa linia'],
    ]);
  });

  it('encodes Windows-1250 faithfully and refuses characters it cannot hold', () => {
    const bytes = encodeCsv('ł„ż”\r\n', 'windows-1250');
    expect([...bytes]).toEqual([0xb3, 0x84, 0xbf, 0x94, 0x0d, 0x0a]);
    expect(decodeCsv(bytes)).toBe('ł„ż”\r\n');
    expect(() => encodeCsv('emoji 🙂', 'windows-1250')).toThrow(/Windows-1250/);
    expect([...encodeCsv('a', 'utf-8-bom')]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    expect(iconv.decode(encodeCsv('Społeczność', 'windows-1250'), 'win1250')).toBe('Społeczność');
  });

  it('writes XLSX with a title row, real dates, and the same bytes every time', async () => {
    const table = { headers: ['Nr działania', 'Data'], rows: [['WZG/2022/001', { day: dayOf('2022-01-11') }]] };
    const savedAt = new Date('2023-01-10T14:30:00Z');
    const first = await renderXlsx(table, { type: 'xlsx', sheetName: 'Lista', titleLines: ['LISTA OBECNOŚCI'] }, savedAt);
    const second = await renderXlsx(table, { type: 'xlsx', sheetName: 'Lista', titleLines: ['LISTA OBECNOŚCI'] }, savedAt);
    expect(first.equals(second)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(first as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('LISTA OBECNOŚCI');
    expect(sheet.getCell('A3').value).toBe('Nr działania');
    expect(sheet.getCell('B4').value).toEqual(new Date('2022-01-11T00:00:00Z'));
    expect(workbook.created).toEqual(savedAt);
  });
});

describe('zip timestamps', () => {
  it('encodes DOS date and time', () => {
    expect(dosDateTime(new Date('1980-01-01T00:00:00Z'))).toEqual({ time: 0, date: 0x21 });
    expect(dosDateTime(new Date('2024-01-12T14:30:10Z'))).toEqual({ time: (14 << 11) | (30 << 5) | 5, date: (44 << 9) | (1 << 5) | 12 });
  });

  it('rejects what is not a zip', () => {
    expect(() => withFixedZipTimestamps(Buffer.alloc(40), new Date())).toThrow(/not a zip/);
  });
});
