import { describe, expect, it } from 'vitest';
import type { Lang } from './label-map.ts';
import { auditChangeLines, changeLineText, type ChangeContext } from './audit-changes.ts';

const names: Record<string, string> = { OST: 'Ostrówek', LAZ: 'Łazienki' };
const context = (lang: Lang): ChangeContext => ({
  lang,
  communityName: (code) => names[code] ?? code,
  activityTypeName: (code) => (code === 'ANIM_KULT' ? (lang === 'pl' ? 'animacja kulturalna' : 'cultural animation') : code),
});
const texts = (before: unknown, after: unknown, lang: Lang = 'pl') => auditChangeLines(before, after, context(lang)).map(changeLineText);

describe('auditChangeLines', () => {
  it('turns a changed account into "Topic: old → new" with roles and communities in words', () => {
    expect(texts({ role: 'auditor', communities: [] }, { role: 'organizer', communities: ['OST', 'LAZ'] })).toEqual([
      'Rola: audytor → organizator',
      'Społeczności: — → Ostrówek, Łazienki',
    ]);
    expect(texts({ disabled: false }, { disabled: true })).toEqual(['Wyłączone: nie → tak']);
    expect(texts({ disabled: false }, { disabled: true }, 'en')).toEqual(['Disabled: no → yes']);
  });

  it('shows only the changed leaves of targets, with the scope and year in words', () => {
    const before = { baseline: { ALL: 0 }, targets: { ALL: { 2022: 120, 2023: 150 }, OST: { 2022: 40 } } };
    const after = { baseline: { ALL: 0 }, targets: { ALL: { 2022: 120, 2023: 160 }, OST: { 2022: 42.5 } } };
    expect(texts(before, after)).toEqual(['Cel – cały projekt, 2023: 150 → 160', 'Cel – Ostrówek, 2022: 40 → 42,5']);
    expect(texts(before, after, 'en')).toEqual(['Target – whole project, 2023: 150 → 160', 'Target – Ostrówek, 2022: 40 → 42.5']);
  });

  it('formats dates, calendar dates stored as midnight, years and activity types', () => {
    expect(
      texts({ date: '2022-10-17T00:00:00.000Z', typeCode: 'ANIM_KULT', birthYear: 1950 }, { date: '2022-10-18T00:00:00.000Z', typeCode: 'X', birthYear: 1951 }),
    ).toEqual(['Data: 17.10.2022 → 18.10.2022', 'Rodzaj działania: animacja kulturalna → X', 'Rok urodzenia: 1950 → 1951']);
    expect(texts(null, { firstAt: '2026-01-05T08:30:00.000Z' })).toEqual(['Pierwsza próba: 05.01.2026, 09:30']);
  });

  it('lists every recorded value of an event with one side only, without an arrow', () => {
    expect(texts(null, { file: 'dziennik.csv', kind: 'activities', created: 12, updated: 0, unchanged: 3 })).toEqual([
      'Plik: dziennik.csv',
      'Rodzaj: dziennik działań',
      'Dodane wiersze: 12',
      'Poprawione wiersze: 0',
      'Wiersze bez zmian: 3',
    ]);
    expect(texts(null, { reason: 'wrong password', count: 1 })).toEqual(['Powód: złe hasło', 'Liczba prób: 1']);
    expect(texts(null, null)).toEqual([]);
  });

  it('words the filter an export of the trail was made with', () => {
    expect(texts(null, { rows: 2, filter: 'actor=admin%40demo.osl&action=user&from=2022-01-01' })).toEqual([
      'Wiersze: 2',
      'Filtr: osoba: admin@demo.osl; czynność: Konta (wszystkie zmiany); od dnia: 01.01.2022',
    ]);
    expect(texts(null, { filter: 'entity=participant&action=import.imported' }, 'en')).toEqual(['Filter: concerning: participant; action: File imported']);
    expect(texts(null, { filter: '' })).toEqual(['Filtr: —']);
  });

  it('says that a name changed without showing it', () => {
    const lines = texts({ lastName: '(zmieniono)', gender: 'K' }, { lastName: '(zmieniono)', gender: 'M' });
    expect(lines).toEqual(['Nazwisko: zmieniono (nie pokazujemy) → zmieniono (nie pokazujemy)', 'Płeć: kobieta → mężczyzna']);
  });

  it('words an indicator added to the configuration: its kind, unit and computation, names and codes kept as written', () => {
    const indicator = {
      namePl: 'Liczba akcji społecznościowych',
      nameEn: 'Number of community actions',
      kind: 'output',
      unit: 'activities',
      computation: { kind: 'activity_count', types: ['ANIM_KULT'], groups: ['education'] },
    };
    expect(texts(null, indicator)).toEqual([
      'Nazwa polska: Liczba akcji społecznościowych',
      'Nazwa angielska: Number of community actions',
      'Rodzaj: produkt',
      'Jednostka: działania',
      'Sposób obliczania – rodzaj: liczba działań',
      'Sposób obliczania – rodzaje działań: animacja kulturalna',
      'Sposób obliczania – grupy działań: działania edukacyjne',
    ]);
    const lines = auditChangeLines(null, { nameEn: 'Share', computation: { survey: 'ANK-ROCZNA', question: 'JAKOSC_ZYCIA', minValue: 4 } }, context('en'));
    expect(lines.map(changeLineText)).toEqual([
      'English name: Share',
      'Computation – survey: ANK-ROCZNA',
      'Computation – question: JAKOSC_ZYCIA',
      'Computation – lowest answer counted: 4',
    ]);
    expect(lines.map((line) => line.verbatim)).toEqual([true, true, true, false]);
  });
});
