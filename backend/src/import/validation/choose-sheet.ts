import type { OslConfig } from '@osl/data';
import { FileRejectedError } from '../import.errors.ts';
import { formatImportMessage, type ImportMessageKey, type MessageParams } from '../import.messages.ts';
import type { ImportIssue, ImportKind, Lang, RawSheet, RawTable } from '../import.types.ts';
import { expectedColumns, findHeader, headerSearchRows, locateHeader, type HeaderLocation } from '../parsing/columns.ts';
import { foldHeader } from '../parsing/fold.ts';
import { isEmptyCell, isEmptyRow, isTotalsRow } from '../parsing/values.ts';

/**
 * Sheets (folded names) never read in place of the sheet the reader chose: the downloadable
 * template keeps its filled example on a sheet "przyklad" (services/import-template.service.ts) so
 * that a forgotten example is never imported.
 */
const exampleSheetNames: ReadonlySet<string> = new Set(['przyklad', 'przyklady', 'example', 'examples', 'wzor']);

export interface SheetChoice {
  /** The table to validate: the chosen sheet's rows (for a CSV, the file itself). */
  table: RawTable;
  header: HeaderLocation;
  /** Which sheet was read when it was not the one the reader chose; other sheets with data of the same kind, left unread. */
  warnings: ImportIssue[];
  /** Other sheets that look like data but have no recognisable header (named when the chosen one has no data rows). */
  dataSheetsWithoutHeader: readonly string[];
}

type SheetStatus = 'empty' | 'no_header' | 'no_data' | 'usable';

interface SheetCheck {
  name: string;
  table: RawTable;
  status: SheetStatus;
  header: HeaderLocation | null;
  /** Some row has two or more filled cells: a table, not a note or a title. */
  looksLikeData: boolean;
}

function sheetTable(table: RawTable, sheet: RawSheet): RawTable {
  return { ...table, sheetName: sheet.name, rows: sheet.rows, otherSheets: undefined };
}

function hasDataRows(table: RawTable, header: HeaderLocation): boolean {
  for (let i = header.headerIndex + 1; i < table.rows.length; i++) {
    const cells = table.rows[i].cells;
    if (!isEmptyRow(cells) && !isTotalsRow(cells)) return true;
  }
  return false;
}

function looksLikeData(sheet: RawSheet): boolean {
  return sheet.rows.some((row) => row.cells.filter((cell) => !isEmptyCell(cell)).length >= 2);
}

function checkSheet(table: RawTable, sheet: RawSheet, kind: ImportKind | undefined, config: OslConfig, lang: Lang): SheetCheck {
  const view = sheetTable(table, sheet);
  const check = { name: sheet.name, table: view, header: null, looksLikeData: looksLikeData(sheet) };
  if (sheet.rows.every((row) => isEmptyRow(row.cells))) return { ...check, status: 'empty' };
  const header = findHeader(view, kind, config, lang);
  if (!header) return { ...check, status: 'no_header' };
  return { ...check, header, status: hasDataRows(view, header) ? 'usable' : 'no_data' };
}

/** Sheet names quoted as the language quotes them, for a list in a message. */
function quotedList(names: readonly string[], lang: Lang): string {
  return names.map((name) => (lang === 'pl' ? `„${name}”` : `"${name}"`)).join(', ');
}

type Sentence = [ImportMessageKey, MessageParams];

function composed(sentences: readonly Sentence[], lang: Lang): string {
  return sentences.map(([key, params]) => formatImportMessage(key, lang, params)).join(' ');
}

/** The sentence naming the other sheets that look like data but have no header, if any, and the columns expected. */
function otherDataSentences(dataSheets: readonly string[], kind: ImportKind | undefined, lang: Lang): Sentence[] {
  if (dataSheets.length === 0) return [];
  const rows = headerSearchRows;
  const naming: Sentence =
    dataSheets.length === 1
      ? ['sheet_other_without_header', { other: dataSheets[0], rows }]
      : ['sheets_other_without_header', { others: quotedList(dataSheets, lang), rows }];
  return [naming, ['expected_columns', { expected: expectedColumns(kind, lang) }]];
}

/**
 * The sheet to read from a workbook: the one the reader chose (named after the kind, else the first
 * visible one) when it has a header and data below it; else the first of the other sheets, in the
 * workbook's order, that has; else the first with a header at all (its import then fails with "no
 * data rows", naming the sheets). Warns when the sheet read is not the reader's, and when other
 * sheets hold data of the same kind that is not read. Throws `FileRejectedError` (`file_empty` or
 * `header_not_found`, naming the sheets) when no sheet has a header. A CSV, or a table without
 * sheets, is its own single sheet, with the messages of a file.
 */
