import { formatImportMessage, type ImportMessageKey, type MessageParams } from '../import.messages.ts';
import type {
  ActivityRecord,
  AttendanceRecord,
  CellValue,
  ImportIssue,
  ParticipantRecord,
  RawRow,
  RawTable,
  SurveyAnswerRecord,
  SurveyResponseRecord,
  ValidationContext,
  ValidationResult,
} from '../import.types.ts';
import { locateHeader, questionsByFoldedHeader, type HeaderLocation } from '../parsing/columns.ts';
import {
  cellText,
  foldName,
  isEmptyCell,
  isEmptyRow,
  isTotalsRow,
  isValueError,
  parseDate,
  parseDecimal,
  parseGender,
  parseWholeNumber,
  parseYesNo,
  textOrNull,
} from '../parsing/values.ts';
import { activityTypeLookup, communityLookup, surveyLookup, type CodeOrNameLookup } from './config-lookup.ts';
import { PairRows, StringIds } from './pair-rows.ts';

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

const MIN_BIRTH_YEAR = 1900;

/**
 * Checks one file against docs/spec/input-formats.md and turns its rows into records. Pure: everything it needs
 * (configuration, today, records already stored) comes in `ctx`. Every error is reported, with the
 * Excel row number, the canonical column and the value; records are only those of rows without errors.
 * Throws `FileRejectedError` (`header_not_found`) when no header row can be found.
 */
export function validateTable(table: RawTable, ctx: ValidationContext): ValidationResult {
  const header = locateHeader(table, ctx.kind, ctx.config, ctx.lang);
  const checker = new RowChecker(table, header, ctx);
  const validator = createRowValidator(checker, header, ctx);
  const rows = table.rows;
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
    if (validateRows) validator.validate(row);
  }
  flushEmptyRows();
  // A header with nothing below it is refused rather than "imported" with nothing in it: most likely
  // the wrong file, the wrong sheet, or the data was saved below in another sheet.
  if (dataRows === 0) checker.fileError('no_data_rows', { headerRow: header.headerRow });

  const common = { rowsRead, errors: checker.errors, warnings: checker.warnings };
  return { ...common, ...validator.result() };
}

type KindRecords =
  | { kind: 'activities'; records: ActivityRecord[] }
  | { kind: 'attendance'; records: AttendanceRecord[] }
  | { kind: 'participants'; records: ParticipantRecord[] }
  | { kind: 'survey'; records: SurveyResponseRecord[] };

interface RowValidator {
  validate(row: RawRow): void;
  result(): KindRecords;
}

function createRowValidator(checker: RowChecker, header: HeaderLocation, ctx: ValidationContext): RowValidator {
  switch (header.kind) {
    case 'activities':
      return activitiesValidator(checker, header, ctx);
    case 'attendance':
      return attendanceValidator(checker, header, ctx);
    case 'participants':
      return participantsValidator(checker, header, ctx);
    case 'survey':
      return surveyValidator(checker, header, ctx);
  }
}

// ------------------------------------------------------------------------------------------ shared checks

/**
 * Reads typed values out of a row and reports what is wrong. `ok` turns false on the first error of
 * the current row (reset by `startRow`), so a row with errors yields no record.
 */
class RowChecker {
  readonly errors: ImportIssue[];
  readonly warnings: ImportIssue[];
  ok = true;
  row = 0;
  private readonly lang: ValidationContext['lang'];
  private readonly today: string;
  /** project.json's importLimits.earliestDate. */
  private readonly earliest: string;
  private readonly headers: readonly string[];

  /** Rows below the header: an upper bound on the records, to size tables once. */
  readonly dataRows: number;

  constructor(table: RawTable, header: HeaderLocation, ctx: ValidationContext) {
    this.dataRows = table.rows.length - header.headerIndex - 1;
    this.errors = header.errors;
    this.warnings = header.warnings;
    this.lang = ctx.lang;
    this.today = ctx.today;
    this.earliest = ctx.config.project.importLimits.earliestDate;
    this.headers = header.headers;
  }

