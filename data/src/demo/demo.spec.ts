import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfigDir, loadConfig } from '../config/config.loader.ts';
import { dayOf, weekStartOf } from './calendar.ts';
import { foldHeader, readTable, type ReadTable, type Row } from './demo-files.reader.ts';
import { DEFAULT_DEMO_SEED, generateDemoFiles, type DemoManifest } from './index.ts';
import { foldName } from './names.ts';

const config = loadConfig(defaultConfigDir);

/** Canonical columns and their spellings (docs/spec/input-formats.md). */
const SYNONYMS: Record<string, readonly string[]> = {
  activity_id: ['activity_id', 'id_dzialania', 'nr_dzialania', 'id'],
  date: ['date', 'data', 'data_dzialania', 'data_wypelnienia'],
  community: ['community', 'spolecznosc', 'spolecznosc_kod'],
  type: ['type', 'typ', 'rodzaj', 'typ_dzialania'],
  title: ['title', 'tytul', 'nazwa', 'temat'],
  duration_h: ['duration_h', 'czas_h', 'czas_trwania_h', 'godziny'],
  headcount_anonymous: ['headcount_anonymous', 'liczba_osob_bez_listy', 'uczestnicy_anonimowi', 'liczba_anonimowych'],
  resident_initiative: ['resident_initiative', 'inicjatywa_mieszkancow', 'wspolorganizowane_przez_mieszkancow'],
  participant_code: ['participant_code', 'kod_uczestnika', 'id_uczestnika', 'kod'],
  first_name: ['first_name', 'imie'],
  last_name: ['last_name', 'nazwisko'],
  gender: ['gender', 'plec'],
  birth_year: ['birth_year', 'rok_urodzenia'],
  joined_on: ['joined_on', 'data_przystapienia', 'data_rejestracji'],
  leader: ['leader', 'lider'],
  leader_since: ['leader_since', 'lider_od', 'data_identyfikacji_lidera'],
  survey_code: ['survey_code', 'ankieta', 'kod_ankiety'],
};
const KNOWN_HEADERS = Object.values(SYNONYMS).flat();

function column(table: ReadTable, canonical: string): string | undefined {
  return table.headers.map(foldHeader).find((h) => SYNONYMS[canonical]!.includes(h));
}

function value(table: ReadTable, row: Row, canonical: string): string {
  const key = column(table, canonical);
  return key === undefined ? '' : (row[key] ?? '');
}

