import { describe, expect, it } from 'vitest';
import { activityTable, attendanceChange, attendanceTable, distinctCodes, fieldErrors, newActivityId } from './recording-form.ts';

const input = { date: '2022-03-10', type: 'WARSZTAT', title: 'Warsztaty', headcountAnonymous: 2, residentInitiative: true, participants: [] };
const kept = { durationHours: 1.5, ledBy: 'animator', location: null };

describe('the form as the importer reads files', () => {
  it('is an activity log of one row under a header the importer knows, in the reader’s language', () => {
    const pl = activityTable(input, 'OST/2022/F001', 'OST', kept, 'pl');
    expect(pl.rows[0]!.cells.slice(0, 5)).toEqual(['Nr działania', 'Data', 'Społeczność', 'Typ działania', 'Tytuł']);
    expect(pl.rows[1]).toEqual({
      rowNumber: 2,
      cells: ['OST/2022/F001', { date: '2022-03-10' }, 'OST', 'WARSZTAT', 'Warsztaty', 1.5, 'animator', null, 2, true],
    });
    expect(activityTable(input, 'X', 'OST', kept, 'en').rows[0]!.cells[1]).toBe('date');
    // A date not in the ISO form is left to the importer's date rules (and their messages).
    expect(activityTable({ ...input, date: '10/3/22' }, 'X', 'OST', kept, 'pl').rows[1]!.cells[1]).toBe('10/3/22');
  });

  it('is an attendance list of one row per person', () => {
    expect(attendanceTable('A', ['OST-1', 'OST-2'], 'pl').rows.map((r) => [r.rowNumber, ...r.cells])).toEqual([
      [1, 'Nr działania', 'Kod uczestnika'],
      [2, 'A', 'OST-1'],
      [3, 'A', 'OST-2'],
    ]);
  });

  it('takes each code once, trimmed', () => {
    expect(distinctCodes([' OST-2', 'OST-1', 'OST-2', '', 'OST-1 '])).toEqual(['OST-2', 'OST-1']);
  });

  it('names the form’s field of each of the importer’s issues', () => {
    const issue = (field: string | undefined) => ({ row: 2, column: 'x', field, value: 'v', code: 'c', message: 'm' });
    expect(fieldErrors([issue('date'), issue('participant_code'), issue('headcount_anonymous'), issue(undefined)]).map((e) => e.field)).toEqual([
      'date',
      'participants',
      'headcountAnonymous',
      'community',
    ]);
  });

  it('says who a correction adds and takes off', () => {
    expect(attendanceChange(['B', 'A', 'C'], ['D', 'A'])).toEqual({ added: ['D'], removed: ['B', 'C'] });
    expect(attendanceChange(['A'], ['A'])).toEqual({ added: [], removed: [] });
  });

  it('numbers a new activity after the highest form number of its community and year', () => {
    expect(newActivityId('OST', '2022-03-10', [])).toBe('OST/2022/F001');
    expect(newActivityId('OST', '2022-03-10', ['OST/2022/F009', 'OST/2022/F010', 'OST/2021/F050', 'OST/2022/001', 'OST/2022/Fx'])).toBe('OST/2022/F011');
  });
});