  startRow(row: RawRow): void {
    this.ok = true;
    this.row = row.rowNumber;
  }

  error(column: string | null, value: string | null, code: ImportMessageKey, params: MessageParams): void {
    this.ok = false;
    this.errors.push({ row: this.row, column, value, code, message: formatImportMessage(code, this.lang, params) });
  }

  /** A problem of the whole file, not of one row. */
  fileError(code: ImportMessageKey, params: MessageParams): void {
    this.errors.push({ row: null, column: null, value: null, code, message: formatImportMessage(code, this.lang, params) });
  }

  warning(row: number | null, column: string | null, value: string | null, code: ImportMessageKey, params: MessageParams): void {
    this.warnings.push({ row, column, value, code, message: formatImportMessage(code, this.lang, params) });
  }

  headerOf(index: number, canonical: string): string {
    return this.headers[index] || canonical;
  }

  /** Trimmed text; for a required column an empty cell is an error. */
  text(cells: readonly CellValue[], index: number, column: string, required: boolean): string | null {
    const text = index < 0 ? null : textOrNull(cells[index]);
    if (text === null && required) this.error(column, null, 'value_required', { column: this.headerOf(index, column) });
    return text;
  }

  /**
   * Text that is stored and shown again later (titles, places, ids, survey comments): kept exactly as
   * written, and a warning when it looks like a spreadsheet formula, since it is never evaluated.
   */
  storedText(cells: readonly CellValue[], index: number, column: string, required: boolean): string | null {
    const text = this.text(cells, index, column, required);
    if (text !== null) this.warnIfFormulaLike(column, text);
    return text;
  }

  warnIfFormulaLike(column: string, text: string): void {
    if (looksLikeFormula(text)) this.warning(this.row, column, text, 'formula_like_text', { value: text });
  }

  /** A civil date between the earliest accepted date (project.json) and today. */
  date(cells: readonly CellValue[], index: number, column: string, required: boolean): string | null {
    if (index < 0) return null;
    const cell = cells[index];
    const date = parseDate(cell);
    if (date === null) {
      if (required) this.error(column, null, 'value_required', { column: this.headerOf(index, column) });
      return null;
    }
    if (isValueError(date)) {
      const value = cellText(cell);
      this.error(column, value, date.error, { value });
      return null;
    }
    if (date > this.today) {
      this.error(column, cellText(cell), 'date_in_future', { date, today: this.today });
      return null;
    }
    if (date < this.earliest) {
      this.error(column, cellText(cell), 'date_before_2000', { date, earliest: this.earliest });
      return null;
    }
    return date;
  }

  /** A decimal number ≥ 0, or null when empty. */
  decimal(cells: readonly CellValue[], index: number, column: string): number | null {
    if (index < 0) return null;
    const cell = cells[index];
    const value = parseDecimal(cell);
    if (isValueError(value)) {
      this.error(column, cellText(cell), value.error, { value: cellText(cell) });
      return null;
    }
    if (value !== null && value < 0) {
      this.error(column, cellText(cell), 'number_negative', { value: cellText(cell) });
      return null;
    }
    return value;
  }

  /** A whole number ≥ 0, or null when empty. */
  wholeNumber(cells: readonly CellValue[], index: number, column: string): number | null {
    if (index < 0) return null;
    const cell = cells[index];
    const value = parseWholeNumber(cell);
    if (isValueError(value)) {
      this.error(column, cellText(cell), value.error, { value: cellText(cell) });
      return null;
    }
    return value;
  }

  /** An optional yes/no flag: empty is no. */
  flag(cells: readonly CellValue[], index: number, column: string): boolean {
    if (index < 0) return false;
    const cell = cells[index];
    const value = parseYesNo(cell);
    if (isValueError(value)) {
      this.error(column, cellText(cell), value.error, { value: cellText(cell) });
      return false;
    }
    return value ?? false;
  }

