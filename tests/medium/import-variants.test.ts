// Issue 3: real-looking files of every variant in docs/spec/input-formats.md import to the right rows, with
// the right values stored (dates as YYYY-MM-DD, numbers, yes/no, genders, names only in the
// register, provenance rows as Excel shows them); the same file twice changes nothing; corrected
// files update the same rows and leave an audit trail of old → new values without names.
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseRepository, ImportService, type FileImportReport } from '@osl/backend';
import { brief, csv, excelDate, importOne, snapshotData, xlsx } from '../support/import-fixtures.ts';
import { openInstallation, temporaryEnvironment, writeCsv } from '../support/installation.ts';

const environment = temporaryEnvironment('2024-03-01T12:00:00Z');
let context: INestApplicationContext;
const db = () => context.get(DatabaseRepository).client;

beforeAll(async () => {
  context = await openInstallation(environment);
});

afterAll(async () => {
  await context?.close();
});

function expectImported(report: FileImportReport, kind: string, created: number): void {
  expect(report.errors, JSON.stringify(report.errors, null, 1)).toEqual([]);
  expect([report.status, report.kind, report.created, report.updated]).toEqual(['imported', kind, created, 0]);
}

async function participantsByCode(codes: string[]) {
  const rows = await db().participant.findMany({ where: { code: { in: codes } }, include: { homeCommunity: true }, orderBy: { code: 'asc' } });
  return Object.fromEntries(
    rows.map((p) => [
      p.code,
      {
        community: p.homeCommunity.code,
        gender: p.gender,
        birthYear: p.birthYear,
        joinedOn: p.joinedOn,
        leader: p.leader,
        leaderSince: p.leaderSince,
        firstName: p.firstName,
        lastName: p.lastName,
        sourceRow: p.sourceRow,
      },
    ]),
  );
}

async function activitiesById(ids: string[]) {
  const rows = await db().activity.findMany({ where: { externalId: { in: ids } }, include: { community: true, type: true }, orderBy: { externalId: 'asc' } });
  return Object.fromEntries(
    rows.map((a) => [
      a.externalId,
      {
        date: a.date,
        community: a.community.code,
        type: a.type.code,
        title: a.title,
        durationHours: a.durationHours,
        ledBy: a.ledBy,
        location: a.location,
        headcountAnonymous: a.headcountAnonymous,
        residentInitiative: a.residentInitiative,
        sourceRow: a.sourceRow,
      },
    ]),
  );
}

async function attendanceOf(activityIds: string[]): Promise<string[]> {
  const rows = await db().attendance.findMany({
    where: { activity: { externalId: { in: activityIds } } },
    include: { activity: true, participant: true },
  });
  return rows.map((a) => `${a.activity.externalId} ${a.participant.code} @${a.sourceRow}`).sort();
}

// ------------------------------------------------------------------------------------------ files

/** Excel "CSV UTF-8": BOM, `;`, header spellings with any case, diacritics and separators. */
const registerUtf8Bom = csv(
  [
    ['KOD_UCZESTNIKA', 'społeczność', 'PŁEĆ', 'rok-urodzenia', 'Data przystąpienia', 'lider', 'Lider od', 'Imię', 'NAZWISKO'],
    ['WZG-0001', 'WZG', 'K', 1956, '2021-03-05', 'tak', '15.03.2021', 'Anna', 'Kowalska'],
    ['WZG-0002', 'Mieszkańcy Os. Wzgórze', 'M', 1975, '5.3.2021', 'nie', '', 'Jan', 'Nowak'],
    ['WZG-0003', 'wzg', 'kobieta', '', '05/03/2021', 't', '2021-04-01', 'Łucja', 'Żółkiewska'],
    ['WZG-0004', 'WZG', 'Mężczyzna', 1990, '05.03.2021 r.', 'n', '', 'Grzegorz', 'Brzęczyszczykiewicz'],
    ['OST-0001', 'OST', 'F', 2001, '05-03-2021', 'yes', '01.06.2021', 'Maria', 'Ślęzak'],
    ['OST-0002', 'ost', 'male', 1948, '', 'no', '', 'Piotr', 'Zieliński'],
    ['OST-0003', 'OST', 'female', '', '', 'y', '1.6.2021', 'Ewa', 'Dąbrowska'],
    ['OST-0004', 'Mieszkańcy bloków przy ul. Ostrowieckiej', 'MĘŻCZYZNA', '', '', 'N', '', 'Jerzy', 'Wiśniewski'],
    ['LAZ-0001', 'Seniorzy na Os. Łazy', 'inna', 1940, '', '1', '10/06/2021', 'Zofia', 'Wójcik'],
    ['LAZ-0002', 'LAZ', '', 1942, '', '0', '', 'Stanisław', 'Kamiński'],
    ['LAZ-0003', 'laz', 'k.', 1945, '', 'x', '2022-01-10', 'Halina', 'Lewandowska'],
    ['LAZ-0004', 'LAZ', 'M', 1938, '', '', '', '', ''],
    ['LAZ-0005', 'LAZ', 'F', 1950, '', 'TAK', '2022-02-01', 'Irena', 'Kaczmarek'],
    ['LAZ-0006', 'LAZ', 'K', 1951, '', 'Nie', '', 'Krystyna', 'Nowicka'],
  ],
  { encoding: 'utf-8-bom' },
);

