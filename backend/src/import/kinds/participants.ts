import { z } from 'zod';
import { auditedUpsert } from '../../repositories/audited-upsert.ts';
import type { CellValue } from '../import.types.ts';
import { cellText, foldName, isEmptyCell, isValueError, parseGender, parseWholeNumber } from '../parsing/values.ts';
import { communityLookup } from '../validation/config-lookup.ts';
import { columnIndex, communityCodes } from '../validation/row-checker.ts';
import { commonTemplates, recordFields } from './common-columns.ts';
import type { ImportKindDefinition } from './import-kind.ts';

const MIN_BIRTH_YEAR = 1900;

/** The participant register (rejestr uczestników), one row per person: docs/spec/input-formats.md, kind 3. */
export const participantRecord = z.object({
  row: recordFields.row,
  code: recordFields.code,
  communityCode: recordFields.code,
  gender: z.enum(['K', 'M', 'other']).nullable(),
  birthYear: z.number().int().min(MIN_BIRTH_YEAR).nullable(),
  joinedOn: recordFields.date.nullable(),
  leader: z.boolean(),
  leaderSince: recordFields.date.nullable(),
  /** Names are kept only for matching attendance lists by name (docs/spec/domain.md, "Personal data"). */
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  /** The names folded for matching (`foldName`). */
  nameKey: z.string().nullable(),
});
export type ParticipantRecord = z.infer<typeof participantRecord>;

export const participants: ImportKindDefinition<ParticipantRecord> = {
  kind: 'participants',
  importOrder: 0,
  templateSheetName: 'uczestnicy',
  columns: [
    {
      name: 'participant_code',
      label: 'Kod uczestnika',
      synonyms: ['kod_uczestnika', 'id_uczestnika', 'kod'],
      required: true,
      template: commonTemplates.participantCode,
    },
    { name: 'community', label: 'Społeczność', synonyms: ['spolecznosc'], required: true, template: commonTemplates.community },
    { name: 'gender', label: 'Płeć', synonyms: ['plec'], required: false, template: { note: 'K albo M', example: 'K', rule: 'gender' } },
    {
      name: 'birth_year',
      label: 'Rok urodzenia',
      synonyms: ['rok_urodzenia'],
      required: false,
      template: { note: 'Rok urodzenia, cztery cyfry', example: 1960 },
    },
    {
      name: 'joined_on',
      label: 'Data przystąpienia',
      synonyms: ['data_przystapienia', 'data_rejestracji'],
      required: false,
      template: { note: 'Data przystąpienia do projektu', example: (sample) => sample.date, date: true },
    },
    { name: 'leader', label: 'Lider', synonyms: ['lider'], required: false, template: { note: 'Czy lider lokalny: tak / nie', example: 'nie', rule: 'yesNo' } },
    {
      name: 'leader_since',
      label: 'Lider od',
      synonyms: ['lider_od', 'data_identyfikacji_lidera'],
      required: false,
      template: { note: 'Od kiedy lider (wymagane, gdy lider = tak)', example: null, date: true },
    },
    { name: 'first_name', label: 'Imię', synonyms: ['imie'], required: false, template: commonTemplates.firstName },
    { name: 'last_name', label: 'Nazwisko', synonyms: ['nazwisko'], required: false, template: commonTemplates.lastName },
  ],
  record: participantRecord,

  rowValidator(checker, header, ctx) {
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

        if (!checker.ok || code === null || communityCode === null) return undefined;
        if (nameKey !== null) {
          const sameName = firstRowByName.get(nameKey);
          if (sameName === undefined) firstRowByName.set(nameKey, row.rowNumber);
          else checker.warning(row.rowNumber, 'last_name', null, 'duplicate_name_in_register', { firstRow: sameName });
        }
        return {
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
        };
      },
    };
  },

  scope: (r) => ({ communities: [r.communityCode], column: 'community', value: r.communityCode, participantCode: r.code, registersCode: true }),

  writer: auditedUpsert<ParticipantRecord>({
    model: 'participant',
    entity: 'participant',
    key: { column: 'code', of: (r) => r.code },
    references: [{ column: 'homeCommunityId', relation: 'homeCommunity', model: 'community', code: (r) => r.communityCode, audit: 'homeCommunity' }],
    fields: (r) => ({
      gender: r.gender,
      birthYear: r.birthYear,
      joinedOn: r.joinedOn,
      leader: r.leader,
      leaderSince: r.leaderSince,
      firstName: r.firstName,
      lastName: r.lastName,
      nameKey: r.nameKey,
    }),
    // Names are personal data: the audit trail records that they changed, never what they were.
    redacted: new Set(['firstName', 'lastName', 'nameKey']),
  }),
};