  /**
   * A participant code not in the register the uploader may use; suggests the code in capitals
   * when that is. For an uploader limited to some communities the message is the same whether the
   * code is registered elsewhere or nowhere.
   */
  unknownParticipant(code: string, register: UploaderRegister): void {
    const upper = code.toUpperCase();
    if (upper !== code && register.has(upper)) this.error('participant_code', code, 'participant_not_found_suggestion', { value: code, code: upper });
    else if (register.communities) this.error('participant_code', code, 'participant_not_in_your_register', { value: code, allowed: register.communities.join(', ') || '—' });
    else this.error('participant_code', code, 'participant_not_found', { value: code });
  }

  /** A configured community or activity type, by code or name, with a "did you mean" on a typo. */
  reference(
    cells: readonly CellValue[],
    index: number,
    column: string,
    lookup: CodeOrNameLookup,
    codes: { unknown: ImportMessageKey; suggestion: ImportMessageKey },
  ): string | null {
    const text = this.text(cells, index, column, true);
    if (text === null) return null;
    const found = lookup.resolve(text);
    if (found) return found.code;
    const near = lookup.suggest(text);
    if (near) this.error(column, text, codes.suggestion, { value: text, name: near.name, code: near.code });
    else this.error(column, text, codes.unknown, { value: text, allowed: lookup.describeAll() });
    return null;
  }
}

const FORMULA_LIKE = /^=.|^[+\-@][A-Za-z_][\w.]*\(|^[+\-@][^\s|]*\|/;

/**
 * `=HYPERLINK("http://x","klik")`, `@SUM(A1)`, `+cmd|'/c calc'!A0`: what a spreadsheet would run as a
 * formula if the text were pasted back into one. Plain text starting with `-` or `+` (`- brak -`,
 * `+48 600 000 000`) is not.
 */
export function looksLikeFormula(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first !== 0x3d && first !== 0x2b && first !== 0x2d && first !== 0x40) return false;
  return FORMULA_LIKE.test(text);
}

/** The participant codes a file may name: the whole register, or an organizer's communities' part of it. */
interface UploaderRegister {
  has(code: string): boolean;
  /** The uploader's communities, or null for every community. */
  communities: readonly string[] | null;
}

function uploaderRegister(lookups: ValidationContext['lookups']): UploaderRegister {
  const { participants, uploaderCommunities } = lookups;
  if (!uploaderCommunities) return { has: (code) => participants.has(code), communities: null };
  return { has: (code) => uploaderCommunities.includes(participants.get(code)?.communityCode ?? ''), communities: uploaderCommunities };
}

const communityCodes = { unknown: 'unknown_community', suggestion: 'unknown_community_suggestion' } as const;
const activityTypeCodes = { unknown: 'unknown_activity_type', suggestion: 'unknown_activity_type_suggestion' } as const;

function columnIndex(header: HeaderLocation, name: string): number {
  return header.columns.get(name) ?? -1;
}

// ------------------------------------------------------------------------------------------ activities

