// Input files of bench:import (import.bench.ts), made the way people's tools make them: CSV as Polish
// Excel saves it (Windows-1250, `;`), XLSX as Excel writes it (exceljs's streaming writer: shared
// strings, dates as serial numbers with a date format, a merged title row above the header), and
// small hand-made workbooks with and without drop-down lists on whole columns.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { handMadeWorkbook } from '../../backend/src/import/fixtures/import-fixtures.ts';

export const perActivity = 20;
export const participants = 20_000;
export const communities = ['WZG', 'OST', 'LAZ'];
export const attendanceTitle = 'Lista obecności na działaniach OSL';
const attendanceHeader = ['ID działania', 'Kod uczestnika', 'Data'];

export const activityId = (activity: number) => `D-${String(activity).padStart(7, '0')}`;
export const participantCode = (participant: number) => `U-${String(participant).padStart(6, '0')}`;

/** An activity's date: one of 1,000 days from 2021-01-01, as a UTC midnight. */
export function dateOf(activity: number): Date {
  return new Date(Date.UTC(2021, 0, 1) + (activity % 1_000) * 86_400_000);
}

/** `dd.mm.yyyy`, as Polish Excel writes a date into CSV. */
export function polishDate(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

export interface AttendanceRow {
  activityId: string;
  participantCode: string;
  date: Date;
}

/** `count` attendance rows, `perActivity` people to an activity, the activities numbered from `firstActivity`. */
export function* attendanceRows(count: number, firstActivity: number): Generator<AttendanceRow> {
  for (let n = 0; n < count; n += 1) {
    const local = Math.floor(n / perActivity);
    const activity = firstActivity + local;
    const participant = (local * 7 + (n % perActivity) * 997) % participants;
    yield { activityId: activityId(activity), participantCode: participantCode(participant), date: dateOf(activity) };
  }
}

export function writeWindows1250(file: string, lines: string[]): void {
  fs.writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'windows-1250'));
}

/** The attendance rows as Excel's "CSV (separated by semicolons)" of the workbook below: the title line too. */
export function writeAttendanceCsv(file: string, rows: Iterable<AttendanceRow>, title = true): void {
  const lines = title ? [`${attendanceTitle};;`] : [];
  lines.push(attendanceHeader.join(';'));
  for (const row of rows) lines.push(`${row.activityId};${row.participantCode};${polishDate(row.date)}`);
  writeWindows1250(file, lines);
}

/**
 * The attendance rows as an Excel workbook, written row by row by exceljs's streaming writer: text in
 * shared strings, dates as serial numbers under a `dd.mm.yyyy` format, a bold title merged over the
 * columns above the header.
 */
export async function writeAttendanceXlsx(file: string, rows: Iterable<AttendanceRow>, title = true): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('Obecności');
  sheet.columns = [{ width: 14 }, { width: 16 }, { width: 12, style: { numFmt: 'dd.mm.yyyy' } }];
  if (title) {
    const titleRow = sheet.addRow([attendanceTitle]);
    titleRow.font = { bold: true, size: 14 };
    sheet.mergeCells('A1:C1'); // before the row is committed: the streaming writer cannot go back
    titleRow.commit();
  }
  sheet.addRow(attendanceHeader).commit();
  for (const row of rows) sheet.addRow([row.activityId, row.participantCode, row.date]).commit();
  sheet.commit();
  await workbook.commit();
}

export type DropDowns = 'none' | 'whole-columns' | 'whole-sheet';

const LAST_ROW = 1_048_576;
const wholeColumn = (column: string) => `${column}1:${column}${LAST_ROW}`;

/**
 * A small attendance workbook as a template made in Excel looks: a header and two rows, a hidden
 * "Słowniki" sheet with the lists to pick from, and (unless `none`) data validations as Excel writes
 * them for a whole column: drop-down lists on A and B, a date rule on C, and one rule on two whole
 * columns at once (`sqref="A1:A1048576 B1:B1048576"`); `whole-sheet` adds a list over every cell
 * (`A1:XFD1048576`). Written part by part, so that the workbooks differ only in their validations.
 */
export function dropDownWorkbook(dropDowns: DropDowns): Buffer {
  const strings = [...attendanceHeader, activityId(0), activityId(1), participantCode(0), participantCode(1)];
  const cell = (reference: string, index: number) => `<c r="${reference}" t="s"><v>${index}</v></c>`;
  const date = (reference: string) => `<c r="${reference}" s="1"><v>44197</v></c>`; // 2021-01-01
  const sheetData =
    '<sheetData>' +
    `<row r="1">${cell('A1', 0)}${cell('B1', 1)}${cell('C1', 2)}</row>` +
    `<row r="2">${cell('A2', 3)}${cell('B2', 5)}${date('C2')}</row>` +
    `<row r="3">${cell('A3', 4)}${cell('B3', 6)}${date('C3')}</row>` +
    '</sheetData>';
  const rules = [
    `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${wholeColumn('A')}"><formula1>Słowniki!$A$1:$A$2</formula1></dataValidation>`,
    `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${wholeColumn('B')}"><formula1>Słowniki!$B$1:$B$2</formula1></dataValidation>`,
    `<dataValidation type="date" allowBlank="1" showErrorMessage="1" sqref="${wholeColumn('C')}"><formula1>36526</formula1><formula2>73050</formula2></dataValidation>`,
    `<dataValidation type="textLength" operator="lessThanOrEqual" allowBlank="1" showErrorMessage="1" sqref="${wholeColumn('A')} ${wholeColumn('B')}"><formula1>20</formula1></dataValidation>`,
  ];
  if (dropDowns === 'whole-sheet')
    rules.push(`<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="A1:XFD${LAST_ROW}"><formula1>"tak,nie"</formula1></dataValidation>`);
  const validations = dropDowns === 'none' ? '' : `<dataValidations count="${rules.length}">${rules.join('')}</dataValidations>`;
  const lists = `<sheetData><row r="1">${cell('A1', 3)}${cell('B1', 5)}</row><row r="2">${cell('A2', 4)}${cell('B2', 6)}</row></sheetData>`;
  return handMadeWorkbook({
    sheets: [
      {
        name: 'Obecności',
        xml: `<dimension ref="A1:C3"/>${sheetData}${validations}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`,
      },
      { name: 'Słowniki', state: 'hidden', xml: lists },
    ],
    sharedStrings: strings,
    styles:
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>',
  });
}
