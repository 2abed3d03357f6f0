import type { OslConfig, SurveyConfig } from '@osl/data';
import { FileRejectedError } from '../import.errors.ts';
import { formatImportMessage, type ImportMessageKey, type MessageParams } from '../import.messages.ts';
import { importKinds, type CellValue, type ImportIssue, type ImportKind, type Lang, type RawTable } from '../import.types.ts';
import { surveyLookup } from '../validation/config-lookup.ts';
import { foldHeader } from './fold.ts';
import { cellText } from './values.ts';

export { foldHeader } from './fold.ts';

export interface ColumnSpec {
  /** Canonical name, as in docs/spec/input-formats.md. */
  name: string;
  synonyms: readonly string[];
  required: boolean;
}

/** The columns of the four kinds of file, exactly as docs/spec/input-formats.md lists them. */
export const columnSpecs: Readonly<Record<ImportKind, readonly ColumnSpec[]>> = {
  activities: [
    { name: 'activity_id', synonyms: ['id_dzialania', 'nr_dzialania', 'id'], required: true },
    { name: 'date', synonyms: ['data', 'data_dzialania'], required: true },
    { name: 'community', synonyms: ['spolecznosc', 'spolecznosc_kod'], required: true },
    { name: 'type', synonyms: ['typ', 'rodzaj', 'typ_dzialania'], required: true },
    { name: 'title', synonyms: ['tytul', 'nazwa', 'temat'], required: true },
    { name: 'duration_h', synonyms: ['czas_h', 'czas_trwania_h', 'godziny'], required: false },
    { name: 'led_by', synonyms: ['prowadzacy', 'animator'], required: false },
    { name: 'location', synonyms: ['miejsce'], required: false },
    { name: 'headcount_anonymous', synonyms: ['liczba_osob_bez_listy', 'uczestnicy_anonimowi', 'liczba_anonimowych'], required: false },
    { name: 'resident_initiative', synonyms: ['inicjatywa_mieszkancow', 'wspolorganizowane_przez_mieszkancow'], required: false },
  ],
  attendance: [
    { name: 'activity_id', synonyms: ['id_dzialania', 'nr_dzialania'], required: true },
    // participant_code, or first_name + last_name: see `requiredAlternatives`.
    { name: 'participant_code', synonyms: ['kod_uczestnika', 'id_uczestnika', 'kod'], required: false },
    { name: 'first_name', synonyms: ['imie'], required: false },
    { name: 'last_name', synonyms: ['nazwisko'], required: false },
    { name: 'date', synonyms: ['data'], required: false },
  ],
  participants: [
    { name: 'participant_code', synonyms: ['kod_uczestnika', 'id_uczestnika', 'kod'], required: true },
    { name: 'community', synonyms: ['spolecznosc'], required: true },
    { name: 'gender', synonyms: ['plec'], required: false },
    { name: 'birth_year', synonyms: ['rok_urodzenia'], required: false },
    { name: 'joined_on', synonyms: ['data_przystapienia', 'data_rejestracji'], required: false },
    { name: 'leader', synonyms: ['lider'], required: false },
    { name: 'leader_since', synonyms: ['lider_od', 'data_identyfikacji_lidera'], required: false },
    { name: 'first_name', synonyms: ['imie'], required: false },
    { name: 'last_name', synonyms: ['nazwisko'], required: false },
  ],
  survey: [
    { name: 'survey_code', synonyms: ['ankieta', 'kod_ankiety'], required: true },
    { name: 'date', synonyms: ['data', 'data_wypelnienia'], required: true },
    { name: 'community', synonyms: ['spolecznosc'], required: true },
    { name: 'participant_code', synonyms: ['kod_uczestnika'], required: false },
  ],
};

/** Kinds where one of several groups of columns must be complete (attendance: a code, or a first and last name). */
export const requiredAlternatives: Readonly<Partial<Record<ImportKind, readonly (readonly string[])[]>>> = {
  attendance: [['participant_code'], ['first_name', 'last_name']],
};

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

