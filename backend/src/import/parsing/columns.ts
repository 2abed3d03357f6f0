import type { OslConfig } from '@osl/data';
import { FileRejectedError } from '../import.errors.ts';
import { formatImportMessage, type ImportMessageKey, type MessageParams } from '../import.messages.ts';
import { importKinds, type CellValue, type ImportIssue, type ImportKind, type Lang, type RawRow, type RawTable } from '../import.types.ts';
import type { ColumnSpec } from '../kinds/import-kind.ts';
import { importKindDefinition } from '../kinds/index.ts';
import { foldHeader } from './fold.ts';
import { cellText, isEmptyRow } from './values.ts';

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
  /** Index of the header in `table.rows` (of its lower row when it spans two); data rows follow it. */
  headerIndex: number;
  /** The header's row number as Excel shows it (its lower row's when it spans two). */
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

/**
 * The required columns of `kind` (or of every kind, each named), as `header_not_found` lists them:
 * by their template headers, which the importer reads in either language.
 */
export function expectedColumns(kind: ImportKind | undefined, lang: Lang = 'pl'): string {
  const describe = (k: ImportKind) => {
    const names = columnSpecs[k].filter((spec) => spec.required).map((spec) => spec.label);
    const alternatives = importKindDefinition(k).requiredAlternatives;
    if (alternatives) names.push(alternatives.describe);
    return names.join(', ');
  };
  return kind ? describe(kind) : importKinds.map((k) => `${formatImportMessage(`file_kind_${k}`, lang)}: ${describe(k)}`).join('; ');
}

/** A header's issue: `column` as the file names it (or the template does), `field` its canonical name when known. */
function headerIssue(
  lang: Lang,
  row: number,
  { column, field }: Pick<ImportIssue, 'column' | 'field'>,
  value: string | null,
  code: ImportMessageKey,
  params: MessageParams,
): ImportIssue {
  return { row, column, ...(field === undefined ? {} : { field }), value, code, message: formatImportMessage(code, lang, params) };
}

/** A canonical column's name in Polish (its template header): how a report names a column the file lacks. */
export function columnLabel(kind: ImportKind, name: string): string {
  return columnSpecs[kind].find((spec) => spec.name === name)?.label ?? name;
}

/** A row (or two rows read together) that could be the header. */
interface HeaderCandidate {
  kind: ImportKind;
  /** Index in `rows` of the candidate's last row: data rows follow it. */
  index: number;
  /** Index of the row above it when the header spans two rows. */
  upperIndex: number | null;
  headers: string[];
  folded: string[];
  /** Row number each header text was read from. */
  sourceRows: number[];
  matches: number;
  missing: number;
}

/** Whether a folded header names a column of `kind`, or of any kind when none is given. */
function isKnownHeader(folded: string, kind: ImportKind | undefined): boolean {
  if (folded === '') return false;
  if (kind) return canonicalByFoldedHeader.get(kind)!.has(folded);
  return importKinds.some((k) => canonicalByFoldedHeader.get(k)!.has(folded));
}

function candidate(
  headers: string[],
  folded: string[],
  sourceRows: number[],
  index: number,
  upperIndex: number | null,
  kind: ImportKind | undefined,
): HeaderCandidate | null {
  const detected = kind ? (countMatches(folded, kind) >= 2 ? kind : null) : detectKind(folded);
  if (!detected) return null;
  const present = canonicalSet(folded, detected);
  return { kind: detected, index, upperIndex, headers, folded, sourceRows, matches: present.size, missing: missingRequired(present, detected).length };
}

function singleRowCandidate(rows: readonly RawRow[], index: number, kind: ImportKind | undefined): HeaderCandidate | null {
  const row = rows[index];
  const headers = row.cells.map((cell) => cellText(cell));
  return candidate(
    headers,
    foldedCells(row.cells),
    headers.map(() => row.rowNumber),
    index,
    null,
    kind,
  );
}

/**
 * Two rows read as one header, as paper-style lists have them: a group cell ("Uczestnik", merged
 * and so repeated over its columns) above "Imię | Nazwisko", and columns named in the upper row
 * only. A column's header is the lower row's text when known, else the upper's when the lower is
 * empty or the upper is known, except a group label repeated over several columns ("Data" over
 * "od | do"), which names none of them.
 */
function twoRowCandidate(rows: readonly RawRow[], upperIndex: number, kind: ImportKind | undefined): HeaderCandidate | null {
  const upper = rows[upperIndex];
  const lower = rows[upperIndex + 1];
  const upperText = upper.cells.map((cell) => cellText(cell));
  const lowerText = lower.cells.map((cell) => cellText(cell));
  const upperFolded = upperText.map(foldHeader);
  const lowerFolded = lowerText.map(foldHeader);
  const width = Math.max(upperText.length, lowerText.length);
  const headers: string[] = [];
  const folded: string[] = [];
  const sourceRows: number[] = [];
  for (let c = 0; c < width; c++) {
    const up = upperFolded[c] ?? '';
    const groupLabel = up !== '' && (upperFolded[c - 1] === up || upperFolded[c + 1] === up);
    const useUpper = !isKnownHeader(lowerFolded[c] ?? '', kind) && ((lowerFolded[c] ?? '') === '' || (isKnownHeader(up, kind) && !groupLabel));
    headers.push((useUpper ? upperText[c] : lowerText[c]) ?? '');
    folded.push((useUpper ? up : lowerFolded[c]) ?? '');
    sourceRows.push(useUpper ? upper.rowNumber : lower.rowNumber);
  }
  const combined = candidate(headers, folded, sourceRows, upperIndex + 1, upperIndex, kind);
  // Read together only when the two rows name more columns than either row alone.
  if (!combined || combined.matches <= Math.max(countMatches(upperFolded, combined.kind), countMatches(lowerFolded, combined.kind))) return null;
  return combined;
}