function activitiesValidator(checker: RowChecker, header: HeaderLocation, ctx: ValidationContext): RowValidator {
  const records: ActivityRecord[] = [];
  const firstRowById = new Map<string, number>();
  const communities = communityLookup(ctx.config);
  const types = activityTypeLookup(ctx.config);
  const col = {
    id: columnIndex(header, 'activity_id'),
    date: columnIndex(header, 'date'),
    community: columnIndex(header, 'community'),
    type: columnIndex(header, 'type'),
    title: columnIndex(header, 'title'),
    duration: columnIndex(header, 'duration_h'),
    ledBy: columnIndex(header, 'led_by'),
    location: columnIndex(header, 'location'),
    headcount: columnIndex(header, 'headcount_anonymous'),
    initiative: columnIndex(header, 'resident_initiative'),
  };
  return {
    validate(row) {
      checker.startRow(row);
      const cells = row.cells;
      const externalId = checker.storedText(cells, col.id, 'activity_id', true);
      if (externalId !== null) {
        const firstRow = firstRowById.get(externalId);
        if (firstRow === undefined) firstRowById.set(externalId, row.rowNumber);
        else checker.error('activity_id', externalId, 'duplicate_activity_id', { value: externalId, firstRow });
      }
      const date = checker.date(cells, col.date, 'date', true);
      const communityCode = checker.reference(cells, col.community, 'community', communities, communityCodes);
      const typeCode = checker.reference(cells, col.type, 'type', types, activityTypeCodes);
      const title = checker.storedText(cells, col.title, 'title', true);
      const durationHours = checker.decimal(cells, col.duration, 'duration_h');
      const ledBy = checker.storedText(cells, col.ledBy, 'led_by', false);
      const location = checker.storedText(cells, col.location, 'location', false);
      const headcountAnonymous = checker.wholeNumber(cells, col.headcount, 'headcount_anonymous') ?? 0;
      const residentInitiative = checker.flag(cells, col.initiative, 'resident_initiative');
      if (!checker.ok || externalId === null || date === null || communityCode === null || typeCode === null || title === null) return;
      records.push({
        row: row.rowNumber,
        externalId,
        date,
        communityCode,
        typeCode,
        title,
        durationHours,
        ledBy,
        location,
        headcountAnonymous,
        residentInitiative,
      });
    },
    result: () => ({ kind: 'activities', records }),
  };
}

// ------------------------------------------------------------------------------------------ attendance

function attendanceValidator(checker: RowChecker, header: HeaderLocation, ctx: ValidationContext): RowValidator {
  const records: AttendanceRecord[] = [];
  const { activities, participants, participantCodesByNameKey } = ctx.lookups;
  const register = uploaderRegister(ctx.lookups);
  // Activities and participants numbered once, so each row costs one look-up per id and duplicate
  // (activity, participant) pairs are found in a typed-array table instead of a map of string keys.
  const activityIds = new StringIds(activities.keys());
  const activityDates = Array.from(activities.values(), (activity) => activity.date);
  const participantIds = new StringIds(participants.keys());
  const firstRowByPair = new PairRows(checker.dataRows);
  const col = {
    activity: columnIndex(header, 'activity_id'),
    code: columnIndex(header, 'participant_code'),
    first: columnIndex(header, 'first_name'),
    last: columnIndex(header, 'last_name'),
    date: columnIndex(header, 'date'),
  };
  const byName = col.first >= 0 && col.last >= 0;

  return {
    validate(row) {
      checker.startRow(row);
      const cells = row.cells;
      const activityId = checker.text(cells, col.activity, 'activity_id', true);
      const activityIndex = activityId === null ? -1 : activityIds.get(activityId);
      if (activityId !== null && activityIndex < 0) checker.error('activity_id', activityId, 'activity_not_found', { value: activityId });

      let participantCode: string | null = null;
      let participantIndex = -1;
      const codeText = col.code < 0 ? null : textOrNull(cells[col.code]);
      const first = byName ? textOrNull(cells[col.first]) : null;
      const last = byName ? textOrNull(cells[col.last]) : null;
      if (codeText !== null) {
        participantIndex = register.has(codeText) ? participantIds.get(codeText) : -1;
        if (participantIndex >= 0) participantCode = codeText;
        else checker.unknownParticipant(codeText, register);
        if (participantCode !== null && (first !== null || last !== null)) {
          const codes = participantCodesByNameKey.get(foldName(first, last));
          if (codes && !codes.includes(participantCode)) {
            checker.warning(row.rowNumber, 'participant_code', participantCode, 'name_code_mismatch', { code: participantCode, codes: codes.join(', ') });
          }
        }
      } else if (first !== null || last !== null) {
        const name = first !== null && last !== null ? `${first} ${last}` : (first ?? last)!;
        const codes = participantCodesByNameKey.get(foldName(first, last));
        if (!codes || codes.length === 0) checker.error('last_name', name, 'name_not_found', { value: name });
        else if (codes.length > 1) checker.error('last_name', name, 'name_ambiguous', { value: name, codes: codes.join(', ') });
        else {
          participantCode = codes[0];
          participantIndex = participantIds.add(participantCode);
        }
      } else {
        checker.error(col.code >= 0 ? 'participant_code' : 'last_name', null, 'participant_missing', {});
      }

      if (col.date >= 0) {
        const cell = cells[col.date];
        const date = parseDate(cell);
        if (isValueError(date)) checker.error('date', cellText(cell), date.error, { value: cellText(cell) });
        else if (date !== null && activityIndex >= 0 && date !== activityDates[activityIndex]) {
          checker.error('date', cellText(cell), 'attendance_date_mismatch', { value: date, activityId: activityId!, activityDate: activityDates[activityIndex] });
        }
      }

      if (!checker.ok || activityId === null || participantCode === null) return;
      const firstRow = firstRowByPair.firstRowOrAdd(activityIndex, participantIndex, row.rowNumber);
      if (firstRow >= 0) {
        checker.warning(row.rowNumber, 'participant_code', participantCode, 'duplicate_attendance', { participant: participantCode, activityId, firstRow });
        return;
      }
      records.push({ row: row.rowNumber, activityExternalId: activityId, participantCode });
    },
    result: () => ({ kind: 'attendance', records }),
  };
}