/** Excel "Text (Tab delimited)" on Polish Windows: Windows-1250, tabs, a title row, headers without diacritics. */
const registerTab1250 = csv(
  [
    ['REJESTR UCZESTNIKÓW — uzupełnienie', '', '', '', ''],
    ['Kod', 'Spolecznosc', 'Plec', 'Imie', 'Nazwisko'],
    ['WZG-0005', 'WZG', 'K', 'Bożena', 'Żak'],
    ['WZG-0006', 'WZG', 'M', 'Łukasz', 'Źrebięcki'],
  ],
  { encoding: 'windows-1250', delimiter: '\t' },
);

/**
 * Excel "CSV (comma delimited)" with Windows-1250: a title row and an empty row above the header,
 * quoted fields holding commas, quotes and a line break, decimal commas, thousands separators
 * (space and the non-breaking space Polish Excel writes), dates in every accepted form, an empty
 * row and a totals row.
 */
const activities1250Comma = iconv.encode(
  [
    'DZIENNIK DZIAŁAŃ 2022,,,,,,,,,',
    ',,,,,,,,,',
    'Nr działania,Data działania,Społeczność,Rodzaj,Temat,Czas trwania (h),Prowadzący,Miejsce,Liczba osób bez listy,Inicjatywa mieszkańców',
    'K-01,2022-03-05,WZG,WARSZTAT,"Warsztaty: gotowanie, pieczenie","1,5",animator kulturalny,"ul. Długa 5',
    'Świetlica",0,nie',
    'K-02,05.03.2022,OST,warsztaty,Zajęcia plastyczne,2,,Świetlica,"1 200",tak',
    'K-03,5.3.2022,LAZ,animacja kulturalna,"Wieczór ""poezji""","0,75",,,3,t',
    ',,,,,,,,,',
    'K-04,07/03/2022,Seniorzy na Os. Łazy,IMPREZA,Piknik,3,,,"1\u00a0250",x',
    'K-05,2022-03-08 00:00:00,ost,AKCJA,Sprzątanie,,,,,N',
    'Razem,,,,,,,,"2\u00a0453",',
    '',
  ].join('\r\n'),
  'windows-1250',
);

/** A workbook with an instructions sheet first: the sheet named after the kind is read. */
async function activitiesWorkbook(): Promise<Buffer> {
  return xlsx([
    { name: 'Instrukcja', rows: [['Jak wypełniać dziennik'], ['Jeden wiersz to jedno działanie.'], ['Data', 'w formacie daty Excela']] },
    {
      name: 'Działania',
      rows: [
        ['DZIENNIK DZIAŁAŃ — II KWARTAŁ 2022'],
        [
          'id',
          'data',
          'spolecznosc_kod',
          'typ_dzialania',
          'tytul',
          'godziny',
          'animator',
          'miejsce',
          'uczestnicy_anonimowi',
          'wspolorganizowane_przez_mieszkancow',
        ],
        ['X-01', excelDate('2022-04-02'), 'WZG', 'ANIM_SPORT', 'Turniej piłki', 2.5, 'animator sportowy', 'Boisko', 12, true],
        [
          'X-02',
          { formula: 'B3+7', result: excelDate('2022-04-09') },
          'OST',
          'SZKOLENIE',
          'Szkolenie z pierwszej pomocy',
          { formula: '1+0.5', result: 1.5 },
          undefined,
          undefined,
          { formula: 'SUM(2,3)', result: 5 },
          false,
        ],
        [
          'X-03',
          44630,
          'LAZ',
          'ANIM_SPOL',
          { richText: [{ text: 'Spotkanie ' }, { text: 'seniorów', font: { bold: true } }] },
          '2',
          undefined,
          undefined,
          '0',
          'Tak',
        ],
        ['Suma', undefined, undefined, undefined, undefined, { formula: 'SUM(F3:F5)', result: 6 }, undefined, undefined, 17],
      ],
    },
  ]);
}

