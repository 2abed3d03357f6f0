import { describe, expect, it } from 'vitest';
import {
  cellText,
  excelSerialToDate,
  foldName,
  isEmptyRow,
  isTotalsRow,
  parseDate,
  parseDecimal,
  parseGender,
  parseWholeNumber,
  parseYesNo,
  textOrNull,
} from './values.ts';

const errorOf = (value: unknown) => (typeof value === 'object' && value !== null && 'error' in value ? value.error : value);

describe('parseDate', () => {
  it.each([
    ['2022-03-05', '2022-03-05'],
    ['2022-3-5', '2022-03-05'],
    ['05.03.2022', '2022-03-05'],
    ['5.3.2022', '2022-03-05'],
    ['05/03/2022', '2022-03-05'],
    ['05-03-2022', '2022-03-05'],
    ['  05.03.2022 ', '2022-03-05'],
    ['05.03.2022 r.', '2022-03-05'],
    ['2022-03-05 14:30', '2022-03-05'],
    ['2022-03-05T14:30:00', '2022-03-05'],
    ['05.03.2022 14:30:11', '2022-03-05'],
    ['29.02.2024', '2024-02-29'],
    ['12/01/2022', '2022-01-12'], // day first, always
  ])('reads %s as %s', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it('reads Excel date cells and serial numbers', () => {
    expect(parseDate({ date: '2022-03-05' })).toBe('2022-03-05');
    expect(parseDate(44625)).toBe('2022-03-05');
    expect(parseDate(44625.75)).toBe('2022-03-05');
    expect(parseDate('44625')).toBe('2022-03-05');
    expect(excelSerialToDate(36526)).toBe('2000-01-01');
    expect(excelSerialToDate(1)).toBe('1900-01-01');
    expect(excelSerialToDate(59)).toBe('1900-02-28');
    expect(errorOf(excelSerialToDate(60))).toBe('date_impossible'); // Excel's fictitious 1900-02-29
    expect(excelSerialToDate(61)).toBe('1900-03-01');
  });

  it('never reads US order', () => {
    expect(errorOf(parseDate('02/31/2022'))).toBe('date_us_order');
    expect(errorOf(parseDate('12/25/2022'))).toBe('date_us_order');
  });

  it.each(['31.02.2022', '29.02.2023', '2022-13-01', '00.01.2022', '31/04/2022', '32.01.2022'])('rejects the impossible date %s', (text) => {
    expect(errorOf(parseDate(text))).toBe('date_impossible');
  });

  it.each(['5 marca 2022', '05.03.22', '2022/03/05', 'jutro', '=TODAY()', '2022-03-05 po południu', 'x'])('rejects %s as not a date', (text) => {
    expect(errorOf(parseDate(text))).toBe('date_invalid');
  });

  it('treats an empty cell as no date and booleans as invalid', () => {
    expect(parseDate(null)).toBeNull();
    expect(parseDate('  ')).toBeNull();
    expect(parseDate(undefined)).toBeNull();
    expect(errorOf(parseDate(true))).toBe('date_invalid');
    expect(errorOf(parseDate(-5))).toBe('date_invalid');
  });
});

describe('parseDecimal and parseWholeNumber', () => {
  it.each([
    ['1,5', 1.5],
    ['1.5', 1.5],
    ['1 200', 1200],
    ['1\u00a0200', 1200],
    ['1\u202f200,25', 1200.25],
    [' 12 ', 12],
    ['0', 0],
    ['+3', 3],
    ['-3', -3],
  ])('reads %s as %s', (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it('reads number cells as they are and empty cells as null', () => {
    expect(parseDecimal(2.5)).toBe(2.5);
    expect(parseDecimal(null)).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });

  it.each(['1,2,3', '1.200,5', '12 34', 'dwa', '=1+1', '@5', '1 2 3', '--3'])('rejects %s', (text) => {
    expect(errorOf(parseDecimal(text))).toBe('number_invalid');
  });

  it('whole numbers: negative and fractional numbers are errors, not formulas', () => {
    expect(parseWholeNumber('12')).toBe(12);
    expect(parseWholeNumber('1 200')).toBe(1200);
    expect(parseWholeNumber(7)).toBe(7);
    expect(errorOf(parseWholeNumber('-3'))).toBe('number_negative');
    expect(errorOf(parseWholeNumber(-3))).toBe('number_negative');
    expect(errorOf(parseWholeNumber('2,5'))).toBe('number_not_whole');
    expect(errorOf(parseWholeNumber('=A1'))).toBe('number_invalid');
    expect(parseWholeNumber(null)).toBeNull();
  });
});

describe('parseYesNo', () => {
  it.each(['tak', 'TAK', 'Tak', 't', 'yes', 'y', 'Y', '1', 'x', 'X', 'prawda'])('%s is yes', (text) => {
    expect(parseYesNo(text)).toBe(true);
  });
  it.each(['nie', 'NIE', 'n', 'no', '0', 'fałsz', 'FALSE'])('%s is no', (text) => {
    expect(parseYesNo(text)).toBe(false);
  });
  it('reads Excel booleans and numbers; empty is null', () => {
    expect(parseYesNo(true)).toBe(true);
    expect(parseYesNo(false)).toBe(false);
    expect(parseYesNo(1)).toBe(true);
    expect(parseYesNo(0)).toBe(false);
    expect(parseYesNo(null)).toBeNull();
    expect(parseYesNo(' ')).toBeNull();
  });
  it.each(['może', '2', 'tak/nie', '-'])('rejects %s', (text) => {
    expect(errorOf(parseYesNo(text))).toBe('yes_no_invalid');
  });
  it('rejects other numbers', () => {
    expect(errorOf(parseYesNo(2))).toBe('yes_no_invalid');
  });
});

describe('parseGender', () => {
  it.each([
    ['K', 'K'],
    ['k', 'K'],
    ['kobieta', 'K'],
    ['Kobieta', 'K'],
    ['F', 'K'],
    ['female', 'K'],
    ['M', 'M'],
    ['mężczyzna', 'M'],
    ['MĘŻCZYZNA', 'M'],
    ['male', 'M'],
    ['niebinarna', 'other'],
    ['inna', 'other'],
  ])('%s → %s', (text, expected) => {
    expect(parseGender(text)).toBe(expected);
  });
  it('empty is unknown', () => {
    expect(parseGender(null)).toBeNull();
    expect(parseGender('  ')).toBeNull();
  });
});

describe('foldName', () => {
  it('ignores order, case and Polish diacritics', () => {
    const key = foldName('Anna', 'Kowalska');
    expect(key).toBe('anna kowalska');
    expect(foldName('Kowalska', 'Anna')).toBe(key);
    expect(foldName('anna', 'KOWALSKA')).toBe(key);
    expect(foldName('Kowalska Anna', null)).toBe(key);
    expect(foldName('  Anna ', ' Kowalska  ')).toBe(key);
  });
  it('folds ł and other diacritics', () => {
    expect(foldName('Łukasz', 'Żółć')).toBe(foldName('lukasz', 'zolc'));
    expect(foldName('Małgorzata', 'Wąsik-Śliwa')).toBe(foldName('malgorzata', 'wasik sliwa'));
  });
  it('tells different people apart', () => {
    expect(foldName('Anna', 'Kowalska')).not.toBe(foldName('Anna', 'Kowalski'));
  });
  it('is empty for no name', () => {
    expect(foldName(null, undefined)).toBe('');
  });
});

describe('rows', () => {
  it('isTotalsRow: Razem / Suma / Ogółem in the first cells, numbers after', () => {
    expect(isTotalsRow(['Razem', null, 45])).toBe(true);
    expect(isTotalsRow([null, 'SUMA', '12'])).toBe(true);
    expect(isTotalsRow(['Ogółem:', 12, '3,5'])).toBe(true);
    expect(isTotalsRow(['OGÓŁEM'])).toBe(true);
    expect(isTotalsRow(['Razem: 45 osób'])).toBe(true);
    expect(isTotalsRow(['Suma', 'Jan', 'WZG-0007'])).toBe(false); // a surname, not a total
    expect(isTotalsRow(['A-1', 'Razem'])).toBe(false);
    expect(isTotalsRow(['Razemowo', 3])).toBe(false);
    expect(isTotalsRow([null, null])).toBe(false);
  });
  it('isEmptyRow: only empty or blank cells', () => {
    expect(isEmptyRow([])).toBe(true);
    expect(isEmptyRow([null, '  ', null])).toBe(true);
    expect(isEmptyRow([null, 0])).toBe(false);
    expect(isEmptyRow([false])).toBe(false);
  });
  it('cellText keeps formula-like text as text', () => {
    expect(cellText('=SUM(A1:A3)')).toBe('=SUM(A1:A3)');
    expect(textOrNull('@cmd')).toBe('@cmd');
    expect(cellText(12)).toBe('12');
    expect(cellText({ date: '2022-03-05' })).toBe('2022-03-05');
    expect(textOrNull('   ')).toBeNull();
  });
});