// ------------------------------------------------------------------------------------------ participants

function participantsValidator(checker: RowChecker, header: HeaderLocation, ctx: ValidationContext): RowValidator {
  const records: ParticipantRecord[] = [];
  const firstRowByCode = new Map<string, number>();
  const firstRowByName = new Map<string, number>();
  const communities = communityLookup(ctx.config);
  const maxBirthYear = Number(ctx.today.slice(0, 4));
  const col = {
    code: columnIndex(header, 'participant_code'),
    community: columnIndex(header, 'community'),
    gender: columnIndex(header, 'gender'),
    birthYear: columnIndex(header, 'birth_year'),
    joinedOn: columnIndex(header, 'joined_on'),
    leader: columnIndex(header, 'leader'),
    leaderSince: columnIndex(header, 'leader_since'),
    first: columnIndex(header, 'first_name'),
    last: columnIndex(header, 'last_name'),
  };

  const birthYear = (cells: readonly CellValue[]): number | null => {
    if (col.birthYear < 0) return null;
    const cell = cells[col.birthYear];
    const value = parseWholeNumber(cell);
    if (value === null) return null;
    const text = cellText(cell);
    if (isValueError(value) || value < 1000 || value > 9999) {
      checker.error('birth_year', text, 'birth_year_invalid', { value: text });
      return null;
    }
    if (value < MIN_BIRTH_YEAR || value > maxBirthYear) {
      checker.error('birth_year', text, 'birth_year_range', { value, maxYear: maxBirthYear });
      return null;
    }
    return value;
  };

  return {
    validate(row) {
      checker.startRow(row);
      const cells = row.cells;
      const code = checker.storedText(cells, col.code, 'participant_code', true);
      if (code !== null) {
        const firstRow = firstRowByCode.get(code);
        if (firstRow === undefined) firstRowByCode.set(code, row.rowNumber);
        else checker.error('participant_code', code, 'duplicate_participant_code', { value: code, firstRow });
      }
      const communityCode = checker.reference(cells, col.community, 'community', communities, communityCodes);
      const gender = col.gender < 0 ? null : parseGender(cells[col.gender]);
      const year = birthYear(cells);
      const joinedOn = checker.date(cells, col.joinedOn, 'joined_on', false);
      const leader = checker.flag(cells, col.leader, 'leader');
      const leaderSinceEmpty = col.leaderSince < 0 || isEmptyCell(cells[col.leaderSince]);
      const leaderSince = checker.date(cells, col.leaderSince, 'leader_since', false);
      if (leader && leaderSinceEmpty) checker.error('leader_since', null, 'leader_since_missing', {});
      if (!leader && leaderSince !== null) checker.warning(row.rowNumber, 'leader_since', leaderSince, 'leader_since_without_leader', { value: leaderSince });
      const firstName = checker.text(cells, col.first, 'first_name', false);
      const lastName = checker.text(cells, col.last, 'last_name', false);
      const nameKey = firstName !== null || lastName !== null ? foldName(firstName, lastName) : null;

      if (!checker.ok || code === null || communityCode === null) return;
      if (nameKey !== null) {
        const sameName = firstRowByName.get(nameKey);
        if (sameName === undefined) firstRowByName.set(nameKey, row.rowNumber);
        else checker.warning(row.rowNumber, 'last_name', null, 'duplicate_name_in_register', { firstRow: sameName });
      }
      records.push({
        row: row.rowNumber,
        code,
        communityCode,
        gender,
        birthYear: year,
        joinedOn,
        leader,
        leaderSince,
        firstName,
        lastName,
        nameKey,
      });
    },
    result: () => ({ kind: 'participants', records }),
  };
}

