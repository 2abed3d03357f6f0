import type { RawTable, ValidationContext, ValidationResult } from '../import.types.ts';
import type { KindRecord } from '../kinds/import-kind.ts';
import { importKindDefinition } from '../kinds/index.ts';
import { readWarningsIn } from '../parsing/read-warnings.ts';
import { cellText, isEmptyCell, isEmptyRow, isTotalsRow } from '../parsing/values.ts';
import { chooseSheet, noDataRowsIssue } from './choose-sheet.ts';
import { RowChecker } from './row-checker.ts';

export type {
  ActivityRecord,
  AttendanceRecord,
  ImportIssue,
  ImportKind,
  ParticipantRecord,
  SurveyAnswerRecord,
  SurveyResponseRecord,
  ValidationContext,
  ValidationResult,
} from '../import.types.ts';

/**
 * Checks one file against docs/spec/input-formats.md and turns its rows into records, each row by
 * its kind's validator (`kinds/<kind>.ts`). Pure: everything it needs (configuration, today,
 * records already stored) comes in `ctx`. Every error is reported, with the Excel row number, the
 * column as the file names it (and its canonical name) and the value; records are only those of rows without errors.
 * A workbook's sheet is chosen first (`chooseSheet`). Throws `FileRejectedError` (`header_not_found`,
 * or `file_empty` for a workbook whose sheets are all empty) when no header row can be found.
 */
export function validateTable(table: RawTable, ctx: ValidationContext): ValidationResult {
  const sheet = chooseSheet(table, ctx.kind, ctx.config, ctx.lang);
  const { header } = sheet;
  const checker = new RowChecker(sheet.table, header, ctx);
  const validator = importKindDefinition(header.kind).rowValidator(checker, header, ctx);
  const records: KindRecord[] = [];
  const rows = sheet.table.rows;
  const validateRows = header.errors.length === 0; // without the right columns every row would repeat the header's error
  let rowsRead = 0;
  let dataRows = 0;
  let emptyFrom = -1;
  let emptyTo = -1;
  const flushEmptyRows = () => {
    if (emptyFrom < 0) return;
    if (emptyFrom === emptyTo) checker.warning(emptyFrom, null, null, 'empty_row_skipped', {});
    else checker.warning(emptyFrom, null, null, 'empty_rows_skipped', { from: emptyFrom, to: emptyTo });
    emptyFrom = -1;
  };

  for (let i = header.headerIndex + 1; i < rows.length; i++) {
    const row = rows[i];
    if (isEmptyRow(row.cells)) {
      if (emptyFrom < 0) emptyFrom = row.rowNumber;
      emptyTo = row.rowNumber;
      continue;
    }
    flushEmptyRows();
    rowsRead++;
    if (isTotalsRow(row.cells)) {
      const label = cellText(row.cells.find((cell) => !isEmptyCell(cell)));
      checker.warning(row.rowNumber, null, label, 'totals_row_skipped', { value: label });
      continue;
    }
    dataRows++;
    if (validateRows) {
      checker.startRow(row);
      const record = validator.validate(row);
      if (record) records.push(record);
    }
  }
  flushEmptyRows();
  checker.finish();
  // A header with nothing below it is refused rather than "imported" with nothing in it: most likely
  // the wrong file, the wrong sheet, or the data was saved below in another sheet.
  if (dataRows === 0) checker.errors.push(noDataRowsIssue(sheet, ctx.lang));

  // Problems of the file as a whole (how it was read, which sheet) before those of its header and rows.
  const warnings = [...readWarningsIn(table, ctx.lang), ...sheet.warnings, ...checker.warnings];
  // The kind's validator made the kind's records.
  const columnHeaders = new Map([...header.columns].map(([name, index]) => [name, header.headers[index] || name]));
  return { kind: header.kind, records, rowsRead, errors: checker.errors, warnings, columnHeaders } as unknown as ValidationResult;
}