export function chooseSheet(table: RawTable, kind: ImportKind | undefined, config: OslConfig, lang: Lang = 'pl'): SheetChoice {
  if (table.format !== 'xlsx' || table.sheetName === undefined) {
    return { table, header: locateHeader(table, kind, config, lang), warnings: [], dataSheetsWithoutHeader: [] };
  }
  const read = checkSheet(table, { name: table.sheetName, rows: table.rows }, kind, config, lang);
  const others = (table.otherSheets ?? [])
    .filter((sheet) => !exampleSheetNames.has(foldHeader(sheet.name)))
    .map((sheet) => checkSheet(table, sheet, kind, config, lang));
  const inOrder = [read, ...others];
  const chosen = inOrder.find((s) => s.status === 'usable') ?? inOrder.find((s) => s.status === 'no_data');
  const dataSheetsWithoutHeader = others.filter((s) => s.status === 'no_header' && s.looksLikeData).map((s) => s.name);
  if (!chosen?.header) throw noSheetError(table, read, others, dataSheetsWithoutHeader, kind);

  const warnings: ImportIssue[] = [];
  const warn = (code: ImportMessageKey, params: MessageParams) =>
    warnings.push({ row: null, column: null, value: null, code, message: formatImportMessage(code, lang, params) });
  if (chosen !== read) {
    const code = ({ empty: 'sheet_read_instead_of_empty', no_header: 'sheet_read_instead_of_no_header', no_data: 'sheet_read_instead_of_no_data' } as const)[
      read.status as Exclude<SheetStatus, 'usable'>
    ];
    warn(code, { sheet: chosen.name, skipped: read.name });
  }
  const sameKind = inOrder.filter((s) => s !== chosen && s.status === 'usable' && s.header?.kind === chosen.header!.kind).map((s) => s.name);
  if (sameKind.length === 1) warn('sheet_also_has_data', { other: sameKind[0], sheet: chosen.name });
  else if (sameKind.length > 1) warn('sheets_also_have_data', { others: quotedList(sameKind, lang), sheet: chosen.name });

  return { table: chosen.table, header: chosen.header, warnings, dataSheetsWithoutHeader };
}

/** The refusal when no sheet has a header: the sheet read, and the other sheets that look like data. */
function noSheetError(
  table: RawTable,
  read: SheetCheck,
  others: readonly SheetCheck[],
  dataSheets: readonly string[],
  kind: ImportKind | undefined,
): FileRejectedError {
  const params = { sheet: read.name, rows: headerSearchRows, expected: expectedColumns(kind) };
  if (read.status === 'empty' && others.every((s) => s.status === 'empty')) {
    const text = (lang: Lang) => formatImportMessage('sheet_empty', lang, params);
    return new FileRejectedError('file_empty', table.fileName, params, { pl: text('pl'), en: text('en') });
  }
  const text = (lang: Lang) => {
    const sentences: Sentence[] = [read.status === 'empty' ? ['sheet_empty', params] : ['sheet_header_not_found', params]];
    if (dataSheets.length > 0) sentences.push(...otherDataSentences(dataSheets, kind, lang));
    else {
      if (others.some((s) => s.status !== 'empty')) sentences.push(['sheets_rest_without_header', {}]);
      sentences.push(['expected_columns', { expected: expectedColumns(kind, lang) }]);
    }
    return composed(sentences, lang);
  };
  return new FileRejectedError('header_not_found', table.fileName, params, { pl: text('pl'), en: text('en') });
}

/**
 * The error of a header with no data rows below it. For a workbook it names the sheet read and the
 * other sheets that look like data; for a CSV it is the message of a file.
 */
export function noDataRowsIssue(choice: SheetChoice, lang: Lang): ImportIssue {
  const { table, header } = choice;
  const issue = { row: null, column: null, value: null, code: 'no_data_rows' } as const;
  if (table.format !== 'xlsx' || table.sheetName === undefined) {
    return { ...issue, message: formatImportMessage('no_data_rows', lang, { headerRow: header.headerRow }) };
  }
  const first: Sentence = ['sheet_no_data_rows', { sheet: table.sheetName, headerRow: header.headerRow }];
  const rest = otherDataSentences(choice.dataSheetsWithoutHeader, header.kind, lang);
  return { ...issue, message: composed([first, ...(rest.length > 0 ? rest : [['sheet_check_file', {}] as Sentence])], lang) };
}