/** Plain UTF-8 without BOM (LibreOffice, form tools), `;`, a date column in another form than the log's. */
const attendanceByCodeUtf8 = csv([
  ['ID_DZIALANIA', 'kod uczestnika', 'Data'],
  ['K-01', 'WZG-0001', '05.03.2022'],
  ['K-01', 'WZG-0002', '2022-03-05'],
  ['K-02', 'OST-0001', ''],
  ['K-02', 'OST-0002', '5.3.2022'],
  ['K-02', 'OST-0001', ''],
]);

/** Polish Excel's own "CSV": Windows-1250 and `;`; names only, either order, any case, with or without diacritics. */
const attendanceByName1250 = csv(
  [
    ['LISTA OBECNOŚCI — Wieczór poezji', '', ''],
    ['Nr działania', 'Nazwisko', 'Imię'],
    ['K-03', 'Wójcik', 'Zofia'],
    ['K-03', 'KAMIŃSKI', 'stanisław'],
    ['K-03', 'Halina', 'Lewandowska'],
    ['K-03', 'Kaczmarek Irena', ''],
    ['K-01', 'Zolkiewska', 'Lucja'],
    ['K-01', 'brzeczyszczykiewicz', 'GRZEGORZ'],
  ],
  { encoding: 'windows-1250' },
);

async function attendanceWorkbook(): Promise<Buffer> {
  return xlsx([
    {
      name: 'Podsumowanie',
      rows: [
        ['Liczba osób', 3],
        ['Działanie', 'K-04'],
      ],
    },
    {
      name: 'Lista obecności',
      rows: [
        ['LISTA OBECNOŚCI'],
        ['Piknik, 7 marca 2022'],
        ['Lp.', 'Nr działania', 'Kod uczestnika', 'Imię', 'Nazwisko', 'Data', 'Podpis'],
        [1, 'K-04', 'LAZ-0001', 'Zofia', 'Wójcik', excelDate('2022-03-07'), 'podpisano'],
        [2, 'K-04', undefined, 'Krystyna', 'NOWICKA', excelDate('2022-03-07')],
        [3, 'K-04', 'LAZ-0004', undefined, undefined, '07.03.2022'],
      ],
    },
  ]);
}

/** A form tool's export: UTF-8, `,`, question texts as headers, the survey by its name, date-times. */
const surveyFormExport = csv(
  [
    ['Ankieta', 'Data wypełnienia', 'Społeczność', 'Kod uczestnika', 'Jak oceniasz to działanie?', 'Czy przyjdziesz ponownie?', 'Uwagi'],
    ['Ankieta po działaniu', '2022-03-05 18:30:00', 'WZG', 'WZG-0001', 5, 'tak', 'Super, dziękuję!\nWięcej takich zajęć'],
    ['ANK-PO', '05.03.2022', 'WZG', '', 4, 'N', ''],
    ['ank-po', '5.3.2022', 'OST', 'OST-0001', 1, '0', ''],
    ['ANK-PO', '05.03.2022', 'OST', '', 3, 'x', ''],
    ['ANK-PO', '05.03.2022', 'LAZ', '', '2,0', '', 'Za zimno na sali'],
  ],
  { delimiter: ',' },
);

async function surveyWorkbook(): Promise<Buffer> {
  return xlsx([
    {
      name: 'Ankiety',
      rows: [
        ['kod_ankiety', 'data_wypelnienia', 'spolecznosc', 'JAKOSC_ZYCIA', 'Zaufanie', 'wiedza', 'POLECAM', 'UWAGI'],
        ['ANK-ROCZNA', excelDate('2022-11-20'), 'WZG', 5, 4, 3, 'Tak', 'Więcej zajęć dla dzieci'],
        ['ANK-ROCZNA', excelDate('2022-11-21'), 'Seniorzy na Os. Łazy', 1, 2, undefined, 'nie', undefined],
        ['ANK-ROCZNA', excelDate('2022-11-22'), 'OST', { formula: '2+2', result: 4 }, '5', '1', true, undefined],
        ['ANK-ROCZNA', excelDate('2022-11-22'), 'OST', undefined, undefined, undefined, 0, undefined],
      ],
    },
  ]);
}

