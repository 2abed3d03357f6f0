// The analytics API's metrics query (issue 6): JSON and Arrow, the ETag, errors, and what the
// auditor's scope hides.
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecuredInstallation, type SecuredInstallation } from '../support/secured-installation.ts';

let installation: SecuredInstallation;

beforeAll(async () => {
  installation = await startSecuredInstallation();
}, 120_000);

afterAll(async () => {
  await installation?.close();
});

/** The first sheet of a downloaded XLSX, read by exceljs. */
async function readSheet(response: Response) {
  expect(response.status).toBe(200);
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
  return workbook.worksheets[0]!;
}

type Sheet = Awaited<ReturnType<typeof readSheet>>;

function headerRowOf(sheet: Sheet, first: string): number {
  let found = 0;
  sheet.eachRow((row, number) => {
    if (!found && row.getCell(1).value === first) found = number;
  });
  expect(found, `a header row starting "${first}"`).toBeGreaterThan(0);
  return found;
}

function dataRows(sheet: Sheet, header: number) {
  const rows: { row: ReturnType<Sheet['getRow']>; cells: unknown[] }[] = [];
  sheet.eachRow((row, number) => {
    if (number > header) rows.push({ row, cells: row.values as unknown[] });
  });
  return rows;
}

const monthly = '/api/metrics?measures=activities,attendances,distinctParticipants&grain=month&dimensions=community&from=2022-01-01&to=2022-06-30';

