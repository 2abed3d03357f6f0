/**
 * Which file holds what, and how each organizer keeps it: header spellings, formats, values.
 * Every header is a Polish synonym from docs/spec/input-formats.md; the mix of formats is deliberate.
 */
import type { OslConfig } from '../config/config.schema.ts';
import { yearOf, type Day } from './calendar.ts';
import type { Activity, Attendance, DemoDataset, Participant, SurveyResponse } from './model.ts';
import { createRng, type Rng } from './random.ts';
import type { Cell, CsvFormat, FileFormat, Table } from './writers.ts';

export type DemoFileKind = 'participants' | 'activities' | 'attendance' | 'survey';

export interface DemoFileSpec {
  name: string;
  kind: DemoFileKind;
  format: FileFormat;
  table: Table;
  /** Written into workbook properties and zip entries, so output never depends on the clock. */
  savedAt: Date;
}

type Column<T> = readonly [header: string, value: (row: T) => Cell];

function tableOf<T>(columns: readonly Column<T>[], rows: readonly T[]): Table {
  return { headers: columns.map(([header]) => header), rows: rows.map((row) => columns.map(([, value]) => value(row))) };
}

const date = (day: Day | undefined): Cell => (day === undefined ? undefined : { day });
const takNie = (value: boolean | undefined): Cell => (value === undefined ? undefined : value ? 'tak' : 'nie');
const cross = (value: boolean): Cell => (value ? 'x' : undefined);
const savedOn = (iso: string) => new Date(`${iso}T14:30:00Z`);

/** Polish Excel's own CSV: Windows-1250, semicolons, DD.MM.YYYY, decimal commas. */
const EXCEL_CSV: CsvFormat = { type: 'csv', encoding: 'windows-1250', delimiter: ';', dates: 'polish' };
/** A web form tool's export: UTF-8 with BOM, commas, ISO dates. */
const FORM_EXPORT_CSV: CsvFormat = { type: 'csv', encoding: 'utf-8-bom', delimiter: ',', dates: 'iso' };

const COMMUNITY_ORDER = ['WZG', 'OST', 'LAZ'];

interface Names {
  community: (code: string) => string;
  type: (code: string) => string;
}

function namesFrom(config: OslConfig): Names {
  const communities = new Map(config.communities.map((c) => [c.code, c.name]));
  const types = new Map(config.activityTypes.map((t) => [t.code, t.namePl]));
  return { community: (code) => communities.get(code) ?? code, type: (code) => types.get(code) ?? code };
}

// ---- participant registers -------------------------------------------------------------------

function registerFiles(people: readonly Participant[], names: Names): DemoFileSpec[] {
  const of = (code: string) => people.filter((p) => p.community === code);
  const savedAt = savedOn('2024-01-12');
  return [
    {
      name: 'rejestr-uczestnikow-WZG.xlsx',
      kind: 'participants',
      format: { type: 'xlsx', sheetName: 'Rejestr uczestników' },
      savedAt,
      table: tableOf<Participant>(
        [
          ['Kod uczestnika', (p) => p.code],
          ['Imię', (p) => p.firstName],
          ['Nazwisko', (p) => p.lastName],
          ['Płeć', (p) => p.gender],
          ['Rok urodzenia', (p) => p.birthYear],
          ['Społeczność', (p) => p.community],
          ['Data przystąpienia', (p) => date(p.joinedOn)],
          ['Lider', (p) => takNie(p.leaderSince !== undefined)],
          ['Lider od', (p) => date(p.leaderSince)],
        ],
        of('WZG'),
      ),
    },
    {
      name: 'rejestr-uczestnikow-OST.csv',
      kind: 'participants',
      format: EXCEL_CSV,
      savedAt,
      table: tableOf<Participant>(
        [
          ['Kod uczestnika', (p) => p.code],
          ['Nazwisko', (p) => p.lastName],
          ['Imię', (p) => p.firstName],
          ['Płeć', (p) => p.gender],
          ['Rok urodzenia', (p) => p.birthYear],
          ['Społeczność', (p) => names.community(p.community)],
          ['Data rejestracji', (p) => date(p.joinedOn)],
          ['Lider', (p) => takNie(p.leaderSince !== undefined)],
          ['Data identyfikacji lidera', (p) => date(p.leaderSince)],
        ],
        of('OST'),
      ),
    },
    {
      name: 'rejestr-uczestnikow-LAZ.xlsx',
      kind: 'participants',
      format: { type: 'xlsx', sheetName: 'Rejestr' },
      savedAt,
      table: tableOf<Participant>(
        [
          ['Kod uczestnika', (p) => p.code],
          ['Nazwisko', (p) => p.lastName],
          ['Imię', (p) => p.firstName],
          ['Płeć', (p) => (p.gender === 'K' ? 'kobieta' : 'mężczyzna')],
          ['Rok urodzenia', (p) => p.birthYear],
          ['Społeczność', (p) => names.community(p.community)],
          ['Data przystąpienia', (p) => date(p.joinedOn)],
          ['Lider', (p) => cross(p.leaderSince !== undefined)],
          ['Lider od', (p) => date(p.leaderSince)],
        ],
        of('LAZ'),
      ),
    },
  ];
}

