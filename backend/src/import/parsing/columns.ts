import type { OslConfig } from '@osl/data';
import { FileRejectedError } from '../import.errors.ts';
import { formatImportMessage, type ImportMessageKey, type MessageParams } from '../import.messages.ts';
import { importKinds, type CellValue, type ImportIssue, type ImportKind, type Lang, type RawTable } from '../import.types.ts';
import type { ColumnSpec } from '../kinds/import-kind.ts';
import { importKindDefinition } from '../kinds/index.ts';
import { foldHeader } from './fold.ts';
import { cellText } from './values.ts';

export { foldHeader } from './fold.ts';

export type { ColumnSpec } from '../kinds/import-kind.ts';

/** The columns of the four kinds of file, exactly as docs/spec/input-formats.md lists them (from each kind's definition). */
export const columnSpecs: Readonly<Record<ImportKind, readonly ColumnSpec[]>> = Object.fromEntries(
  importKinds.map((kind) => [kind, importKindDefinition(kind).columns]),
) as Record<ImportKind, readonly ColumnSpec[]>;

/** How many rows from the top are searched for the header (title rows may sit above it). */
export const headerSearchRows = 20;

function foldedHeaderMap(kind: ImportKind): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const spec of columnSpecs[kind]) {
    map.set(foldHeader(spec.name), spec.name);
    for (const synonym of spec.synonyms) map.set(foldHeader(synonym), spec.name);
  }
  return map;
}

const canonicalByFoldedHeader: ReadonlyMap<ImportKind, ReadonlyMap<string, string>> = new Map(importKinds.map((kind) => [kind, foldedHeaderMap(kind)]));

export interface QuestionColumn {
  index: number;
  /** The header as written in the file. */
  header: string;
  /** The header folded: matched against each row's survey's question codes, folded the same way. */
  folded: string;
}