const canonicalByFoldedHeader: Readonly<Record<ImportKind, ReadonlyMap<string, string>>> = {
  activities: foldedHeaderMap('activities'),
  attendance: foldedHeaderMap('attendance'),
  participants: foldedHeaderMap('participants'),
  survey: foldedHeaderMap('survey'),
};

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
  /** Survey files: columns that are question codes of the surveys named in the file. */
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
  const alternatives = requiredAlternatives[kind];
  if (alternatives && !alternatives.some((group) => group.every((name) => present.has(name)))) missing.push(alternatives.map((g) => g.join('+')).join('|'));
  return missing;
}

/** The canonical columns of `kind` that a row of folded headers names. */
function canonicalSet(folded: readonly string[], kind: ImportKind): Set<string> {
  const map = canonicalByFoldedHeader[kind];
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

/** The kind a header row describes best: survey when it names the survey; else most known columns, fewest missing. */
function detectKind(folded: readonly string[]): ImportKind | null {
  if (canonicalSet(folded, 'survey').has('survey_code') && countMatches(folded, 'survey') >= 2) return 'survey';
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
    if (requiredAlternatives[k]) names.push('participant_code / first_name + last_name');
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
  const map = canonicalByFoldedHeader[detected];
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
  const alternatives = requiredAlternatives[detected];
  if (alternatives && !alternatives.some((group) => group.every((name) => present.has(name)))) {
    errors.push(headerIssue(lang, headerRow.rowNumber, 'participant_code', null, 'missing_participant_columns', {}));
  }

  const questionColumns: QuestionColumn[] = [];
  const surveys = detected === 'survey' ? surveysNamedInFile(table, headerIndex, columns.get('survey_code'), config) : [];
  const firstColumnByQuestion = new Map<string, number>();
  for (const index of unmatched) {
    let isQuestion = false;
    for (const survey of surveys) {
      const question = questionsByFoldedHeader(survey).get(folded[index]);
      if (!question) continue;
      isQuestion = true;
      const key = `${survey.code}\u0000${question.code}`;
      const first = firstColumnByQuestion.get(key);
      if (first === undefined) firstColumnByQuestion.set(key, index);
      else if (first !== index) {
        errors.push(
          headerIssue(lang, headerRow.rowNumber, question.code, headers[index], 'duplicate_column', {
            column: question.code,
            first: headers[first],
            firstLetter: columnLetter(first),
            second: headers[index],
            secondLetter: columnLetter(index),
          }),
        );
      }
    }
    if (isQuestion) questionColumns.push({ index, header: headers[index], folded: folded[index] });
    else warnings.push(headerIssue(lang, headerRow.rowNumber, headers[index], headers[index], 'unknown_column', { header: headers[index], letter: columnLetter(index) }));
  }

  return { kind: detected, headerIndex, headerRow: headerRow.rowNumber, columns, headers, questionColumns, errors, warnings };
}

/** Known surveys named in the file's survey_code column, in order of first mention. */
function surveysNamedInFile(table: RawTable, headerIndex: number, surveyColumn: number | undefined, config: OslConfig): SurveyConfig[] {
  const named = new Set<SurveyConfig>();
  if (surveyColumn === undefined) return [];
  const findSurvey = surveyLookup(config);
  for (let i = headerIndex + 1; i < table.rows.length; i++) {
    const text = cellText(table.rows[i].cells[surveyColumn]);
    if (text === '') continue;
    const survey = findSurvey(text);
    if (survey) named.add(survey);
  }
  return [...named];
}

type SurveyQuestion = SurveyConfig['questions'][number];
const questionMaps = new WeakMap<SurveyConfig, ReadonlyMap<string, SurveyQuestion>>();

/**
 * A survey's questions by folded header: the question code (`JAKOSC_ZYCIA`, `Jakość życia`) or the
 * Polish question text, as form tools export it as the column title.
 */
export function questionsByFoldedHeader(survey: SurveyConfig): ReadonlyMap<string, SurveyQuestion> {
  let map = questionMaps.get(survey);
  if (!map) {
    const built = new Map<string, SurveyQuestion>();
    for (const question of survey.questions) {
      const byText = foldHeader(question.textPl);
      if (!built.has(byText)) built.set(byText, question);
    }
    for (const question of survey.questions) built.set(foldHeader(question.code), question); // codes win over texts
    map = built;
    questionMaps.set(survey, map);
  }
  return map;
}