describe('GET /api/metrics', () => {
  it('answers a query per month and community with the figures of the published state', async () => {
    const { status, body } = await installation.sessions.director.get(monthly);
    expect(status).toBe(200);
    expect(body.columns).toEqual(['period', 'periodStart', 'community', 'activities', 'attendances', 'distinctParticipants']);
    expect(body.analyticsVersion).toBeGreaterThan(0);
    const row = (period: string, community: string) =>
      body.rows.find((r: { period: string; community: string }) => r.period === period && r.community === community);
    // K1 on 14 Jan 2022: OST-1..4; L1 on 15 Feb: one person by name; W1 on 16 Feb: three.
    expect(row('2022-01', 'OST')).toMatchObject({ activities: 1, attendances: 4, distinctParticipants: 4 });
    expect(row('2022-02', 'LAZ')).toMatchObject({ activities: 1, attendances: 1, distinctParticipants: 1 });
    expect(row('2022-06', 'OST')).toMatchObject({ activities: 1, attendances: 2, distinctParticipants: 2 });
    expect(body.rows.every((r: { community: string }) => r.community !== 'ALL')).toBe(true);
    const all = await installation.sessions.director.get('/api/metrics?measures=distinctParticipants&grain=year&from=2022-01-01&to=2022-12-31');
    expect(all.body.rows).toEqual([expect.objectContaining({ period: '2022', distinctParticipants: 9 })]);
    const groups = await installation.sessions.director.get(
      '/api/metrics?measures=activities&grain=year&dimensions=group&groups=animation&from=2022-01-01&to=2022-12-31',
    );
    expect(groups.body.rows).toEqual([expect.objectContaining({ group: 'animation', activities: 1 })]);
  });

  it('streams the same rows as Arrow with exact integer columns', async () => {
    const response = await installation.sessions.director.fetch(monthly, { headers: { accept: 'application/vnd.apache.arrow.stream' } });
    expect(response.headers.get('content-type')).toMatch(/^application\/vnd\.apache\.arrow\.stream/);
    const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    const json = (await installation.sessions.director.get(monthly)).body;
    expect(table.numRows).toBe(json.rows.length);
    expect(String(table.schema.fields.find((f) => f.name === 'attendances')!.type)).toBe('Int32');
    expect(table.toArray().map((r) => r.toJSON())).toEqual(json.rows);
  });

  it('answers 304 to a repeated request while the analytics version is the same', async () => {
    const first = await installation.sessions.director.fetch(monthly);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"a\d+-[\w-]+"$/);
    const again = await installation.sessions.director.fetch(monthly, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    // Another scope (the auditor's suppressed view) never shares the tag.
    const auditor = await installation.sessions.auditor.fetch(monthly, { headers: { 'if-none-match': etag } });
    expect(auditor.status).toBe(200);
  });

  it('hides small person counts from the auditor, with a second community where a total would reveal them', async () => {
    const { body } = await installation.sessions.auditor.get(monthly);
    const laz = body.rows.find((r: { period: string; community: string }) => r.period === '2022-02' && r.community === 'LAZ');
    expect(laz).toMatchObject({ activities: 1, attendances: null, distinctParticipants: null, suppressed: ['attendances', 'distinctParticipants'] });
    // WZG (3) is the second cell of February: LAZ = ALL − WZG otherwise.
    const wzg = body.rows.find((r: { period: string; community: string }) => r.period === '2022-02' && r.community === 'WZG');
    expect(wzg.distinctParticipants).toBeNull();
  });

  it('does not let the auditor undo suppression by combining answers', async () => {
    const auditor = installation.sessions.auditor;
    const months = (community: string) => auditor.get(`/api/metrics?measures=attendances,distinctParticipants&grain=month&communities=${community}`);
    const series = Object.fromEntries(await Promise.all(['ALL', 'OST', 'WZG', 'LAZ'].map(async (c) => [c, (await months(c)).body.rows] as const)));
    const years = Object.fromEntries(
      await Promise.all(
        ['OST', 'WZG', 'LAZ'].map(async (c) => [c, (await auditor.get(`/api/metrics?measures=attendances&grain=year&communities=${c}`)).body.rows] as const),
      ),
    );
    let hiddenCells = 0;
    for (const measure of ['attendances', 'distinctParticipants']) {
      for (const [i, month] of series.ALL.entries()) {
        const cells = ['OST', 'WZG', 'LAZ'].map((c) => series[c][i][measure]);
        hiddenCells += cells.filter((v) => v === null).length;
        // A month's ALL minus the communities shown never gives one hidden community.
        if (month[measure] !== null) expect(cells.filter((v) => v === null).length, `${month.period} ${measure}`).not.toBe(1);
      }
    }
    for (const community of ['OST', 'WZG', 'LAZ']) {
      for (const year of years[community]) {
        const inYear = series[community].filter((r: { period: string }) => r.period.startsWith(`${year.period}-`));
        // A community's year minus its months shown never gives one hidden month.
        if (year.attendances !== null)
          expect(
            inYear.filter((r: { attendances: number | null }) => r.attendances === null && r !== undefined).length === 1 &&
              inYear.find((r: { attendances: number | null }) => r.attendances === null).attendances !== 0,
            `${community} ${year.period}`,
          ).toBe(false);
      }
    }
    expect(hiddenCells).toBeGreaterThan(0);
    // The monthly persons reached to date would give each month's new persons: the auditor gets them
    // at year ends only, as the reach indicator's value (P1) under the same mask.
    const participation: { period: string; cumulativeParticipants: number | null; suppressed?: string[] }[] = (
      await auditor.get('/api/communities/LAZ/participation')
    ).body.periods;
    const reach: { year: number; value: number | null }[] = (await auditor.get('/api/indicators?community=LAZ')).body.filter(
      (r: { code: string }) => r.code === 'P1',
    );
    const lastMonths = new Set(reach.map((r) => participation.filter((p) => p.period.startsWith(`${r.year}-`)).at(-1)?.period));
    for (const p of participation) {
      if (!lastMonths.has(p.period)) expect(p.cumulativeParticipants, p.period).toBeNull();
      else expect(p.cumulativeParticipants, p.period).toBe(reach.find((r) => p.period.startsWith(`${r.year}-`))!.value);
    }
    // Other grains and breakdowns would add totals that undo the table: refused with a reason.
    for (const query of [
      'measures=attendances&grain=week',
      'measures=attendances&grain=quarter',
      'measures=distinctParticipants&grain=year&dimensions=group',
    ]) {
      const { status, body } = await auditor.get(`/api/metrics?${query}`);
      expect(status, query).toBe(400);
      expect(body.message).toMatch(/W widoku audytora/);
    }
    expect((await auditor.get('/api/metrics?measures=activities&grain=week')).status).toBe(200);
  });

  it('answers a malformed query with 400 and what to fix', async () => {
    for (const [query, message] of [
      ['measures=names', /Nieznana miara „names”/],
      ['measures=attendances&grain=day', /grain musi mieć jedną z wartości/],
      ['measures=attendances&communities=OST,WZG', /wymiaru community/],
      ["measures=attendances&communities=OST'--", /Nieznana społeczność/],
      ['measures=attendances&to=2021-02-29', /Parametr to musi być datą/],
    ] as const) {
      const { status, body } = await installation.sessions.director.get(`/api/metrics?${query}`);
      expect(status, query).toBe(400);
      expect(body.message).toMatch(message);
    }
  });
});