// ---- activity logs ---------------------------------------------------------------------------

function activityFile(community: string, year: number, rows: readonly Activity[], names: Names): DemoFileSpec {
  const savedAt = savedOn(`${year + 1}-01-10`);
  const anonymous = (a: Activity): Cell => (a.anonymous > 0 ? a.anonymous : undefined);
  if (community === 'WZG') {
    return {
      name: `dziennik-dzialan-WZG-${year}.xlsx`,
      kind: 'activities',
      format: { type: 'xlsx', sheetName: 'Dziennik działań' },
      savedAt,
      table: tableOf<Activity>(
        [
          ['Nr działania', (a) => a.id],
          ['Data działania', (a) => date(a.date)],
          ['Społeczność', (a) => a.community],
          ['Typ działania', (a) => a.type],
          ['Tytuł', (a) => a.title],
          ['Godziny', (a) => a.durationH],
          ['Prowadzący', (a) => a.ledBy],
          ['Miejsce', (a) => a.location],
          ['Liczba osób bez listy', anonymous],
          ['Inicjatywa mieszkańców', (a) => cross(a.residentInitiative)],
        ],
        rows,
      ),
    };
  }
  if (community === 'OST') {
    return {
      name: `dziennik-dzialan-OST-${year}.csv`,
      kind: 'activities',
      format: EXCEL_CSV,
      savedAt,
      table: tableOf<Activity>(
        [
          ['ID działania', (a) => a.id],
          ['Data', (a) => date(a.date)],
          ['Społeczność', (a) => names.community(a.community)],
          ['Rodzaj', (a) => names.type(a.type)],
          ['Temat', (a) => a.title],
          ['Czas trwania h', (a) => a.durationH],
          ['Prowadzący', (a) => a.ledBy],
          ['Miejsce', (a) => a.location],
          ['Liczba osób bez listy', (a) => a.anonymous],
          ['Inicjatywa mieszkańców', (a) => takNie(a.residentInitiative)],
        ],
        rows,
      ),
    };
  }
  return {
    name: `dziennik-dzialan-${community}-${year}.xlsx`,
    kind: 'activities',
    format: { type: 'xlsx', sheetName: 'Działania' },
    savedAt,
    table: tableOf<Activity>(
      [
        ['Id działania', (a) => a.id],
        ['Data', (a) => date(a.date)],
        ['Społeczność', (a) => a.community],
        ['Typ', (a) => a.type],
        ['Nazwa', (a) => a.title],
        ['Czas h', (a) => a.durationH],
        ['Animator', (a) => a.ledBy],
        ['Miejsce', (a) => a.location],
        ['Uczestnicy anonimowi', anonymous],
        ['Współorganizowane przez mieszkańców', (a) => takNie(a.residentInitiative)],
      ],
      rows,
    ),
  };
}

// ---- attendance lists ------------------------------------------------------------------------

