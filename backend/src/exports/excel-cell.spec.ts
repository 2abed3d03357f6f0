import { describe, expect, it } from 'vitest';
import { cell, csvLine, csvText, csvValue, displayText, numberFormat, truncateTo, warsawTime, xlsxValue } from './excel-cell.ts';

describe('a cell for Polish Excel', () => {
  it('writes a number as a number in XLSX and with a decimal comma in CSV', () => {
    const c = cell.number(1234.56, 1);
    expect(xlsxValue(c)).toBe(1234.6);
    expect(numberFormat(c)).toBe('#,##0.0');
    expect(csvValue(c)).toBe('1234,6');
    expect(displayText(c, 'pl')).toBe('1234,6');
    expect(displayText(cell.number(12345.6, 1), 'pl')).toMatch(/^12\s345,6$/);
    expect(displayText(c, 'en')).toBe('1,234.6');
    expect(numberFormat(cell.number(12))).toBe('#,##0');
    expect(numberFormat(cell.number(12, 1))).toBe('#,##0');
    expect(csvValue(cell.number(-5))).toBe('-5');
    expect(csvValue(cell.number(0.1 + 0.2, 1))).toBe('0,3');
    // A year is a number, never grouped (LibreOffice showed '2,021' with '#,##0').
    expect(xlsxValue(cell.year(2022))).toBe(2022);
    expect(numberFormat(cell.year(2022))).toBe('0');
    expect(displayText(cell.year(2022), 'en')).toBe('2022');
    expect(csvValue(cell.year(2022))).toBe('2022');
  });

  it('writes a percentage as a fraction with a percent format (0.699 → 69,9%)', () => {
    const c = cell.percent(0.699, 1);
    expect(xlsxValue(c)).toBe(0.699);
    expect(numberFormat(c)).toBe('0.0%');
    expect(csvValue(c)).toBe('69,9%');
    expect(displayText(c, 'pl')).toBe('69,9%');
    expect(csvValue(cell.percent(0.87, 0))).toBe('87%');
    expect(numberFormat(cell.percent(0.87, 0))).toBe('0%');
  });

  it('truncates achievement, never rounding up to the target', () => {
    expect(csvValue(cell.achievement(69.9 / 70))).toBe('99,8%');
    expect(xlsxValue(cell.achievement(69.9 / 70))).toBe(0.998);
    expect(csvValue(cell.achievement(0.876))).toBe('87%');
    expect(csvValue(cell.achievement(0.29))).toBe('29%');
    expect(csvValue(cell.achievement(1.25))).toBe('125%');
    expect(truncateTo(99.99, 1)).toBe(99.9);
  });

  it('writes a date as a real date with dd.mm.yyyy', () => {
    const c = cell.date('2022-01-14');
    expect(xlsxValue(c)).toEqual(new Date(Date.UTC(2022, 0, 14)));
    expect(numberFormat(c)).toBe('dd.mm.yyyy');
    expect(csvValue(c)).toBe('14.01.2022');
    expect(() => cell.date('14.01.2022')).toThrow();
  });

  it('writes a moment as the Warsaw clock showed it, winter and summer', () => {
    const winter = cell.dateTime('2022-01-14T23:30:00Z');
    expect(csvValue(winter)).toBe('15.01.2022 00:30');
    expect(xlsxValue(winter)).toEqual(new Date(Date.UTC(2022, 0, 15, 0, 30)));
    expect(numberFormat(winter)).toBe('dd.mm.yyyy hh:mm');
    expect(csvValue(cell.dateTime(new Date('2022-07-01T10:05:00Z')))).toBe('01.07.2022 12:05');
    expect(warsawTime(new Date('2022-10-30T00:59:59Z'))).toMatchObject({ hour: 2, minute: 59 });
    expect(warsawTime(new Date('2022-10-30T01:00:00Z'))).toMatchObject({ hour: 2, minute: 0 });
  });

  it('keeps text as text: "<3" stays "<3", quoting and formula neutralising in CSV', () => {
    expect(xlsxValue(cell.text('<3'))).toBe('<3');
    expect(numberFormat(cell.text('<3'))).toBeUndefined();
    expect(csvValue(cell.text('<3'))).toBe('<3');
    expect(csvText('a;b')).toBe('"a;b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('two\nlines')).toBe('"two\nlines"');
    expect(csvText('1,5')).toBe('1,5');
    for (const start of ['=', '+', '-', '@']) expect(csvText(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvText('=A1;B1')).toBe(`"'=A1;B1"`);
    expect(csvText('\tx')).toBe("'\tx");
  });

  it('leaves missing values empty in every writer', () => {
    for (const c of [cell.number(null), cell.percent(undefined), cell.date(null), cell.dateTime(null), cell.text(''), cell.achievement(Number.NaN)]) {
      expect(c).toEqual({ kind: 'empty' });
      expect(xlsxValue(c)).toBeNull();
      expect(csvValue(c)).toBe('');
    }
    expect(csvLine([cell.text('a'), cell.empty, cell.number(2)])).toBe('a;;2');
  });
});