/** `YYYY-MM-DD` (Excel dates come back so) or `DD.MM.YYYY` → ISO. */
function isoDate(text: string): string {
  const polish = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  if (polish) return `${polish[3]}-${polish[2]}-${polish[1]}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  throw new Error(`not a date: ${JSON.stringify(text)}`);
}

function yesNo(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (t === 'tak' || t === 'x') return true;
  if (t === 'nie' || t === '') return false;
  throw new Error(`not yes/no: ${JSON.stringify(text)}`);
}

const communityCode = (text: string) => config.communities.find((c) => c.code === text || c.name === text)?.code;
const typeCode = (text: string) => config.activityTypes.find((t) => t.code === text || t.namePl === text)?.code;

interface Person {
  code: string;
  community: string;
  gender: string;
  birthYear: number;
  joinedOn: string;
  leaderSince?: string;
  first: string;
  last: string;
}
interface Act {
  id: string;
  date: string;
  community: string;
  type: string;
  anonymous: number;
  initiative: boolean;
  durationH: number;
}
interface Presence {
  activityId: string;
  code: string;
  date: string;
}
interface Response {
  survey: string;
  date: string;
  community: string;
  code: string;
  row: Row;
}

/** Reads the files in manifest order, checking every reference against what is already imported. */
async function readBack(manifest: DemoManifest) {
  const people = new Map<string, Person>();
  const byName = new Map<string, string[]>();
  const activities = new Map<string, Act>();
  const presences: Presence[] = [];
  const responses: Response[] = [];
  const problems: string[] = [];
  const tables = new Map<string, ReadTable>();
  for (const file of manifest.files) {
    const table = await readTable(file.path, KNOWN_HEADERS);
    tables.set(path.basename(file.path), table);
    const seen = new Set<string>();
    table.rows.forEach((row, i) => {
      const where = `${path.basename(file.path)}:${table.headerRow + 1 + i}`;
      const v = (c: string) => value(table, row, c);
      if (file.kind === 'participants') {
        const code = v('participant_code');
        if (seen.has(code) || people.has(code)) problems.push(`${where} duplicate code ${code}`);
        seen.add(code);
        const leader = yesNo(v('leader'));
        const person: Person = {
          code,
          community: communityCode(v('community')) ?? `?${v('community')}`,
          gender: v('gender'),
          birthYear: Number(v('birth_year')),
          joinedOn: isoDate(v('joined_on')),
          leaderSince: v('leader_since') ? isoDate(v('leader_since')) : undefined,
          first: v('first_name'),
          last: v('last_name'),
        };
        if (leader !== (person.leaderSince !== undefined)) problems.push(`${where} leader without leader_since`);
        people.set(code, person);
        for (const key of [`${foldName(person.first)} ${foldName(person.last)}`, `${foldName(person.last)} ${foldName(person.first)}`]) {
          byName.set(key, [...new Set([...(byName.get(key) ?? []), code])]);
        }
      } else if (file.kind === 'activities') {
        const id = v('activity_id');
        if (activities.has(id)) problems.push(`${where} duplicate activity ${id}`);
        activities.set(id, {
          id,
          date: isoDate(v('date')),
          community: communityCode(v('community')) ?? `?${v('community')}`,
          type: typeCode(v('type')) ?? `?${v('type')}`,
          anonymous: Number(v('headcount_anonymous') || 0),
          initiative: yesNo(v('resident_initiative')),
          durationH: Number(v('duration_h').replace(',', '.')),
        });
      } else if (file.kind === 'attendance') {
        const activity = activities.get(v('activity_id'));
        if (!activity) problems.push(`${where} unknown activity ${v('activity_id')}`);
        let code = v('participant_code');
        if (!code) {
          const matches = byName.get(`${foldName(v('first_name'))} ${foldName(v('last_name'))}`) ?? [];
          if (matches.length !== 1) problems.push(`${where} name ${v('first_name')} ${v('last_name')} matches ${matches.length}`);
          code = matches[0] ?? '';
        }
        if (!people.has(code)) problems.push(`${where} unknown participant ${code}`);
        if (v('date') && activity && isoDate(v('date')) !== activity.date) problems.push(`${where} date differs from the activity`);
        const pair = `${v('activity_id')}|${code}`;
        if (seen.has(pair)) problems.push(`${where} listed twice`);
        seen.add(pair);
        presences.push({ activityId: v('activity_id'), code, date: activity?.date ?? '' });
      } else {
        const code = v('participant_code');
        if (code && !people.has(code)) problems.push(`${where} unknown participant ${code}`);
        responses.push({ survey: v('survey_code'), date: isoDate(v('date')), community: communityCode(v('community')) ?? '?', code, row });
      }
    });
  }
  return { people, activities, presences, responses, problems, tables };
}

type ReadBackResult = Awaited<ReturnType<typeof readBack>>;

/** Mean named attendances per ISO week of one community, over the weeks starting in [from, to]. */
function meanWeekly(data: ReadBackResult, community: string, from: string, to: string): number {
  const first = weekStartOf(dayOf(from) + 6);
  const last = weekStartOf(dayOf(to));
  let total = 0;
  for (const p of data.presences) {
    const week = weekStartOf(dayOf(p.date));
    if (week >= first && week <= last && data.activities.get(p.activityId)!.community === community) total++;
  }
  return total / ((last - first) / 7 + 1);
}

/** Mean number of different people per month in one community's activities. */
function meanMonthlyPeople(data: ReadBackResult, community: string, from: string, to: string): number {
  const months = new Map<string, Set<string>>();
  for (const p of data.presences) {
    if (p.date < from || p.date > to || data.activities.get(p.activityId)!.community !== community) continue;
    const month = p.date.slice(0, 7);
    months.set(month, (months.get(month) ?? new Set()).add(p.code));
  }
  return [...months.values()].reduce((sum, s) => sum + s.size, 0) / 6;
}

const change = (before: number, after: number) => after / before - 1;

let dirA: string;
let dirB: string;
let manifest: DemoManifest;
let data: ReadBackResult;

beforeAll(async () => {
  dirA = await fs.mkdtemp(path.join(os.tmpdir(), 'osl-demo-a-'));
  dirB = await fs.mkdtemp(path.join(os.tmpdir(), 'osl-demo-b-'));
  manifest = await generateDemoFiles(dirA);
  data = await readBack(manifest);
}, 60_000);

afterAll(async () => {
  await fs.rm(dirA, { recursive: true, force: true });
  await fs.rm(dirB, { recursive: true, force: true });
});

describe('generateDemoFiles', () => {
  it('writes byte-identical files for the same seed', async () => {
    const again = await generateDemoFiles(dirB, { seed: DEFAULT_DEMO_SEED });
    expect(again.counts).toEqual(manifest.counts);
    expect(again.files.map((f) => path.basename(f.path))).toEqual(manifest.files.map((f) => path.basename(f.path)));
    for (const file of manifest.files) {
      const other = path.join(dirB, path.basename(file.path));
      expect((await fs.readFile(file.path)).equals(await fs.readFile(other)), path.basename(file.path)).toBe(true);
    }
  }, 60_000);

  it('writes different data for another seed', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'osl-demo-c-'));
    try {
      const other = await generateDemoFiles(dir, { seed: 7 });
      expect(other.seed).toBe(7);
      expect(other.counts).not.toEqual(manifest.counts);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('lists files in a valid import order: registers, activity logs, attendance, surveys', () => {
    const rank = { participants: 0, activities: 1, attendance: 2, survey: 3 } as const;
    const ranks = manifest.files.map((f) => rank[f.kind]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(manifest.files.map((f) => f.kind))).toEqual(new Set(['participants', 'activities', 'attendance', 'survey']));
  });

  it('mixes XLSX, Windows-1250 CSV with semicolons, and one UTF-8 CSV with BOM', async () => {
    const csv = manifest.files.filter((f) => f.path.endsWith('.csv'));
    const xlsx = manifest.files.filter((f) => f.path.endsWith('.xlsx'));
    expect(xlsx.length).toBeGreaterThan(5);
    let withBom = 0;
    for (const file of csv) {
      const bytes = await fs.readFile(file.path);
      const header = bytes.subarray(0, bytes.indexOf(0x0d));
      if (bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) {
        withBom++;
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
        continue;
      }
      // `ł` is 0xB3 in Windows-1250 (UTF-8 would be C5 82), and such bytes are not valid UTF-8.
      expect(header.includes(0xb3), path.basename(file.path)).toBe(true);
      expect(header.includes(Buffer.from([0xc5, 0x82]))).toBe(false);
      expect(header.includes(0x3b /* ; */)).toBe(true);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      expect(bytes.includes(Buffer.from('\r\n'))).toBe(true);
    }
    expect(withBom).toBe(1);
  });

  it('writes Polish dates and decimal commas in CSV, real dates in XLSX', () => {
    const ost = data.tables.get('dziennik-dzialan-OST-2022.csv')!;
    expect(ost.rows.every((r) => /^\d{2}\.\d{2}\.\d{4}$/.test(r.data!))).toBe(true);
    expect(ost.rows.some((r) => /^\d+,5$/.test(r.czas_trwania_h!))).toBe(true);
    const wzg = data.tables.get('dziennik-dzialan-WZG-2022.xlsx')!;
    // The reader turns only real Excel dates into ISO text.
    expect(wzg.rows.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.data_dzialania!))).toBe(true);
  });

  it('puts a title above the header of the XLSX attendance lists', () => {
    for (const [name, table] of data.tables) {
      if (name.startsWith('lista-obecnosci-') && name.endsWith('.xlsx')) expect(table.headerRow, name).toBeGreaterThan(1);
    }
    expect(data.tables.get('lista-obecnosci-LAZ-2021.xlsx')!.headers.map(foldHeader)).toEqual(['nr_dzialania', 'data', 'nazwisko', 'imie']);
  });

  it('writes files that import without an error', () => {
    expect(data.problems).toEqual([]);
  });

  it('keeps every date inside 2021–2023 and birth years plausible', () => {
    const dates = [
      ...[...data.people.values()].flatMap((p) => [p.joinedOn, p.leaderSince ?? p.joinedOn]),
      ...[...data.activities.values()].map((a) => a.date),
      ...data.presences.map((p) => p.date),
      ...data.responses.map((r) => r.date),
    ];
    expect(dates.every((d) => d >= '2021-01-01' && d <= '2023-12-31')).toBe(true);
    for (const person of data.people.values()) {
      expect(person.birthYear).toBeGreaterThanOrEqual(person.community === 'LAZ' ? 1935 : 1920);
      expect(person.birthYear).toBeLessThanOrEqual(person.community === 'LAZ' ? 1960 : 2008);
    }
  });

  it('produces counts in the intended ranges, equal to what the files hold', () => {
    expect(manifest.counts.participants).toBe(data.people.size);
    expect(manifest.counts.activities).toBe(data.activities.size);
    expect(manifest.counts.attendances).toBe(data.presences.length);
    expect(manifest.counts.surveyResponses).toBe(data.responses.length);
    expect(data.people.size).toBeGreaterThanOrEqual(240);
    expect(data.people.size).toBeLessThanOrEqual(320);
    expect(data.presences.length).toBeGreaterThanOrEqual(3000);
    expect(data.presences.length).toBeLessThanOrEqual(6000);
  });

  it('holds about 90–120 activities a year in 2022–2023, fewer in 2021, split by community size', () => {
    const activities = [...data.activities.values()];
    const held = (year: string, community?: string) =>
      activities.filter((a) => a.date.startsWith(year) && (community === undefined || a.community === community)).length;
    for (const year of ['2022', '2023']) {
      expect(held(year), year).toBeGreaterThanOrEqual(90);
      expect(held(year), year).toBeLessThanOrEqual(120);
    }
    expect(held('2021')).toBeGreaterThanOrEqual(30);
    expect(held('2021')).toBeLessThan(held('2022') * 0.6);
    expect(activities.filter((a) => a.date >= '2021-01-01' && a.date <= '2021-04-30').length).toBeLessThanOrEqual(5);
    // The largest community holds the most; OST's programme thins in 2023.
    expect(held('2022', 'WZG')).toBeGreaterThan(held('2022', 'OST'));
    expect(held('2022', 'OST')).toBeGreaterThan(held('2022', 'LAZ'));
    expect(held('2023', 'OST')).toBeLessThan(held('2022', 'OST') * 0.85);
  });

  it('tells the calibrated story against the default targets: near plan, 2021 behind, OST behind in 2023', () => {
    const groups = new Map(config.activityTypes.map((t) => [t.code, t.group]));
    const target = (code: string, scope: string, year: string) => config.indicators.find((i) => i.code === code)!.targets[scope]![year]!;
    const inScope = (community: string, scope: string) => scope === 'ALL' || community === scope;
    // P2: activities of group `animation` held in the year.
    const p2 = (scope: string, year: string) =>
      [...data.activities.values()].filter((a) => a.date.startsWith(year) && inScope(a.community, scope) && groups.get(a.type) === 'animation').length;
    // R1: people with at least 3 attendances in the year (in the scope's activities).
    const r1 = (scope: string, year: string) => {
      const counts = new Map<string, number>();
      for (const p of data.presences) {
        if (p.date.startsWith(year) && inScope(data.activities.get(p.activityId)!.community, scope)) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
      }
      return [...counts.values()].filter((n) => n >= 3).length;
    };
    const achievement = (value: number, code: string, scope: string, year: string) => value / target(code, scope, year);
    for (const year of ['2022', '2023']) {
      expect(achievement(p2('ALL', year), 'P2', 'ALL', year), `P2 ${year}`).toBeGreaterThanOrEqual(0.9);
      expect(achievement(p2('ALL', year), 'P2', 'ALL', year), `P2 ${year}`).toBeLessThanOrEqual(1.4);
      expect(achievement(r1('ALL', year), 'R1', 'ALL', year), `R1 ${year}`).toBeGreaterThanOrEqual(0.9);
      expect(achievement(r1('ALL', year), 'R1', 'ALL', year), `R1 ${year}`).toBeLessThanOrEqual(1.4);
    }
    // The pandemic year: at risk on animation, not lost.
    expect(achievement(p2('ALL', '2021'), 'P2', 'ALL', '2021')).toBeGreaterThanOrEqual(0.75);
    expect(achievement(p2('ALL', '2021'), 'P2', 'ALL', '2021')).toBeLessThan(0.9);
    // OST falls behind in 2023; WZG and LAZ stay on track.
    expect(achievement(p2('OST', '2023'), 'P2', 'OST', '2023')).toBeLessThan(0.75);
    expect(achievement(r1('OST', '2023'), 'R1', 'OST', '2023')).toBeLessThan(0.75);
    for (const scope of ['WZG', 'LAZ']) {
      expect(achievement(p2(scope, '2023'), 'P2', scope, '2023'), scope).toBeGreaterThanOrEqual(0.9);
      expect(achievement(r1(scope, '2023'), 'R1', scope, '2023'), scope).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('sizes communities as in the story (OST short of its 30% after the decline), seniors mostly women, genders matching surnames', () => {
    const people = [...data.people.values()];
    const share = (c: string) => people.filter((p) => p.community === c).length / people.length;
    expect(share('WZG')).toBeGreaterThanOrEqual(0.42);
    expect(share('WZG')).toBeLessThanOrEqual(0.55);
    expect(share('OST')).toBeGreaterThanOrEqual(0.17);
    expect(share('OST')).toBeLessThanOrEqual(0.3);
    expect(share('LAZ')).toBeGreaterThanOrEqual(0.22);
    expect(share('LAZ')).toBeLessThanOrEqual(0.32);
    const seniors = people.filter((p) => p.community === 'LAZ');
    expect(seniors.filter((p) => /^(k|kobieta)$/i.test(p.gender)).length / seniors.length).toBeGreaterThan(0.65);
    const female = (g: string) => /^(k|kobieta)$/i.test(g);
    expect(people.filter((p) => female(p.gender) && /(s|c|dz)ki$/.test(p.last))).toEqual([]);
    expect(people.filter((p) => !female(p.gender) && /(s|c|dz)ka$/.test(p.last))).toEqual([]);
  });

  it('lets a few people attend in a second community', () => {
    const visitors = new Set(
      data.presences.filter((p) => data.activities.get(p.activityId)!.community !== data.people.get(p.code)!.community).map((p) => p.code),
    );
    expect(visitors.size).toBeGreaterThanOrEqual(3);
    expect(visitors.size).toBeLessThanOrEqual(15);
  });

  it('identifies 10–14 leaders over all three years', () => {
    const since = [...data.people.values()].flatMap((p) => (p.leaderSince ? [p.leaderSince] : []));
    expect(since.length).toBeGreaterThanOrEqual(10);
    expect(since.length).toBeLessThanOrEqual(14);
    expect(new Set(since.map((d) => d.slice(0, 4)))).toEqual(new Set(['2021', '2022', '2023']));
  });

  it('uses every activity type, with more resident initiatives each year', () => {
    const activities = [...data.activities.values()];
    expect(new Set(activities.map((a) => a.type))).toEqual(new Set(config.activityTypes.map((t) => t.code)));
    const initiatives = (year: string) => activities.filter((a) => a.initiative && a.date.startsWith(year)).length;
    expect(initiatives('2021')).toBeGreaterThan(0);
    expect(initiatives('2023')).toBeGreaterThan(initiatives('2021'));
    expect(activities.every((a) => a.durationH > 0 && a.durationH <= 8)).toBe(true);
  });

  it('follows the seasons: slow pandemic start, summer dip, Christmas break, summer open events', () => {
    const activities = [...data.activities.values()];
    const between = (from: string, to: string) => activities.filter((a) => a.date >= from && a.date <= to);
    expect(between('2021-01-01', '2021-04-30').length * 4).toBeLessThan(between('2022-01-01', '2022-04-30').length);
    for (const year of ['2022', '2023']) {
      expect(between(`${year}-07-01`, `${year}-08-31`).length).toBeLessThan(between(`${year}-09-01`, `${year}-10-31`).length * 0.7);
    }
    expect(activities.filter((a) => a.date.slice(5) >= '12-20' || a.date.slice(5) <= '01-06')).toEqual([]);
    const summerOpen = between('2022-06-01', '2022-08-31').filter((a) => a.anonymous > 0);
    expect(new Set(summerOpen.map((a) => a.type))).toContain('IMPREZA');
  });

  it('shows a sustained OST decline from October 2022 and none in WZG or LAZ', () => {
    const before = ['2021-10-01', '2022-03-31'] as const;
    const after = ['2022-10-01', '2023-03-31'] as const;
    // About −40 to −55%: large and sustained, not a collapse.
    const weekly = change(meanWeekly(data, 'OST', ...before), meanWeekly(data, 'OST', ...after));
    const people = change(meanMonthlyPeople(data, 'OST', ...before), meanMonthlyPeople(data, 'OST', ...after));
    expect(weekly).toBeLessThanOrEqual(-0.38);
    expect(weekly).toBeGreaterThanOrEqual(-0.6);
    expect(people).toBeLessThanOrEqual(-0.35);
    expect(people).toBeGreaterThanOrEqual(-0.6);
    // It stays low: the second half of 2023 does not recover to the level of a year before the fall.
    expect(meanWeekly(data, 'OST', '2023-09-01', '2023-12-15')).toBeLessThan(meanWeekly(data, 'OST', '2021-09-01', '2021-12-15') * 0.75);
    for (const stable of ['WZG', 'LAZ']) {
      expect(change(meanWeekly(data, stable, ...before), meanWeekly(data, stable, ...after)), stable).toBeGreaterThan(-0.15);
    }
  });

  it('writes valid survey answers that improve year on year', () => {
    const surveyCodes = new Set(config.surveys.map((s) => s.code));
    const likert = /^[1-5]?$/;
    for (const r of data.responses) {
      expect(surveyCodes).toContain(r.survey);
      expect(r.community).not.toBe('?');
      const answers = r.survey === 'ANK-ROCZNA' ? ['jakosc_zycia', 'zaufanie', 'wiedza'] : ['ocena'];
      for (const q of answers) expect(r.row[q], q).toMatch(likert);
      expect(r.row[r.survey === 'ANK-ROCZNA' ? 'polecam' : 'ponownie']).toMatch(/^(tak|nie|)$/);
    }
    const r2 = (year: string) => {
      const values = data.responses
        .filter((r) => r.survey === 'ANK-ROCZNA' && r.date.startsWith(year) && r.row.jakosc_zycia)
        .map((r) => Number(r.row.jakosc_zycia));
      return values.filter((v) => v >= 4).length / values.length;
    };
    expect(r2('2022')).toBeGreaterThan(r2('2021'));
    expect(r2('2023')).toBeGreaterThan(r2('2021'));
    expect(data.responses.some((r) => r.survey === 'ANK-PO')).toBe(true);
    expect(data.responses.some((r) => r.row.uwagi)).toBe(true);
    expect(data.responses.some((r) => r.survey === 'ANK-ROCZNA' && !r.row.zaufanie)).toBe(true);
  });
});