function withoutDiacritics(text: string): string {
  return text
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Names typed from signed paper lists: now and then in capitals or without Polish letters. */
function typedName(rng: Rng, name: string): string {
  const r = rng.next();
  return r < 0.08 ? name.toUpperCase() : r < 0.13 ? withoutDiacritics(name) : name;
}

/** Senior club lists of 2021–2022 were kept by name; from 2023 the club used codes. */
const LISTS_BY_NAME: ReadonlySet<string> = new Set(['LAZ:2021', 'LAZ:2022']);

function attendanceFile(
  community: string,
  year: number,
  rows: readonly Attendance[],
  people: ReadonlyMap<string, Participant>,
  names: Names,
  rng: Rng,
): DemoFileSpec {
  const savedAt = savedOn(`${year + 1}-01-11`);
  if (LISTS_BY_NAME.has(`${community}:${year}`)) {
    const person = (a: Attendance) => people.get(a.participantCode)!;
    return {
      name: `lista-obecnosci-${community}-${year}.xlsx`,
      kind: 'attendance',
      format: { type: 'xlsx', sheetName: 'Lista obecności', titleLines: ['LISTA OBECNOŚCI', `${names.community(community)} – rok ${year}`] },
      savedAt,
      table: tableOf<Attendance>(
        [
          ['Nr działania', (a) => a.activityId],
          ['Data', (a) => date(a.date)],
          ['Nazwisko', (a) => typedName(rng, person(a).lastName)],
          ['Imię', (a) => typedName(rng, person(a).firstName)],
        ],
        rows,
      ),
    };
  }
  if (community === 'WZG') {
    return {
      name: `lista-obecnosci-WZG-${year}.xlsx`,
      kind: 'attendance',
      format: {
        type: 'xlsx',
        sheetName: 'Obecności',
        titleLines: [`LISTA OBECNOŚCI – ${names.community(community)}, ${year}`],
        mergeTitle: true,
      },
      savedAt,
      table: tableOf<Attendance>(
        [
          ['Nr działania', (a) => a.activityId],
          ['Data', (a) => date(a.date)],
          ['Kod uczestnika', (a) => a.participantCode],
        ],
        rows,
      ),
    };
  }
  if (community === 'OST') {
    return {
      name: `lista-obecnosci-OST-${year}.csv`,
      kind: 'attendance',
      format: EXCEL_CSV,
      savedAt,
      table: tableOf<Attendance>(
        [
          ['ID działania', (a) => a.activityId],
          ['Kod uczestnika', (a) => a.participantCode],
        ],
        rows,
      ),
    };
  }
  return {
    name: `lista-obecnosci-${community}-${year}.csv`,
    kind: 'attendance',
    format: EXCEL_CSV,
    savedAt,
    table: tableOf<Attendance>(
      [
        ['Id działania', (a) => a.activityId],
        ['Data', (a) => date(a.date)],
        ['Kod uczestnika', (a) => a.participantCode],
      ],
      rows,
    ),
  };
}

// ---- surveys ---------------------------------------------------------------------------------

const answer = (r: SurveyResponse, question: string): Cell => {
  const value = r.answers[question];
  return typeof value === 'boolean' ? takNie(value) : value;
};

function yearlySurveyFile(year: number, rows: readonly SurveyResponse[]): DemoFileSpec {
  return {
    name: `ankieta-roczna-${year}.xlsx`,
    kind: 'survey',
    format: { type: 'xlsx', sheetName: 'Ankieta roczna' },
    savedAt: savedOn(`${year}-12-05`),
    table: tableOf<SurveyResponse>(
      [
        ['Ankieta', (r) => r.survey],
        ['Data wypełnienia', (r) => date(r.date)],
        ['Społeczność', (r) => r.community],
        ['Kod uczestnika', (r) => r.participantCode],
        ...['JAKOSC_ZYCIA', 'ZAUFANIE', 'WIEDZA', 'POLECAM', 'UWAGI'].map((q): Column<SurveyResponse> => [q, (r) => answer(r, q)]),
      ],
      rows,
    ),
  };
}

function afterActivitySurveyFile(rows: readonly SurveyResponse[], names: Names): DemoFileSpec {
  return {
    name: 'ankiety-po-dzialaniach.csv',
    kind: 'survey',
    format: FORM_EXPORT_CSV,
    savedAt: savedOn('2024-01-15'),
    table: tableOf<SurveyResponse>(
      [
        ['Kod ankiety', (r) => r.survey],
        ['Data', (r) => date(r.date)],
        ['Społeczność', (r) => names.community(r.community)],
        ['Kod uczestnika', (r) => r.participantCode],
        ...['OCENA', 'PONOWNIE', 'UWAGI'].map((q): Column<SurveyResponse> => [q, (r) => answer(r, q)]),
      ],
      rows,
    ),
  };
}

// ---- the whole set, in import order ----------------------------------------------------------

function yearsOf<T extends { date: Day }>(rows: readonly T[]): number[] {
  return [...new Set(rows.map((r) => yearOf(r.date)))].sort((a, b) => a - b);
}

/**
 * All files in the order they must be imported: registers before anything that names a person,
 * activity logs before the lists that refer to them, surveys last.
 */
export function planDemoFiles(dataset: DemoDataset, config: OslConfig, seed: number): DemoFileSpec[] {
  const names = namesFrom(config);
  const people = new Map(dataset.participants.map((p) => [p.code, p]));
  const communityOf = new Map(dataset.activities.map((a) => [a.id, a.community]));
  const typing = createRng(seed, 'typing');
  const files: DemoFileSpec[] = [...registerFiles(dataset.participants, names)];
  const years = yearsOf(dataset.activities);
  for (const year of years) {
    for (const community of COMMUNITY_ORDER) {
      const rows = dataset.activities.filter((a) => a.community === community && yearOf(a.date) === year);
      if (rows.length > 0) files.push(activityFile(community, year, rows, names));
    }
  }
  for (const year of years) {
    for (const community of COMMUNITY_ORDER) {
      const rows = dataset.attendances.filter((a) => communityOf.get(a.activityId) === community && yearOf(a.date) === year);
      if (rows.length > 0) files.push(attendanceFile(community, year, rows, people, names, typing));
    }
  }
  for (const year of yearsOf(dataset.surveys)) {
    const rows = dataset.surveys.filter((r) => r.survey === 'ANK-ROCZNA' && yearOf(r.date) === year);
    if (rows.length > 0) files.push(yearlySurveyFile(year, rows));
  }
  const after = dataset.surveys.filter((r) => r.survey === 'ANK-PO');
  if (after.length > 0) files.push(afterActivitySurveyFile(after, names));
  return files;
}