// ------------------------------------------------------------------------------------------ tests

describe('the participant register', () => {
  it('UTF-8 with BOM, `;`, every gender and yes/no spelling, Polish dates in every form', async () => {
    const report = await importOne(context, 'rejestr.csv', registerUtf8Bom);
    expectImported(report, 'participants', 14);
    expect(report.rows).toBe(14);
    expect(report.warnings).toEqual([]);
    const stored = await participantsByCode([
      'WZG-0001',
      'WZG-0002',
      'WZG-0003',
      'WZG-0004',
      'OST-0001',
      'OST-0002',
      'OST-0003',
      'OST-0004',
      'LAZ-0001',
      'LAZ-0002',
      'LAZ-0003',
      'LAZ-0004',
      'LAZ-0005',
      'LAZ-0006',
    ]);
    const p = (
      community: string,
      gender: string | null,
      birthYear: number | null,
      joinedOn: string | null,
      leader: boolean,
      leaderSince: string | null,
      firstName: string | null,
      lastName: string | null,
      sourceRow: number,
    ) => ({
      community,
      gender,
      birthYear,
      joinedOn,
      leader,
      leaderSince,
      firstName,
      lastName,
      sourceRow,
    });
    expect(stored).toEqual({
      'WZG-0001': p('WZG', 'K', 1956, '2021-03-05', true, '2021-03-15', 'Anna', 'Kowalska', 2),
      'WZG-0002': p('WZG', 'M', 1975, '2021-03-05', false, null, 'Jan', 'Nowak', 3),
      'WZG-0003': p('WZG', 'K', null, '2021-03-05', true, '2021-04-01', 'Łucja', 'Żółkiewska', 4),
      'WZG-0004': p('WZG', 'M', 1990, '2021-03-05', false, null, 'Grzegorz', 'Brzęczyszczykiewicz', 5),
      'OST-0001': p('OST', 'K', 2001, '2021-03-05', true, '2021-06-01', 'Maria', 'Ślęzak', 6),
      'OST-0002': p('OST', 'M', 1948, null, false, null, 'Piotr', 'Zieliński', 7),
      'OST-0003': p('OST', 'K', null, null, true, '2021-06-01', 'Ewa', 'Dąbrowska', 8),
      'OST-0004': p('OST', 'M', null, null, false, null, 'Jerzy', 'Wiśniewski', 9),
      'LAZ-0001': p('LAZ', 'other', 1940, null, true, '2021-06-10', 'Zofia', 'Wójcik', 10),
      'LAZ-0002': p('LAZ', null, 1942, null, false, null, 'Stanisław', 'Kamiński', 11),
      'LAZ-0003': p('LAZ', 'K', 1945, null, true, '2022-01-10', 'Halina', 'Lewandowska', 12),
      'LAZ-0004': p('LAZ', 'M', 1938, null, false, null, null, null, 13),
      'LAZ-0005': p('LAZ', 'K', 1950, null, true, '2022-02-01', 'Irena', 'Kaczmarek', 14),
      'LAZ-0006': p('LAZ', 'K', 1951, null, false, null, 'Krystyna', 'Nowicka', 15),
    });
  });

  it('Windows-1250, tab-separated, a title row above headers written without diacritics', async () => {
    const report = await importOne(context, 'rejestr-uzupelnienie.txt', registerTab1250);
    expectImported(report, 'participants', 2);
    const stored = await participantsByCode(['WZG-0005', 'WZG-0006']);
    expect(stored['WZG-0005']).toMatchObject({ community: 'WZG', gender: 'K', firstName: 'Bożena', lastName: 'Żak', sourceRow: 3 });
    expect(stored['WZG-0006']).toMatchObject({ community: 'WZG', gender: 'M', firstName: 'Łukasz', lastName: 'Źrebięcki', sourceRow: 4 });
  });
});

