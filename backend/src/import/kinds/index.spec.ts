import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvTable, testContext } from '../fixtures/import-fixtures.ts';
import { importKinds, type ImportKind } from '../import.types.ts';
import { foldHeader } from '../parsing/fold.ts';
import { validateTable } from '../validation/validate-file.ts';
import { importKindDefinition, importKindDefinitions } from './index.ts';

/** The column tables of docs/spec/input-formats.md, "Four kinds of file", as written there. */
function specifiedColumns(): Map<string, { name: string; synonyms: string[]; required: boolean }[]> {
  const text = readFileSync(new URL('../../../../docs/spec/input-formats.md', import.meta.url), 'utf8');
  const kinds = new Map<string, { name: string; synonyms: string[]; required: boolean }[]>();
  let current: { name: string; synonyms: string[]; required: boolean }[] | null = null;
  for (const line of text.split('\n')) {
    const heading = /^### \d+\. `(\w+)`/.exec(line);
    if (heading) kinds.set(heading[1]!, (current = []));
    else if (line.startsWith('## ')) current = null;
    if (!current || !line.startsWith('|')) continue;
    const [column, required, synonyms] = line
      .split('|')
      .slice(1, 4)
      .map((cell) => cell.trim());
    // Header and separator rows, and the survey's "one column per question".
    if (!/^[a-z_]+( ?[+,] [a-z_]+)*$/.test(column!) || column === 'column') continue;
    // "first_name + last_name | two | imie + nazwisko": each name with its synonym.
    const names = column!.split(/ ?[+,] /);
    const spellings = synonyms!.split(/ ?[+,] /);
    names.forEach((name, i) => current!.push({ name, required: required === 'yes', synonyms: names.length > 1 ? [spellings[i]!] : spellings }));
  }
  return kinds;
}

describe('the registry of kinds', () => {
  it('has one definition per kind, under its own name', () => {
    expect(Object.keys(importKindDefinitions).sort()).toEqual([...importKinds].sort());
    for (const kind of importKinds) expect(importKindDefinition(kind).kind).toBe(kind);
  });

  it('declares the columns of docs/spec/input-formats.md, in its order, with its synonyms and required flags', () => {
    const specified = specifiedColumns();
    expect([...specified.keys()].sort()).toEqual([...importKinds].sort());
    for (const kind of importKinds) {
      const declared = importKindDefinition(kind).columns.map(({ name, synonyms, required }) => ({ name, synonyms: [...synonyms], required }));
      expect(declared, kind).toEqual(specified.get(kind));
    }
    expect(importKindDefinition('attendance').requiredAlternatives?.groups).toEqual([['participant_code'], ['first_name', 'last_name']]);
  });

  it('names every column in Polish by a spelling the importer reads as that column (the headers of the templates)', () => {
    for (const kind of importKinds) {
      for (const column of importKindDefinition(kind).columns) {
        const spellings = [column.name, ...column.synonyms].map(foldHeader);
        expect(spellings, `${kind}: "${column.label}"`).toContain(foldHeader(column.label));
        expect(column.label, `${kind}.${column.name}`).not.toMatch(/_/);
      }
    }
  });

  it('gives every header spelling one meaning within a kind', () => {
    for (const kind of importKinds) {
      const meaning = new Map<string, string>();
      for (const column of importKindDefinition(kind).columns) {
        for (const spelling of [column.name, ...column.synonyms]) {
          const folded = foldHeader(spelling);
          expect(meaning.get(folded) ?? column.name, `${kind}: "${spelling}"`).toBe(column.name);
          meaning.set(folded, column.name);
        }
      }
    }
  });

  it('orders an import register first, then activities, attendance lists and surveys', () => {
    expect([...importKinds].sort((a, b) => importKindDefinition(a).importOrder - importKindDefinition(b).importOrder)).toEqual([
      'participants',
      'activities',
      'attendance',
      'survey',
    ]);
  });

  it('corrects rows by id for activity logs and registers only', () => {
    expect(importKinds.filter((kind) => importKindDefinition(kind).writer.correctsById)).toEqual(['activities', 'participants']);
  });
});

describe('record schemas', () => {
  const seed = {
    activities: { 'A-1': { date: '2022-03-05', communityCode: 'WZG' } },
    participants: { 'WZG-0001': { communityCode: 'WZG' } },
  };
  const files: Record<ImportKind, string[][]> = {
    activities: [
      ['activity_id', 'date', 'community', 'type', 'title', 'duration_h', 'led_by', 'location', 'headcount_anonymous', 'resident_initiative'],
      ['A-2', '05.03.2022', 'WZG', 'WARSZTAT', 'Warsztaty', '1,5', 'animator', 'świetlica', '3', 'tak'],
      ['A-3', '2022-03-06', 'OST', 'AKCJA', 'Sprzątanie', '', '', '', '', ''],
    ],
    attendance: [
      ['activity_id', 'participant_code'],
      ['A-1', 'WZG-0001'],
    ],
    participants: [
      ['participant_code', 'community', 'gender', 'birth_year', 'joined_on', 'leader', 'leader_since', 'first_name', 'last_name'],
      ['WZG-0002', 'WZG', 'K', '1960', '10.01.2022', 'tak', '01.02.2022', 'Anna', 'Nowak'],
      ['WZG-0003', 'WZG', '', '', '', '', '', '', ''],
    ],
    survey: [
      ['survey_code', 'date', 'community', 'participant_code', 'OCENA', 'PONOWNIE', 'UWAGI'],
      ['ANK-PO', '05.03.2022', 'WZG', 'WZG-0001', '4', 'tak', 'Dobrze'],
      ['ANK-PO', '05.03.2022', 'WZG', '', '', '', ''],
    ],
  };

  it.each(importKinds)('%s: every record its validator makes is valid by its schema', (kind) => {
    const result = validateTable(csvTable(files[kind]), testContext(seed, { kind }));
    expect(result.errors).toEqual([]);
    expect(result.records.length).toBe(files[kind].length - 1);
    const schema = importKindDefinition(kind).record;
    for (const record of result.records) expect(schema.parse(record)).toEqual(record);
  });

  it('refuse what the database must never get', () => {
    const [activity] = validateTable(csvTable(files.activities), testContext(seed)).records;
    const schema = importKindDefinition('activities').record;
    expect(schema.safeParse(activity).success).toBe(true);
    expect(schema.safeParse({ ...activity, date: '05.03.2022' }).success).toBe(false);
    expect(schema.safeParse({ ...activity, headcountAnonymous: -1 }).success).toBe(false);
    expect(schema.safeParse({ ...activity, title: undefined }).success).toBe(false);
    expect(importKindDefinition('attendance').record.safeParse({ row: 0, activityExternalId: 'A-1', participantCode: 'WZG-1' }).success).toBe(false);
  });
});
