import { z } from 'zod';
import { cellText, foldName, isValueError, parseDate, textOrNull } from '../parsing/values.ts';
import { PairRows, StringIds } from '../validation/pair-rows.ts';
import { columnIndex, uploaderRegister } from '../validation/row-checker.ts';
import { codeSuggester, suggester } from '../validation/suggestions.ts';
import { commonTemplates, recordFields } from './common-columns.ts';
import type { ImportKindDefinition } from './import-kind.ts';

/** An attendance list (lista obecności), one row per person per activity: docs/spec/input-formats.md, kind 2. */
export const attendanceRecord = z.object({
  row: recordFields.row,
  activityExternalId: recordFields.code,
  participantCode: recordFields.code,
});
export type AttendanceRecord = z.infer<typeof attendanceRecord>;

export const attendance: ImportKindDefinition<AttendanceRecord> = {
  kind: 'attendance',
  importOrder: 2,
  templateSheetName: 'obecnosci',
  columns: [
    { name: 'activity_id', label: 'Nr działania', synonyms: ['id_dzialania', 'nr_dzialania'], required: true, template: commonTemplates.activityId },
    // participant_code, or first_name + last_name: see `requiredAlternatives`. The template asks for codes only.
    {
      name: 'participant_code',
      label: 'Kod uczestnika',
      synonyms: ['kod_uczestnika', 'id_uczestnika', 'kod'],
      required: false,
      template: commonTemplates.participantCode,
    },
    { name: 'first_name', label: 'Imię', synonyms: ['imie'], required: false, template: null },
    { name: 'last_name', label: 'Nazwisko', synonyms: ['nazwisko'], required: false, template: null },
    { name: 'date', label: 'Data', synonyms: ['data'], required: false, template: commonTemplates.date },
  ],
  requiredAlternatives: {
    groups: [['participant_code'], ['first_name', 'last_name']],
    column: 'participant_code',
    message: 'missing_participant_columns',
    describe: 'Kod uczestnika / Imię + Nazwisko',
  },
  record: attendanceRecord,

  rowValidator(checker, header, ctx) {
    const { activities, participants, participantCodesByNameKey, participantNames, uploaderCommunities } = ctx.lookups;
    const register = uploaderRegister(ctx.lookups);
    // "Did you mean" only among what the uploader may see: their communities' activities, and the
    // names of their register (`lookupsForCommunities` left no other in participantCodesByNameKey).
    const suggestActivity = codeSuggester(function* () {
      for (const [id, activity] of activities) if (!uploaderCommunities || uploaderCommunities.includes(activity.communityCode)) yield id;
    });
    const suggestPerson = suggester(
      function* () {
        for (const [nameKey, codes] of participantCodesByNameKey) for (const code of codes) yield [nameKey, code] as const;
      },
      (nameKey) => nameKey,
    );
    // Names are shown to an organizer, who may see their communities' names; an administrator gets the code.
    const nameShown = (code: string) => (uploaderCommunities ? (participantNames?.get(code) ?? null) : null);
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
        const cells = row.cells;
        const activityId = checker.text(cells, col.activity, 'activity_id', true);
        const activityIndex = activityId === null ? -1 : activityIds.get(activityId);
        if (activityId !== null && activityIndex < 0) {
          // One error per missing id, naming its rows: a list of a missing activity repeats it on every row.
          const near = suggestActivity(activityId);
          if (near === null) checker.errorOncePerValue('activity_id', activityId, 'activity_not_found', 'activity_not_found_rows', { value: activityId });
          else
            checker.errorOncePerValue('activity_id', activityId, 'activity_not_found_suggestion', 'activity_not_found_rows_suggestion', {
              value: activityId,
              code: near,
            });
        }

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
          const nameKey = foldName(first, last);
          const codes = participantCodesByNameKey.get(nameKey);
          if (!codes || codes.length === 0) {
            const near = suggestPerson(nameKey);
            const shown = near === null ? null : nameShown(near);
            if (near === null) checker.error('last_name', name, 'name_not_found', { value: name });
            else if (shown) checker.error('last_name', name, 'name_not_found_suggestion', { value: name, name: shown, code: near });
            else checker.error('last_name', name, 'name_not_found_code_suggestion', { value: name, code: near });
          } else if (codes.length > 1) checker.error('last_name', name, 'name_ambiguous', { value: name, codes: codes.join(', ') });
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
            checker.error('date', cellText(cell), 'attendance_date_mismatch', {
              value: date,
              activityId: activityId!,
              activityDate: activityDates[activityIndex],
            });
          }
        }

        if (!checker.ok || activityId === null || participantCode === null) return undefined;
        const firstRow = firstRowByPair.firstRowOrAdd(activityIndex, participantIndex, row.rowNumber);
        if (firstRow >= 0) {
          checker.warning(row.rowNumber, 'participant_code', participantCode, 'duplicate_attendance', { participant: participantCode, activityId, firstRow });
          return undefined;
        }
        return { row: row.rowNumber, activityExternalId: activityId, participantCode };
      },
    };
  },

  // The row's activity decides its community.
  scope: (r, lookups) => ({
    communities: [lookups.activities.get(r.activityExternalId)?.communityCode],
    column: 'activity_id',
    value: r.activityExternalId,
    participantCode: r.participantCode,
  }),

  writer: {
    // Lists only add rows: the same list again is known by its content hash.
    correctsById: false,
    readStored: async () => undefined,
    // A million rows per file: the database boundary stages them and moves them in one short transaction.
    async bulkWrite({ database, batch, records, auditEvent, onRows }) {
      const { warnings, ...meta } = batch;
      const written = await database.writeAttendanceBatch(
        { ...meta, warningCount: warnings.length, report: { errors: [], warnings } },
        records,
        (batchId, counts) => auditEvent(batchId, { ...counts, updated: 0 }),
        onRows,
      );
      return { ...written, updated: 0 };
    },
  },
};