describe('the activity log', () => {
  it('Windows-1250 with `,`: quoted delimiters, quotes and line breaks, decimal commas, thousands spaces, totals and empty rows', async () => {
    const report = await importOne(context, 'dziennik-2022.csv', activities1250Comma);
    expectImported(report, 'activities', 5);
    expect(report.rows).toBe(6);
    expect(brief(report.warnings)).toEqual([
      // Rows as Excel shows them: the quoted line break above stays inside its row.
      { row: 7, column: null, value: null, code: 'empty_row_skipped' },
      { row: 10, column: null, value: 'Razem', code: 'totals_row_skipped' },
    ]);
    expect(await activitiesById(['K-01', 'K-02', 'K-03', 'K-04', 'K-05'])).toEqual({
      'K-01': {
        date: '2022-03-05',
        community: 'WZG',
        type: 'WARSZTAT',
        title: 'Warsztaty: gotowanie, pieczenie',
        durationHours: 1.5,
        ledBy: 'animator kulturalny',
        location: 'ul. Długa 5\nŚwietlica',
        headcountAnonymous: 0,
        residentInitiative: false,
        sourceRow: 4,
      },
      'K-02': {
        date: '2022-03-05',
        community: 'OST',
        type: 'WARSZTAT',
        title: 'Zajęcia plastyczne',
        durationHours: 2,
        ledBy: null,
        location: 'Świetlica',
        headcountAnonymous: 1200,
        residentInitiative: true,
        sourceRow: 5,
      },
      'K-03': {
        date: '2022-03-05',
        community: 'LAZ',
        type: 'ANIM_KULT',
        title: 'Wieczór "poezji"',
        durationHours: 0.75,
        ledBy: null,
        location: null,
        headcountAnonymous: 3,
        residentInitiative: true,
        sourceRow: 6,
      },
      'K-04': {
        date: '2022-03-07',
        community: 'LAZ',
        type: 'IMPREZA',
        title: 'Piknik',
        durationHours: 3,
        ledBy: null,
        location: null,
        headcountAnonymous: 1250,
        residentInitiative: true,
        sourceRow: 8,
      },
      'K-05': {
        date: '2022-03-08',
        community: 'OST',
        type: 'AKCJA',
        title: 'Sprzątanie',
        durationHours: null,
        ledBy: null,
        location: null,
        headcountAnonymous: 0,
        residentInitiative: false,
        sourceRow: 9,
      },
    });
  });

  it('XLSX: the sheet named after the kind, Excel dates and serials, cached formula values, rich text, TRUE/FALSE', async () => {
    const report = await importOne(context, 'dziennik-q2.xlsx', await activitiesWorkbook());
    expectImported(report, 'activities', 3);
    expect(brief(report.warnings)).toEqual([{ row: 6, column: null, value: 'Suma', code: 'totals_row_skipped' }]);
    expect(await activitiesById(['X-01', 'X-02', 'X-03'])).toEqual({
      'X-01': {
        date: '2022-04-02',
        community: 'WZG',
        type: 'ANIM_SPORT',
        title: 'Turniej piłki',
        durationHours: 2.5,
        ledBy: 'animator sportowy',
        location: 'Boisko',
        headcountAnonymous: 12,
        residentInitiative: true,
        sourceRow: 3,
      },
      'X-02': {
        date: '2022-04-09',
        community: 'OST',
        type: 'SZKOLENIE',
        title: 'Szkolenie z pierwszej pomocy',
        durationHours: 1.5,
        ledBy: null,
        location: null,
        headcountAnonymous: 5,
        residentInitiative: false,
        sourceRow: 4,
      },
      'X-03': {
        date: '2022-03-10',
        community: 'LAZ',
        type: 'ANIM_SPOL',
        title: 'Spotkanie seniorów',
        durationHours: 2,
        ledBy: null,
        location: null,
        headcountAnonymous: 0,
        residentInitiative: true,
        sourceRow: 5,
      },
    });
  });
});