describe('GET /api/activities', () => {
  it('lists the activities behind a figure with their attendance lists and where each came from', async () => {
    const { status, body } = await installation.sessions.director.get('/api/activities?community=OST&from=2022-01-01&to=2022-01-31');
    expect(status).toBe(200);
    expect(body.truncated).toBe(false);
    expect(body.activities).toEqual([
      expect.objectContaining({
        externalId: 'K1',
        date: '2022-01-14',
        community: 'OST',
        type: 'WARSZTAT',
        namedAttendances: 4,
        attendances: 4,
        source: expect.objectContaining({ file: 'dziennik.csv', row: 2, importedBy: 'test' }),
        attendanceLists: [expect.objectContaining({ file: 'lista-ost.csv', attendances: 4 })],
      }),
    ]);
    expect((await installation.sessions.director.get('/api/activities?from=2022-13-01')).status).toBe(400);
    expect((await installation.sessions.director.get('/api/activities?community=XYZ')).body.message).toBe(
      'Społeczność (community) musi być jedną z: WZG, OST, LAZ (podano „XYZ”).',
    );
  });
});

describe('indicator sources and exports', () => {
  it('drills a value down to the activities it counts, with their files and rows', async () => {
    const { status, body } = await installation.sessions.auditor.get('/api/indicators/P1/sources?year=2022&community=OST');
    expect(status).toBe(200);
    expect(body.window).toEqual({ from: '2021-01-01', to: '2022-07-02' });
    expect(body.activities.map((a: { externalId: string }) => a.externalId)).toEqual(['K1', 'K2']);
    expect(body.activities[1]).toMatchObject({
      attendances: null,
      suppressed: ['attendances', 'namedAttendances'],
      source: expect.objectContaining({ file: 'dziennik.csv', row: 3 }),
    });
    // P2 counts animation activities only: the workshop K1 (education) is not behind it.
    const p2 = await installation.sessions.auditor.get('/api/indicators/P2/sources?year=2022&community=OST');
    expect(p2.body.activities.map((a: { externalId: string }) => a.externalId)).toEqual(['K2']);
    expect((await installation.sessions.auditor.get('/api/indicators/XX/sources')).status).toBe(404);
    expect((await installation.sessions.auditor.get('/api/indicators/P1/sources?year=1999')).status).toBe(400);
  });

  it('exports the indicator table as XLSX and CSV with the data’s time, the exporting user and "<3", and records the export', async () => {
    const xlsx = await installation.sessions.auditor.fetch('/api/exports/indicators?format=xlsx');
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="wskazniki.xlsx"');
    const sheet = await readSheet(xlsx);
    expect(sheet.name).toBe('Wskaźniki');
    expect(String(sheet.getCell(1, 1).value)).toMatch(/^OSL Monitor — .+ — wskaźniki: wszystkie społeczności i cały projekt, lata \d{4}–\d{4}$/);
    expect(String(sheet.getCell(2, 1).value)).toMatch(/^Stan danych na: \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    expect(String(sheet.getCell(3, 1).value)).toMatch(/^Eksport: audytor@test\.osl, \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    const values: unknown[] = [];
    sheet.eachRow((row) => values.push(...(row.values as unknown[])));
    expect(values).toContain('<3');
    const bytes = new Uint8Array(await (await installation.sessions.director.fetch('/api/exports/indicators?format=csv')).arrayBuffer());
    // UTF-8 with a byte-order mark, so that Excel reads Polish letters right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith('# OSL Monitor')).toBe(true);
    expect(csv).toMatch(/^P1;[^;]+;Seniorzy na Os\. Łazy;2022;osoby;0;\d+;<3;/m);
    const trail = await installation.sessions.director.get('/api/audit?action=export');
    expect(trail.body.events.map((e: { action: string; actor: string }) => `${e.action} ${e.actor}`)).toEqual(
      expect.arrayContaining(['export.indicators audytor@test.osl', 'export.indicators dyrektor@test.osl']),
    );
  });

  it('opens in Polish Excel: typed cells with number formats, worded headers and codes, "<3" as text for everyone', async () => {
    for (const role of ['director', 'auditor'] as const) {
      const sheet = await readSheet(await installation.sessions[role].fetch('/api/exports/indicators?format=xlsx'));
      const header = headerRowOf(sheet, 'Kod');
      expect(sheet.getRow(header).values).toEqual([
        undefined,
        'Kod',
        'Wskaźnik',
        'Społeczność',
        'Rok',
        'Jednostka',
        'Wartość bazowa',
        'Cel',
        'Wartość',
        'Oczekiwane na dziś',
        'Realizacja',
        'Status',
      ]);
      expect(sheet.getCell(header, 1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
      expect(sheet.getColumn(2).width).toBeGreaterThan(30);
      const rows = dataRows(sheet, header);
      expect(rows.length).toBeGreaterThan(10);
      const p1 = rows.find((r) => r.cells[1] === 'P1' && r.cells[3] === 'Cały projekt' && r.cells[4] === 2022)!;
      expect(p1, role).toBeDefined();
      expect(typeof p1.row.getCell(4).value).toBe('number');
      expect(p1.row.getCell(4).numFmt).toBe('0');
      expect(typeof p1.row.getCell(7).value).toBe('number');
      expect(p1.row.getCell(7).numFmt).toMatch(/^#,##0/);
      const achievement = rows.find((r) => typeof r.cells[10] === 'number')!;
      expect(achievement.row.getCell(10).numFmt).toMatch(/^0(\.0)?%$/);
      // R2 is a percentage: its target is a fraction shown with a percent format (e.g. 0.7 → 70,0%).
      const r2 = rows.find((r) => r.cells[1] === 'R2' && typeof r.cells[7] === 'number')!;
      expect(r2.cells[5]).toBe('odsetek');
      expect(r2.cells[7] as number).toBeLessThanOrEqual(1);
      expect(r2.row.getCell(7).numFmt).toBe('0.0%');
      const words = rows.flatMap((r) => r.cells.filter((c): c is string => typeof c === 'string'));
      expect(words).toEqual(expect.arrayContaining(['osoby', 'działania']));
      expect(words.some((w) => ['Zgodnie z planem', 'Zagrożony', 'Opóźniony', 'Osiągnięty', 'Nieosiągnięty', 'Brak danych', 'Brak celu'].includes(w))).toBe(
        true,
      );
      for (const code of [
        'on_track',
        'at_risk',
        'behind',
        'achieved',
        'not_achieved',
        'no_data',
        'no_target',
        'persons',
        'activities',
        'percent',
        'ALL',
        'OST',
        'LAZ',
        'WZG',
      ]) {
        expect(words, `${role}: ${code}`).not.toContain(code);
      }
      // The small-count rule as before: every export is suppressed, "<3" is text, never a number.
      const hidden = rows.flatMap((r) => r.cells.filter((c) => c === '<3'));
      expect(hidden.length, role).toBeGreaterThan(0);
    }
    const english = await readSheet(
      await installation.sessions.director.fetch('/api/exports/indicators?format=xlsx', { headers: { 'accept-language': 'en' } }),
    );
    expect(english.name).toBe('Indicators');
    const header = headerRowOf(english, 'Code');
    expect(english.getRow(header).values).toEqual(expect.arrayContaining(['Indicator', 'Community', 'Expected to date', 'Achievement']));
    expect(dataRows(english, header).some((r) => r.cells[3] === 'Whole project' && r.cells[5] === 'persons')).toBe(true);
  });

  it('exports a value’s sources and the lapsed list with real dates, Warsaw times and names instead of codes', async () => {
    for (const role of ['director', 'auditor'] as const) {
      const sheet = await readSheet(await installation.sessions[role].fetch('/api/exports/indicators/P1/sources?year=2022&community=OST&format=xlsx'));
      expect(String(sheet.getCell(1, 1).value)).toMatch(/źródła wartości P1 „.+”, .+, 2022 \(01\.01\.2021 – 02\.07\.2022\)$/);
      const header = headerRowOf(sheet, 'Data');
      expect(sheet.getRow(header).values).toEqual(expect.arrayContaining(['Id działania', 'Rodzaj działania', 'Obecności', 'Kiedy zaimportowano']));
      const [k1] = dataRows(sheet, header);
      expect(k1!.cells[1]).toEqual(new Date(Date.UTC(2022, 0, 14)));
      expect(k1!.row.getCell(1).numFmt).toBe('dd.mm.yyyy');
      expect(k1!.cells[3]).not.toBe('OST');
      expect(k1!.cells[4]).not.toBe('WARSZTAT');
      expect(k1!.cells[6]).toBe('<3');
      expect(k1!.cells[10]).toBe(2);
      expect(k1!.cells[12]).toBeInstanceOf(Date);
      expect(k1!.row.getCell(12).numFmt).toBe('dd.mm.yyyy hh:mm');
    }
    const csv = await (await installation.sessions.auditor.fetch('/api/exports/indicators/P1/sources?year=2022&community=OST&format=csv')).text();
    expect(csv).toContain('# OSL Monitor — ');
    expect(csv).toContain('\r\n');
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
    // K1 (4) is the second cell of OST's 2022: its year (6) minus K1 would give K2's 2.
    expect(csv).toMatch(/^14\.01\.2022;K1;[^;]+;[^;]+;Warsztaty;<3;<3;0;dziennik\.csv;2;test;\d{2}\.\d{2}\.\d{4} \d{2}:\d{2};/m);
    expect(csv).toMatch(/^20\.06\.2022;K2;.*;<3;<3;0;/m);
    expect(csv).not.toMatch(/;(OST|WARSZTAT);/);

    const lapsed = await installation.sessions.director.fetch('/api/exports/communities/OST/lapsed?format=xlsx');
    expect(lapsed.status).toBe(200);
    const sheet = await readSheet(lapsed);
    expect(sheet.name).toBe('Kto nie wrócił');
    const header = headerRowOf(sheet, 'Kod uczestnika');
    expect(sheet.getRow(header).values).toEqual([
      undefined,
      'Kod uczestnika',
      'Z innej społeczności',
      'Jak nietypowa nieobecność',
      'Prawdopodobieństwo takiej nieobecności',
      'Zwykle bywał(a) na',
      'Opuszczone zajęcia',
      'Nie przychodzi od',
      'Ostatnia obecność',
      'Dni przerwy',
      'Obecności',
      'Pierwsza obecność',
    ]);
    for (const { cells, row } of dataRows(sheet, header)) {
      expect(['tak', 'nie']).toContain(cells[2]);
      // The person-level assessment (issue 16), where the person is a regular by their own rate.
      if (cells[4] !== undefined && cells[4] !== null) {
        expect(typeof cells[4]).toBe('number');
        expect(row.getCell(4).numFmt).toContain('%');
        expect(typeof cells[5]).toBe('number');
        expect(typeof cells[6]).toBe('number');
      }
      expect(cells[8]).toBeInstanceOf(Date);
      expect(row.getCell(8).numFmt).toBe('dd.mm.yyyy');
      expect(typeof cells[9]).toBe('number');
    }
    const lapsedCsv = await (await installation.sessions.director.fetch('/api/exports/communities/OST/lapsed?format=csv')).text();
    expect(lapsedCsv.split('\r\n').find((l) => l.startsWith('Kod uczestnika'))).toBe(
      'Kod uczestnika;Z innej społeczności;Jak nietypowa nieobecność;Prawdopodobieństwo takiej nieobecności;Zwykle bywał(a) na;Opuszczone zajęcia;Nie przychodzi od;Ostatnia obecność;Dni przerwy;Obecności;Pierwsza obecność',
    );
    for (const line of lapsedCsv.split('\r\n').filter((l) => /^[A-Z]+-/.test(l)))
      expect(line).toMatch(/;(tak|nie);[^;]*;[^;]*;[^;]*;[^;]*;(\d{2}\.\d{2}\.\d{4})?;\d{2}\.\d{2}\.\d{4};\d+;\d+;\d{2}\.\d{2}\.\d{4}$/);
  });

  it('downloads the audit trail CSV for Polish Excel as director and auditor, in the language asked for', async () => {
    for (const role of ['director', 'auditor'] as const) {
      const response = await installation.sessions[role].fetch('/api/audit?format=csv');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes).split('\r\n');
      expect(lines[1]).toBe('Id;Kiedy;Kto;Czynność;Obiekt;Id obiektu;Zmiany;Adres IP');
      expect(lines[2]).toMatch(/^\d+;\d{2}\.\d{2}\.\d{4} \d{2}:\d{2};[^;]+@test\.osl;/);
      // Actions and entities in words, as the trail's page shows them.
      expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/;Wyeksportowano wskaźniki;eksport;/)]));
      expect(lines.join('\n')).not.toMatch(/;(export\.indicators|import\.imported|auth\.signed-in);/);
      // Changes as the page words them ("Temat: stary → nowy"), never as JSON with field names.
      expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/;Wyeksportowano wskaźniki;eksport;[^;]*;[^;]*Format: /)]));
      expect(lines.join('\n')).not.toMatch(/[{}]|"format"|"rows"|\bfilter:/);
    }
    const english = await (await installation.sessions.auditor.fetch('/api/audit?format=csv&lang=en')).text();
    expect(english.split('\r\n')[1]).toBe('Id;When;Who;Action;Entity;Entity id;Changes;IP address');
    // The language is not part of the filter the heading names.
    expect(english.split('\r\n')[0]).toMatch(/filter: —$/);
    const indicators = await (await installation.sessions.auditor.fetch('/api/exports/indicators?format=csv&lang=en')).text();
    expect(indicators).toContain('\r\nCode;Indicator;Community;Year;Unit;Baseline;Target;Value;Expected to date;Achievement;Status\r\n');
  });

  it('writes the indicator CSV with a decimal comma and percentages Polish Excel reads as numbers', async () => {
    const csv = await (await installation.sessions.director.fetch('/api/exports/indicators?format=csv')).text();
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.find((l) => l.startsWith('Kod;'))).toBe(
      'Kod;Wskaźnik;Społeczność;Rok;Jednostka;Wartość bazowa;Cel;Wartość;Oczekiwane na dziś;Realizacja;Status',
    );
    const r2 = lines.filter((l) => l.startsWith('R2;'));
    expect(r2.some((l) => /;odsetek;[^;]*;\d+(,\d)?%;/.test(l))).toBe(true);
    expect(lines.some((l) => /;\d+,\d+;/.test(l))).toBe(true);
    expect(csv).not.toMatch(/;\d+\.\d+;/);
    expect(csv).not.toMatch(/(^|;)(on_track|at_risk|behind|achieved|not_achieved|no_data|persons|activities|percent|ALL)(;|$)/m);
  });

  it('exports the table and a value’s sources as PDF (printed by Chromium, with the same heading)', async () => {
    for (const pathname of ['/api/exports/indicators?format=pdf', '/api/exports/indicators/P1/sources?year=2022&community=OST&format=pdf']) {
      const response = await installation.sessions.auditor.fetch(pathname);
      expect(response.status, pathname).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await response.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    }
    const bad = await installation.sessions.auditor.get('/api/exports/indicators?format=docx');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('format: musi mieć jedną z wartości: xlsx, csv, pdf');
  });
});
