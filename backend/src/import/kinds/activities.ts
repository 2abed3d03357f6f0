import { z } from 'zod';
import { auditedUpsert } from '../../repositories/audited-upsert.ts';
import { activityTypeLookup, communityLookup } from '../validation/config-lookup.ts';
import { activityTypeCodes, columnIndex, communityCodes } from '../validation/row-checker.ts';
import { commonTemplates, recordFields } from './common-columns.ts';
import type { ImportKindDefinition } from './import-kind.ts';

/** An activity log (dziennik działań), one row per activity: docs/spec/input-formats.md, kind 1. */
export const activityRecord = z.object({
  row: recordFields.row,
  /** The organizer's own id of the activity. */
  externalId: recordFields.code,
  date: recordFields.date,
  communityCode: recordFields.code,
  typeCode: recordFields.code,
  title: z.string().min(1),
  durationHours: z.number().nonnegative().nullable(),
  ledBy: z.string().nullable(),
  location: z.string().nullable(),
  headcountAnonymous: z.number().int().nonnegative(),
  residentInitiative: z.boolean(),
});
export type ActivityRecord = z.infer<typeof activityRecord>;

export const activities: ImportKindDefinition<ActivityRecord> = {
  kind: 'activities',
  importOrder: 1,
  templateSheetName: 'dzialania',
  columns: [
    { name: 'activity_id', label: 'Nr działania', synonyms: ['id_dzialania', 'nr_dzialania', 'id'], required: true, template: commonTemplates.activityId },
    { name: 'date', label: 'Data', synonyms: ['data', 'data_dzialania'], required: true, template: commonTemplates.date },
    { name: 'community', label: 'Społeczność', synonyms: ['spolecznosc', 'spolecznosc_kod'], required: true, template: commonTemplates.community },
    {
      name: 'type',
      label: 'Typ działania',
      synonyms: ['typ', 'rodzaj', 'typ_dzialania'],
      required: true,
      template: { note: 'Rodzaj działania z listy (nazwa albo kod)', example: (sample) => sample.activityType.name, rule: 'type' },
    },
    {
      name: 'title',
      label: 'Tytuł',
      synonyms: ['tytul', 'nazwa', 'temat'],
      required: true,
      template: { note: 'Tytuł lub temat działania', example: 'Warsztaty kulinarne' },
    },
    {
      name: 'duration_h',
      label: 'Czas trwania (h)',
      synonyms: ['czas_h', 'czas_trwania_h', 'godziny'],
      required: false,
      template: { note: 'Czas trwania w godzinach, np. 1,5', example: 1.5 },
    },
    {
      name: 'led_by',
      label: 'Prowadzący',
      synonyms: ['prowadzacy', 'animator'],
      required: false,
      template: { note: 'Kto prowadził (rola lub osoba z zespołu)', example: 'animator' },
    },
    { name: 'location', label: 'Miejsce', synonyms: ['miejsce'], required: false, template: { note: 'Miejsce', example: 'świetlica' } },
    {
      name: 'headcount_anonymous',
      label: 'Liczba osób bez listy',
      synonyms: ['liczba_osob_bez_listy', 'uczestnicy_anonimowi', 'liczba_anonimowych'],
      required: false,
      template: { note: 'Liczba osób obecnych, ale nie wpisanych na listę (liczba całkowita ≥ 0)', example: 0, rule: 'wholeNonNegative' },
    },
    {
      name: 'resident_initiative',
      label: 'Inicjatywa mieszkańców',
      synonyms: ['inicjatywa_mieszkancow', 'wspolorganizowane_przez_mieszkancow'],
      required: false,
      template: { note: 'Czy współorganizowane przez mieszkańców: tak / nie', example: 'nie', rule: 'yesNo' },
    },
  ],
  record: activityRecord,

  rowValidator(checker, header, ctx) {
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
        if (!checker.ok || externalId === null || date === null || communityCode === null || typeCode === null || title === null) return undefined;
        return {
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
        };
      },
    };
  },

  // The community written, and for a stored activity also the stored one: a row must not move
  // another community's activity into one's own.
  scope: (r, lookups) => ({ communities: [r.communityCode, lookups.activities.get(r.externalId)?.communityCode], column: 'community', value: r.communityCode }),

  writer: auditedUpsert<ActivityRecord>({
    model: 'activity',
    entity: 'activity',
    key: { column: 'externalId', of: (r) => r.externalId },
    references: [
      { column: 'communityId', relation: 'community', model: 'community', code: (r) => r.communityCode, audit: 'communityCode' },
      { column: 'typeId', relation: 'type', model: 'activityType', code: (r) => r.typeCode, audit: 'typeCode' },
    ],
    fields: (r) => ({
      date: r.date,
      title: r.title,
      durationHours: r.durationHours,
      ledBy: r.ledBy,
      location: r.location,
      headcountAnonymous: r.headcountAnonymous,
      residentInitiative: r.residentInitiative,
    }),
    redacted: new Set(),
  }),
};
