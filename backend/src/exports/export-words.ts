// The words of the exports (headers, titles, codes), in Polish and English: a file says what the
// dashboard says, never a code (a status, a unit, a community or activity type by its code).
import type { Label } from '@osl/data';
import type { Lang } from '../lib/message-template.ts';

export type Words = Label;
// The words for codes (statuses, units, yes/no, the audit trail's actions and entities) are the
// dashboard's own, in @osl/data: a file says what the page says.

/** The scope of a value: ALL is the whole project, else the community's name. */
export function scopeWords(scope: string, communities: readonly { code: string; name: string }[], lang: Lang): string {
  if (scope === 'ALL') return lang === 'pl' ? 'Cały projekt' : 'Whole project';
  return communities.find((c) => c.code === scope)?.name ?? scope;
}

/** Every fixed text of the exports. */
export const exportWords = {
  sheet: {
    indicators: { pl: 'Wskaźniki', en: 'Indicators' },
    sources: { pl: 'Źródła', en: 'Sources' },
    lapsed: { pl: 'Kto nie wrócił', en: 'Not come back' },
    audit: { pl: 'Dziennik zmian', en: 'Audit trail' },
  },
  dataAsOf: { pl: 'Stan danych na', en: 'Data as of' },
  noData: { pl: 'brak opublikowanych danych', en: 'no published data' },
  exported: { pl: 'Eksport', en: 'Exported by' },
  allYears: { pl: 'wszystkie społeczności i cały projekt, lata', en: 'every community and the whole project, years' },
  indicators: { pl: 'wskaźniki', en: 'indicators' },
  sourcesOf: { pl: 'źródła wartości', en: 'sources of the value' },
  lapsedTitle: { pl: 'kto nie wrócił', en: 'who has not come back' },
  lapsedOrder: {
    pl: 'najpierw najbardziej nietypowe nieobecności (wobec zwykłej frekwencji osoby)',
    en: 'the most unusual absences (against the person’s usual rate) first',
  },
  lapsedRule: {
    pl: '{min}+ obecności w {weeks} tyg., {days}+ dni przerwy',
    en: '{min}+ attendances in {weeks} weeks, {days}+ days away',
  },
  from: { pl: 'od', en: 'from' },
  to: { pl: 'do', en: 'to' },
  auditTitle: { pl: 'dziennik zmian', en: 'audit trail' },
  filter: { pl: 'filtr', en: 'filter' },
  columns: {
    indicators: {
      code: { pl: 'Kod', en: 'Code' },
      name: { pl: 'Wskaźnik', en: 'Indicator' },
      community: { pl: 'Społeczność', en: 'Community' },
      year: { pl: 'Rok', en: 'Year' },
      unit: { pl: 'Jednostka', en: 'Unit' },
      baseline: { pl: 'Wartość bazowa', en: 'Baseline' },
      target: { pl: 'Cel', en: 'Target' },
      value: { pl: 'Wartość', en: 'Value' },
      expected: { pl: 'Oczekiwane na dziś', en: 'Expected to date' },
      achievement: { pl: 'Realizacja', en: 'Achievement' },
      status: { pl: 'Status', en: 'Status' },
    },
    sources: {
      date: { pl: 'Data', en: 'Date' },
      externalId: { pl: 'Id działania', en: 'Activity id' },
      community: { pl: 'Społeczność', en: 'Community' },
      type: { pl: 'Rodzaj działania', en: 'Activity type' },
      title: { pl: 'Tytuł', en: 'Title' },
      attendances: { pl: 'Obecności', en: 'Attendances' },
      named: { pl: 'Z listy', en: 'Listed' },
      anonymous: { pl: 'Bez listy', en: 'Unlisted' },
      file: { pl: 'Plik dziennika', en: 'Log file' },
      row: { pl: 'Wiersz', en: 'Row' },
      importedBy: { pl: 'Zaimportował(a)', en: 'Imported by' },
      importedAt: { pl: 'Kiedy zaimportowano', en: 'Imported at' },
      lists: { pl: 'Listy obecności', en: 'Attendance lists' },
    },
    lapsed: {
      code: { pl: 'Kod uczestnika', en: 'Participant code' },
      otherCommunity: { pl: 'Z innej społeczności', en: 'From another community' },
      absence: { pl: 'Jak nietypowa nieobecność', en: 'How unusual the absence' },
      absenceProbability: { pl: 'Prawdopodobieństwo takiej nieobecności', en: 'Probability of such an absence' },
      usualRate: { pl: 'Zwykle bywał(a) na', en: 'Usually came to' },
      missed: { pl: 'Opuszczone zajęcia', en: 'Activities missed' },
      missedSince: { pl: 'Nie przychodzi od', en: 'Away since' },
      lastAttended: { pl: 'Ostatnia obecność', en: 'Last attended' },
      daysAway: { pl: 'Dni przerwy', en: 'Days away' },
      attendances: { pl: 'Obecności', en: 'Attendances' },
      firstAttended: { pl: 'Pierwsza obecność', en: 'First attended' },
    },
    audit: {
      id: { pl: 'Id', en: 'Id' },
      at: { pl: 'Kiedy', en: 'When' },
      actor: { pl: 'Kto', en: 'Who' },
      action: { pl: 'Czynność', en: 'Action' },
      entity: { pl: 'Obiekt', en: 'Entity' },
      entityId: { pl: 'Id obiektu', en: 'Entity id' },
      changes: { pl: 'Zmiany', en: 'Changes' },
      address: { pl: 'Adres IP', en: 'IP address' },
    },
  },
} as const;

/** Fills `{name}` placeholders of a fixed text. */
export function fill(words: Words, lang: Lang, params: Readonly<Record<string, string | number>>): string {
  return words[lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The columns of a table, worded: `widths` are at least these, the writer widens them to fit. */
export function wordedColumns<K extends string>(headers: Readonly<Record<K, Words>>, lang: Lang): { key: K; header: string }[] {
  return (Object.keys(headers) as K[]).map((key) => ({ key, header: headers[key][lang] }));
}