/** The first candidate is better: more known columns, then fewer missing required ones, then nearer the top. */
function betterCandidate(a: HeaderCandidate, b: HeaderCandidate): boolean {
  if (a.matches !== b.matches) return a.matches > b.matches;
  if (a.missing !== b.missing) return a.missing < b.missing;
  return a.index < b.index;
}

/** Every row (and pair of adjacent rows) among the top rows that could be the header, top first. */
function headerCandidates(rows: readonly RawRow[], kind: ImportKind | undefined): HeaderCandidate[] {
  const limit = Math.min(rows.length, headerSearchRows);
  const candidates: HeaderCandidate[] = [];
  for (let i = 0; i < limit; i++) {
    const pair = i > 0 ? twoRowCandidate(rows, i - 1, kind) : null;
    if (pair) candidates.push(pair);
    const single = singleRowCandidate(rows, i, kind);
    if (single) candidates.push(single);
  }
  return candidates;
}

/**
 * Warnings that say how the header was chosen when a person might not expect it: a header read from
 * two rows, or a row above it that looked like a header too (its rows in between are skipped).
 */
function headerChoiceWarnings(rows: readonly RawRow[], chosen: HeaderCandidate, candidates: readonly HeaderCandidate[], lang: Lang): ImportIssue[] {
  const warnings: ImportIssue[] = [];
  const top = chosen.upperIndex ?? chosen.index;
  const earlier = candidates.find((c) => (c.upperIndex ?? c.index) < top);
  if (earlier && rows.slice(earlier.index + 1, top).some((row) => !isEmptyRow(row.cells))) {
    const row = rows[earlier.upperIndex ?? earlier.index].rowNumber;
    warnings.push(headerIssue(lang, row, { column: null }, null, 'header_row_not_chosen', { headerRow: rows[top].rowNumber }));
  }
  if (chosen.upperIndex !== null) {
    warnings.push(headerIssue(lang, rows[chosen.upperIndex].rowNumber, { column: null }, null, 'header_two_rows', { lowerRow: rows[chosen.index].rowNumber }));
  }
  return warnings;
}

/**
 * Finds the header among the top rows: the row naming the most known columns of a kind (not merely
 * the first naming two: a title row "Data: | Społeczność:" may sit above it), or two adjacent rows
 * read together when together they name more. Null when no row names two known columns.
 */
function bestHeaderCandidate(rows: readonly RawRow[], kind: ImportKind | undefined): { chosen: HeaderCandidate; candidates: HeaderCandidate[] } | null {
  const candidates = headerCandidates(rows, kind);
  let chosen: HeaderCandidate | null = null;
  for (const c of candidates) if (!chosen || betterCandidate(c, chosen)) chosen = c;
  return chosen ? { chosen, candidates } : null;
}

/**
 * Finds the header (see `bestHeaderCandidate`), detects the kind when not given, maps columns, and
 * reports missing required columns (all of them), duplicate columns (errors) and unknown columns
 * (warnings). Null when no row looks like a header.
 */
export function findHeader(table: RawTable, kind: ImportKind | undefined, config: OslConfig, lang: Lang = 'pl'): HeaderLocation | null {
  const best = bestHeaderCandidate(table.rows, kind);
  if (!best) return null;
  const { chosen } = best;
  const headerIndex = chosen.index;
  const detected = chosen.kind;
  const { folded, headers, sourceRows } = chosen;
  const headerRow = table.rows[headerIndex].rowNumber;
  const definition = importKindDefinition(detected);
  const map = canonicalByFoldedHeader.get(detected)!;
  const columns = new Map<string, number>();
  const errors: ImportIssue[] = [];
  const warnings = headerChoiceWarnings(table.rows, chosen, best.candidates, lang);
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
      headerIssue(lang, sourceRows[index], { column: headers[index], field: canonical }, headers[index], 'duplicate_column', {
        column: columnLabel(detected, canonical),
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
      const names = { column: spec.label, synonyms: [spec.name, ...spec.synonyms].join(', ') };
      errors.push(headerIssue(lang, headerRow, { column: spec.label, field: spec.name }, null, 'missing_column', names));
    }
  }
  const alternatives = definition.requiredAlternatives;
  if (alternatives && !alternativesPresent(alternatives.groups, present)) {
    errors.push(
      headerIssue(lang, headerRow, { column: columnLabel(detected, alternatives.column), field: alternatives.column }, null, alternatives.message, {}),
    );
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
          headerIssue(lang, sourceRows[index], { column: headers[index], field: question.column }, headers[index], 'duplicate_column', {
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
        headerIssue(lang, sourceRows[index], { column: headers[index] }, headers[index], 'unknown_column', {
          header: headers[index],
          letter: columnLetter(index),
        }),
      );
  }

  return { kind: detected, headerIndex, headerRow, columns, headers, questionColumns, errors, warnings };
}

/** `findHeader`, throwing `FileRejectedError` with `header_not_found` when no row looks like a header. */
export function locateHeader(table: RawTable, kind: ImportKind | undefined, config: OslConfig, lang: Lang = 'pl'): HeaderLocation {
  const header = findHeader(table, kind, config, lang);
  if (!header) {
    const params = (lang: Lang) => ({ rows: headerSearchRows, expected: expectedColumns(kind, lang) });
    const text = (lang: Lang) => formatImportMessage('header_not_found', lang, params(lang));
    throw new FileRejectedError('header_not_found', table.fileName, params('pl'), { pl: text('pl'), en: text('en') });
  }
  return header;
}