export interface HeaderLocation {
  kind: ImportKind;
  /** Index of the header in `table.rows`; data rows follow it. */
  headerIndex: number;
  /** The header's row number as Excel shows it. */
  headerRow: number;
  /** Canonical column name → cell index. */
  columns: ReadonlyMap<string, number>;
  /** Header text as written, by cell index. */
  headers: readonly string[];
  /** Columns beyond the canonical ones (survey files: question codes or texts of the surveys named in the file). */
  questionColumns: readonly QuestionColumn[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** Spreadsheet column letter of a 0-based cell index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function missingRequired(present: ReadonlySet<string>, kind: ImportKind): string[] {
  const missing = columnSpecs[kind].filter((spec) => spec.required && !present.has(spec.name)).map((spec) => spec.name);
  const alternatives = importKindDefinition(kind).requiredAlternatives;
  if (alternatives && !alternativesPresent(alternatives.groups, present)) missing.push(alternatives.groups.map((g) => g.join('+')).join('|'));
  return missing;
}

function alternativesPresent(groups: readonly (readonly string[])[], present: ReadonlySet<string>): boolean {
  return groups.some((group) => group.every((name) => present.has(name)));
}

/** The canonical columns of `kind` that a row of folded headers names. */
function canonicalSet(folded: readonly string[], kind: ImportKind): Set<string> {
  const map = canonicalByFoldedHeader.get(kind)!;
  const set = new Set<string>();
  for (const header of folded) {
    const canonical = map.get(header);
    if (canonical) set.add(canonical);
  }
  return set;
}

function countMatches(folded: readonly string[], kind: ImportKind): number {
  return canonicalSet(folded, kind).size;
}

/** The kind a header row describes best: one whose decisive column it names (survey_code); else most known columns, fewest missing. */
function detectKind(folded: readonly string[]): ImportKind | null {
  for (const kind of importKinds) {
    const decisive = importKindDefinition(kind).decisiveColumn;
    if (decisive && canonicalSet(folded, kind).has(decisive) && countMatches(folded, kind) >= 2) return kind;
  }
  let best: ImportKind | null = null;
  let bestMatches = 1;
  let bestMissing = Infinity;
  for (const kind of importKinds) {
    const matches = countMatches(folded, kind);
    if (matches < 2) continue;
    const missing = missingRequired(canonicalSet(folded, kind), kind).length;
    if (matches > bestMatches || (matches === bestMatches && missing < bestMissing)) {
      best = kind;
      bestMatches = matches;
      bestMissing = missing;
    }
  }
  return best;
}

function foldedCells(cells: readonly CellValue[]): string[] {
  return cells.map((cell) => foldHeader(cellText(cell)));
}

function expectedColumns(kind: ImportKind | undefined): string {
  const describe = (k: ImportKind) => {
    const names = columnSpecs[k].filter((spec) => spec.required).map((spec) => spec.name);
    const alternatives = importKindDefinition(k).requiredAlternatives;
    if (alternatives) names.push(alternatives.describe);
    return names.join(', ');
  };
  return kind ? describe(kind) : importKinds.map((k) => `${k}: ${describe(k)}`).join('; ');
}

function headerIssue(lang: Lang, row: number, column: string | null, value: string | null, code: ImportMessageKey, params: MessageParams): ImportIssue {
  return { row, column, value, code, message: formatImportMessage(code, lang, params) };
}

/**
 * Finds the header row (the first of the top rows naming at least two known columns of a kind),
 * detects the kind when not given, maps columns, and reports missing required columns (all of them),
 * duplicate columns (errors) and unknown columns (warnings). Throws `FileRejectedError` with
 * `header_not_found` when no row looks like a header.
 */
export function locateHeader(table: RawTable, kind: ImportKind | undefined, config: OslConfig, lang: Lang = 'pl'): HeaderLocation {
  const limit = Math.min(table.rows.length, headerSearchRows);
  let headerIndex = -1;
  let detected: ImportKind | null = null;
  let folded: string[] = [];
  for (let i = 0; i < limit && headerIndex < 0; i++) {
    folded = foldedCells(table.rows[i].cells);
    detected = kind ? (countMatches(folded, kind) >= 2 ? kind : null) : detectKind(folded);
    if (detected) headerIndex = i;
  }
  if (headerIndex < 0 || !detected) {
    throw new FileRejectedError('header_not_found', table.fileName, { rows: headerSearchRows, expected: expectedColumns(kind) });
  }

  const headerRow = table.rows[headerIndex];
  const headers = headerRow.cells.map((cell) => cellText(cell));
  const definition = importKindDefinition(detected);
  const map = canonicalByFoldedHeader.get(detected)!;
  const columns = new Map<string, number>();
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const unmatched: number[] = [];
  folded.forEach((header, index) => {
    if (header === '') return;
    const canonical = map.get(header);
    if (!canonical) {
      unmatched.push(index);
      return;
    }
    const first = columns.get(canonical);
    if (first === undefined) {
      columns.set(canonical, index);
      return;
    }
    errors.push(
      headerIssue(lang, headerRow.rowNumber, canonical, headers[index], 'duplicate_column', {
        column: canonical,
        first: headers[first],
        firstLetter: columnLetter(first),
        second: headers[index],
        secondLetter: columnLetter(index),
      }),
    );
  });

  const present = new Set(columns.keys());
  for (const spec of columnSpecs[detected]) {
    if (spec.required && !present.has(spec.name)) {
      errors.push(headerIssue(lang, headerRow.rowNumber, spec.name, null, 'missing_column', { column: spec.name, synonyms: spec.synonyms.join(', ') }));
    }
  }
  const alternatives = definition.requiredAlternatives;
  if (alternatives && !alternativesPresent(alternatives.groups, present)) {
    errors.push(headerIssue(lang, headerRow.rowNumber, alternatives.column, null, alternatives.message, {}));
  }

  const questionColumns: QuestionColumn[] = [];
  const questionsOf = definition.questionColumns?.(table, headerIndex, columns, config) ?? (() => []);
  const firstColumnByQuestion = new Map<string, number>();
  for (const index of unmatched) {
    const questions = questionsOf(folded[index]);
    for (const question of questions) {
      const first = firstColumnByQuestion.get(question.key);
      if (first === undefined) firstColumnByQuestion.set(question.key, index);
      else if (first !== index) {
        errors.push(
          headerIssue(lang, headerRow.rowNumber, question.column, headers[index], 'duplicate_column', {
            column: question.column,
            first: headers[first],
            firstLetter: columnLetter(first),
            second: headers[index],
            secondLetter: columnLetter(index),
          }),
        );
      }
    }
    if (questions.length > 0) questionColumns.push({ index, header: headers[index], folded: folded[index] });
    else
      warnings.push(
        headerIssue(lang, headerRow.rowNumber, headers[index], headers[index], 'unknown_column', { header: headers[index], letter: columnLetter(index) }),
      );
  }

  return { kind: detected, headerIndex, headerRow: headerRow.rowNumber, columns, headers, questionColumns, errors, warnings };
}
