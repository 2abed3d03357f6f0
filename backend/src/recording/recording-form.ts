// One activity and its attendance list entered through the form, as the importer reads files: the
// form becomes an activity log of one row and an attendance list of one row per person, checked by
// the kinds' own validators (import/kinds/activities.ts, attendance.ts), so that a form accepts
// exactly what a file would. These functions are pure; the service reads and writes.
import type { CellValue, ImportIssue, Lang, RawTable } from '../import/import.types.ts';
import { importKindDefinitions } from '../import/kinds/index.ts';

/** What the form sends. */
export interface RecordingInput {
  /** The activity corrected; absent for a new one. */
  externalId?: string | undefined;
  date: string;
  /** An activity type's code (or name, as a file may give it). */
  type: string;
  title: string;
  headcountAnonymous: number | null;
  residentInitiative: boolean;
  /** Codes of the persons who came, from the community's register. */
  participants: readonly string[];
}

/** The fields of a stored activity the form does not show: kept as they are on a correction. */
export interface KeptFields {
  durationHours: number | null;
  ledBy: string | null;
  location: string | null;
}

/** The form's fields, as its field-level errors name them. */
export type RecordingField = 'externalId' | 'date' | 'type' | 'title' | 'headcountAnonymous' | 'residentInitiative' | 'participants' | 'community';

export interface FieldError {
  field: RecordingField;
  /** The value refused (a participant code for `participants`). */
  value: string | null;
  code: string;
  message: string;
}

/** The importer's canonical column → the form's field. */
const fieldOfColumn: Record<string, RecordingField> = {
  activity_id: 'externalId',
  date: 'date',
  community: 'community',
  type: 'type',
  title: 'title',
  headcount_anonymous: 'headcountAnonymous',
  resident_initiative: 'residentInitiative',
  participant_code: 'participants',
  first_name: 'participants',
  last_name: 'participants',
};

/** The row the header takes; the data rows follow it (row numbers as a file would have them). */
const headerRow = 1;

/**
 * A header cell the importer recognises for a canonical column: its Polish label for a Polish
 * reader (messages quote it, "kolumnie „Data”"), its canonical name otherwise.
 */
function headerOf(kind: 'activities' | 'attendance', column: string, lang: Lang): string {
  const spec = importKindDefinitions[kind].columns.find((c) => c.name === column);
  if (!spec) throw new Error(`${kind} has no column ${column}`);
  return lang === 'pl' ? spec.label : spec.name;
}

function table(kind: 'activities' | 'attendance', columns: readonly string[], rows: readonly CellValue[][], lang: Lang): RawTable {
  return {
    fileName: kind,
    format: 'xlsx',
    rows: [
      { rowNumber: headerRow, cells: columns.map((c) => headerOf(kind, c, lang)) },
      ...rows.map((cells, index) => ({ rowNumber: headerRow + 1 + index, cells })),
    ],
  };
}

const activityColumns = [
  'activity_id',
  'date',
  'community',
  'type',
  'title',
  'duration_h',
  'led_by',
  'location',
  'headcount_anonymous',
  'resident_initiative',
] as const;

/** The activity as an activity log of one row (a date as the reader gives an Excel date). */
export function activityTable(input: RecordingInput, externalId: string, community: string, kept: KeptFields, lang: Lang): RawTable {
  const date = input.date.trim();
  const cells: CellValue[] = [
    externalId,
    /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : date,
    community,
    input.type,
    input.title,
    kept.durationHours,
    kept.ledBy,
    kept.location,
    input.headcountAnonymous,
    input.residentInitiative,
  ];
  return table('activities', activityColumns, [cells], lang);
}

/** The attendance list: one row per person, in the order given. */
export function attendanceTable(externalId: string, codes: readonly string[], lang: Lang): RawTable {
  return table(
    'attendance',
    ['activity_id', 'participant_code'],
    codes.map((code) => [externalId, code]),
    lang,
  );
}

/** The row of a code in `attendanceTable` (what its stored row keeps as `sourceRow`). */
export function attendanceRowOf(index: number): number {
  return headerRow + 1 + index;
}

/** Codes as given, trimmed, each once, in their first order. */
export function distinctCodes(codes: readonly string[]): string[] {
  return [...new Set(codes.map((code) => code.trim()).filter((code) => code.length > 0))];
}

/** The importer's issues as the form's field errors (an issue of no known column is the form's as a whole: `community`). */
export function fieldErrors(issues: readonly ImportIssue[]): FieldError[] {
  return issues.map((issue) => ({
    field: fieldOfColumn[issue.field ?? ''] ?? 'community',
    value: issue.value,
    code: issue.code,
    message: issue.message,
  }));
}

/** How a correction changes an activity's list: who is added, who is taken off (each sorted). */
export function attendanceChange(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const was = new Set(before);
  const is = new Set(after);
  return {
    added: [...is].filter((code) => !was.has(code)).sort(),
    removed: [...was].filter((code) => !is.has(code)).sort(),
  };
}

/**
 * The number a new activity gets: `<community>/<year>/F<n>` (F: entered by form), n one more
 * than the highest such number of that community and year, three digits at least.
 */
export function newActivityId(community: string, date: string, existing: Iterable<string>): string {
  const year = /^\d{4}/.exec(date)?.[0] ?? 'X';
  const prefix = `${community}/${year}/F`;
  let highest = 0;
  for (const id of existing) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n) && n > highest) highest = n;
  }
  return `${prefix}${String(highest + 1).padStart(3, '0')}`;
}