// ------------------------------------------------------------------------------------------ surveys

function surveyValidator(checker: RowChecker, header: HeaderLocation, ctx: ValidationContext): RowValidator {
  const records: SurveyResponseRecord[] = [];
  const communities = communityLookup(ctx.config);
  const findSurvey = surveyLookup(ctx.config);
  const surveyCodes = ctx.config.surveys.map((s) => `${s.code} (${s.namePl})`).join(', ');
  const scales = ctx.config.project.answerScales;
  const register = uploaderRegister(ctx.lookups);
  const col = {
    survey: columnIndex(header, 'survey_code'),
    date: columnIndex(header, 'date'),
    community: columnIndex(header, 'community'),
    participant: columnIndex(header, 'participant_code'),
  };

  return {
    validate(row) {
      checker.startRow(row);
      const cells = row.cells;
      const surveyText = checker.text(cells, col.survey, 'survey_code', true);
      const survey = surveyText === null ? null : findSurvey(surveyText);
      if (surveyText !== null && survey === null) checker.error('survey_code', surveyText, 'unknown_survey', { value: surveyText, allowed: surveyCodes });
      const date = checker.date(cells, col.date, 'date', true);
      const communityCode = checker.reference(cells, col.community, 'community', communities, communityCodes);
      const participantCode = checker.text(cells, col.participant, 'participant_code', false);
      if (participantCode !== null && !register.has(participantCode)) checker.unknownParticipant(participantCode, register);

      const answers: SurveyAnswerRecord[] = [];
      const questions = survey ? questionsByFoldedHeader(survey) : null;
      for (const column of header.questionColumns) {
        const cell = cells[column.index];
        if (isEmptyCell(cell) || !survey || !questions) continue; // empty = no answer
        const question = questions.get(column.folded);
        const text = cellText(cell);
        if (!question) {
          checker.error(column.header, text, 'question_not_in_survey', { question: column.header, survey: survey.code });
          continue;
        }
        if (question.scale === 'text') {
          checker.warnIfFormulaLike(question.code, text);
          answers.push({ questionCode: question.code, valueNumber: null, valueText: text });
        } else if (question.scale === 'yes_no') {
          const value = parseYesNo(cell);
          if (isValueError(value) || value === null) checker.error(question.code, text, 'answer_yes_no_invalid', { value: text, question: question.code });
          else answers.push({ questionCode: question.code, valueNumber: value ? scales.yes_no.yes : scales.yes_no.no, valueText: null });
        } else {
          const value = parseDecimal(cell);
          const { min, max } = scales.likert5;
          if (isValueError(value) || value === null) checker.error(question.code, text, 'answer_scale_text', { value: text, question: question.code, min, max });
          else if (!Number.isInteger(value) || value < min || value > max) checker.error(question.code, text, 'answer_scale_range', { value: text, question: question.code, min, max });
          else answers.push({ questionCode: question.code, valueNumber: value, valueText: null });
        }
      }

      if (!checker.ok || survey === null || date === null || communityCode === null) return;
      records.push({ row: row.rowNumber, surveyCode: survey.code, date, communityCode, participantCode, answers });
    },
    result: () => ({ kind: 'survey', records }),
  };
}