describe('attendance lists', () => {
  it('by code (UTF-8 without BOM), with dates in other forms than the log; the same person twice counts once', async () => {
    const report = await importOne(context, 'obecnosci-marzec.csv', attendanceByCodeUtf8);
    expectImported(report, 'attendance', 4);
    expect(brief(report.warnings)).toEqual([{ row: 6, column: 'kod uczestnika', value: 'OST-0001', code: 'duplicate_attendance' }]);
    expect(await attendanceOf(['K-01', 'K-02'])).toEqual(['K-01 WZG-0001 @2', 'K-01 WZG-0002 @3', 'K-02 OST-0001 @4', 'K-02 OST-0002 @5']);
  });

  it('by name (Windows-1250 `;`), in either order, any case, with or without diacritics; names are not stored with attendance', async () => {
    const report = await importOne(context, 'lista-obecnosci.csv', attendanceByName1250);
    expectImported(report, 'attendance', 6);
    expect(report.warnings).toEqual([]);
    expect(await attendanceOf(['K-03'])).toEqual(['K-03 LAZ-0001 @3', 'K-03 LAZ-0002 @4', 'K-03 LAZ-0003 @5', 'K-03 LAZ-0005 @6']);
    expect((await attendanceOf(['K-01'])).filter((a) => a.includes('@7') || a.includes('@8'))).toEqual(['K-01 WZG-0003 @7', 'K-01 WZG-0004 @8']);
    const columns = Object.keys((await db().attendance.findFirstOrThrow()) as object);
    expect(columns.some((c) => /name/i.test(c))).toBe(false);
  });

  it('XLSX: the sheet "Lista obecności" of a multi-sheet workbook, codes and names mixed, Excel row numbers', async () => {
    const report = await importOne(context, 'piknik.xlsx', await attendanceWorkbook());
    expectImported(report, 'attendance', 3);
    expect(brief(report.warnings)).toEqual([
      { row: 3, column: 'Lp.', value: 'Lp.', code: 'unknown_column' },
      { row: 3, column: 'Podpis', value: 'Podpis', code: 'unknown_column' },
    ]);
    expect(await attendanceOf(['K-04'])).toEqual(['K-04 LAZ-0001 @4', 'K-04 LAZ-0004 @6', 'K-04 LAZ-0006 @5']);
  });
});

describe('surveys', () => {
  it('a form tool export (UTF-8, `,`): question texts as headers, every yes/no spelling, a comment with a line break', async () => {
    const report = await importOne(context, 'ankieta-po-dzialaniu.csv', surveyFormExport);
    expectImported(report, 'survey', 5);
    const responses = await db().surveyResponse.findMany({
      where: { importBatchId: report.batchId! },
      include: { survey: true, community: true, participant: true, answers: { include: { question: true } } },
      orderBy: { sourceRow: 'asc' },
    });
    expect(
      responses.map((r) => ({
        survey: r.survey.code,
        date: r.date,
        community: r.community.code,
        participant: r.participant?.code ?? null,
        row: r.sourceRow,
        answers: Object.fromEntries(r.answers.map((a) => [a.question.code, a.valueText ?? a.valueNumber])),
      })),
    ).toEqual([
      {
        survey: 'ANK-PO',
        date: '2022-03-05',
        community: 'WZG',
        participant: 'WZG-0001',
        row: 2,
        answers: { OCENA: 5, PONOWNIE: 1, UWAGI: 'Super, dziękuję!\nWięcej takich zajęć' },
      },
      { survey: 'ANK-PO', date: '2022-03-05', community: 'WZG', participant: null, row: 3, answers: { OCENA: 4, PONOWNIE: 0 } },
      { survey: 'ANK-PO', date: '2022-03-05', community: 'OST', participant: 'OST-0001', row: 4, answers: { OCENA: 1, PONOWNIE: 0 } },
      { survey: 'ANK-PO', date: '2022-03-05', community: 'OST', participant: null, row: 5, answers: { OCENA: 3, PONOWNIE: 1 } },
      { survey: 'ANK-PO', date: '2022-03-05', community: 'LAZ', participant: null, row: 6, answers: { OCENA: 2, UWAGI: 'Za zimno na sali' } },
    ]);
  });

  it('XLSX: likert5, yes/no (text, numbers, TRUE) and text answers; empty answers are not stored', async () => {
    const report = await importOne(context, 'ankieta-roczna.xlsx', await surveyWorkbook());
    expectImported(report, 'survey', 4);
    const responses = await db().surveyResponse.findMany({
      where: { importBatchId: report.batchId! },
      include: { community: true, answers: { include: { question: true } } },
      orderBy: { sourceRow: 'asc' },
    });
    expect(
      responses.map((r) => [r.date, r.community.code, r.sourceRow, Object.fromEntries(r.answers.map((a) => [a.question.code, a.valueText ?? a.valueNumber]))]),
    ).toEqual([
      ['2022-11-20', 'WZG', 2, { JAKOSC_ZYCIA: 5, ZAUFANIE: 4, WIEDZA: 3, POLECAM: 1, UWAGI: 'Więcej zajęć dla dzieci' }],
      ['2022-11-21', 'LAZ', 3, { JAKOSC_ZYCIA: 1, ZAUFANIE: 2, POLECAM: 0 }],
      ['2022-11-22', 'OST', 4, { JAKOSC_ZYCIA: 4, ZAUFANIE: 5, WIEDZA: 1, POLECAM: 1 }],
      ['2022-11-22', 'OST', 5, { POLECAM: 0 }],
    ]);
  });
});

describe('provenance, idempotency and corrections', () => {
  it('every stored row knows its import: file name, SHA-256, who and when', async () => {
    const activity = await db().activity.findUniqueOrThrow({ where: { externalId: 'K-01' }, include: { importBatch: true } });
    expect(activity.importBatch).toMatchObject({
      fileName: 'dziennik-2022.csv',
      kind: 'activities',
      status: 'imported',
      source: 'cli',
      importedBy: 'test',
      rowsRead: 6,
      rowsWritten: 5,
    });
    expect(activity.importBatch.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the same file twice is "unchanged" and changes nothing', async () => {
    const before = await snapshotData(context);
    const first = await db().importBatch.findFirstOrThrow({ where: { fileName: 'dziennik-2022.csv', status: 'imported' } });
    for (const [name, content] of [
      ['dziennik-2022-kopia.csv', activities1250Comma],
      ['rejestr.csv', registerUtf8Bom],
      ['lista-obecnosci.csv', attendanceByName1250],
      ['ankieta-po-dzialaniu.csv', surveyFormExport],
    ] as const) {
      const report = await importOne(context, name, content);
      expect([report.file, report.status, report.created, report.updated, report.errors]).toEqual([name, 'unchanged', 0, 0, []]);
    }
    const again = await importOne(context, 'dziennik-2022.csv', activities1250Comma);
    expect(again.batchId).toBe(first.id);
    expect(await snapshotData(context)).toEqual(before);
  });

  it('the same data saved differently (UTF-8 instead of Windows-1250) is unchanged, row by row', async () => {
    const before = await snapshotData(context);
    const resaved = Buffer.from(iconv.decode(activities1250Comma, 'windows-1250'), 'utf8');
    const report = await importOne(context, 'dziennik-2022-utf8.csv', resaved);
    expect([report.status, report.created, report.updated, report.unchanged, report.batchId]).toEqual(['unchanged', 0, 0, 5, null]);
    expect(await snapshotData(context)).toEqual(before);
    expect(await db().auditEvent.count({ where: { action: 'activity.updated' } })).toBe(0);
  });

  it('a corrected activity log updates the same rows and audits old → new values', async () => {
    const idsBefore = await db().activity.findMany({ select: { id: true, externalId: true }, orderBy: { id: 'asc' } });
    const attendanceBefore = await attendanceOf(['K-01', 'K-02', 'K-03', 'K-04', 'K-05']);
    const corrected = iconv.encode(
      iconv
        .decode(activities1250Comma, 'windows-1250')
        .replace('Zajęcia plastyczne', 'Zajęcia plastyczne dla dzieci')
        .replace('K-05,2022-03-08 00:00:00', 'K-05,09.03.2022'),
      'windows-1250',
    );
    const report = await importOne(context, 'dziennik-2022-poprawiony.csv', corrected);
    expect([report.status, report.created, report.updated, report.unchanged, report.errors]).toEqual(['imported', 0, 2, 3, []]);

    expect(await db().activity.findMany({ select: { id: true, externalId: true }, orderBy: { id: 'asc' } })).toEqual(idsBefore);
    const stored = await activitiesById(['K-02', 'K-05']);
    expect(stored['K-02'].title).toBe('Zajęcia plastyczne dla dzieci');
    expect(stored['K-05'].date).toBe('2022-03-09');
    expect(await attendanceOf(['K-01', 'K-02', 'K-03', 'K-04', 'K-05'])).toEqual(attendanceBefore);
    const k02 = await db().activity.findUniqueOrThrow({ where: { externalId: 'K-02' } });
    expect(k02.importBatchId).toBe(report.batchId); // provenance follows the correction

    const events = await db().auditEvent.findMany({ where: { action: 'activity.updated' }, orderBy: { id: 'asc' } });
    expect(events.map((e) => ({ actor: e.actor, entity: e.entity, entityId: e.entityId, before: e.before, after: e.after }))).toEqual([
      { actor: 'test', entity: 'activity', entityId: 'K-02', before: { title: 'Zajęcia plastyczne' }, after: { title: 'Zajęcia plastyczne dla dzieci' } },
      { actor: 'test', entity: 'activity', entityId: 'K-05', before: { date: '2022-03-08' }, after: { date: '2022-03-09' } },
    ]);
  });

  it('a corrected register updates the participant; the audit trail records the change without the names', async () => {
    const idBefore = (await db().participant.findUniqueOrThrow({ where: { code: 'WZG-0002' } })).id;
    const corrected = Buffer.from(
      registerUtf8Bom
        .toString('utf8')
        .replace('WZG-0002;Mieszkańcy Os. Wzgórze;M;1975;5.3.2021;nie;;Jan;Nowak', 'WZG-0002;Mieszkańcy Os. Wzgórze;M;1976;5.3.2021;nie;;Jan;Nowak-Kowalczyk'),
      'utf8',
    );
    expect(corrected.equals(registerUtf8Bom)).toBe(false);
    const report = await importOne(context, 'rejestr-poprawiony.csv', corrected);
    expect([report.status, report.created, report.updated, report.unchanged, report.errors]).toEqual(['imported', 0, 1, 13, []]);

    const stored = await db().participant.findUniqueOrThrow({ where: { code: 'WZG-0002' } });
    expect([stored.id, stored.birthYear, stored.firstName, stored.lastName, stored.nameKey]).toEqual([
      idBefore,
      1976,
      'Jan',
      'Nowak-Kowalczyk',
      'jan kowalczyk nowak',
    ]);

    const events = await db().auditEvent.findMany({ where: { action: 'participant.updated' } });
    expect(events.map((e) => ({ entityId: e.entityId, before: e.before, after: e.after }))).toEqual([
      {
        entityId: 'WZG-0002',
        before: { birthYear: 1975, lastName: '(zmieniono)', nameKey: '(zmieniono)' },
        after: { birthYear: 1976, lastName: '(zmieniono)', nameKey: '(zmieniono)' },
      },
    ]);
    // No name of anyone in the register appears anywhere in the audit trail.
    const audit = JSON.stringify(await db().auditEvent.findMany());
    const names = (await db().participant.findMany({ select: { firstName: true, lastName: true } }))
      .flatMap((p) => [p.firstName, p.lastName])
      .filter(Boolean) as string[];
    for (const name of [...names, 'Nowak']) expect(audit).not.toContain(name);
  });
});

describe('an earlier version of an activity log brought back', () => {
  it('restores the earlier values instead of being ignored as a known file', async () => {
    const environment = temporaryEnvironment('2026-11-27T12:00:00Z');
    const context = await openInstallation(environment);
    try {
      const dir = path.join(environment.dataDir, 'versions');
      const header = ['id', 'data', 'spolecznosc', 'typ', 'tytul'];
      const v1 = writeCsv(dir, 'dziennik-v1.csv', [header, ['V1', '05.05.2022', 'WZG', 'AKCJA', 'Sadzenie drzew']]);
      const v2 = writeCsv(dir, 'dziennik-v2.csv', [header, ['V1', '06.05.2022', 'WZG', 'AKCJA', 'Sadzenie drzew']]);
      const importer = context.get(ImportService);
      const db = context.get(DatabaseRepository).client;
      expect((await importer.importPaths([v1], { source: 'cli', importedBy: 'test' }))[0]).toMatchObject({ status: 'imported', created: 1 });
      expect((await importer.importPaths([v2], { source: 'cli', importedBy: 'test' }))[0]).toMatchObject({ status: 'imported', updated: 1 });
      expect((await importer.importPaths([v1], { source: 'cli', importedBy: 'test' }))[0]).toMatchObject({ status: 'imported', updated: 1 });
      expect((await db.activity.findUniqueOrThrow({ where: { externalId: 'V1' } })).date).toBe('2022-05-05');
      const batches = await db.importBatch.count();
      expect((await importer.importPaths([v1], { source: 'cli', importedBy: 'test' }))[0]).toMatchObject({ status: 'unchanged', unchanged: 1 });
      expect(await db.importBatch.count()).toBe(batches);
    } finally {
      await context.close();
    }
  });
});
