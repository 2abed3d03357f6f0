// The words of the exports (headers, titles, codes), in Polish and English: a file says what the
// dashboard says, never a code (a status, a unit, a community or activity type by its code).
import type { Lang } from '../lib/message-template.ts';

export type Words = Readonly<Record<Lang, string>>;
export type WordMap<Code extends string> = Readonly<Record<Code, Words>>;

/** The word for `code` in `lang`; the code itself when the map does not know it. */
export function wordOf<Code extends string>(map: WordMap<Code>, code: Code | (string & {}), lang: Lang): string {
  return (map as Record<string, Words>)[code]?.[lang] ?? code;
}

export const statusWords: WordMap<'on_track' | 'at_risk' | 'behind' | 'achieved' | 'not_achieved' | 'no_data' | 'no_target' | 'not_started'> = {
  on_track: { pl: 'Zgodnie z planem', en: 'On track' },
  at_risk: { pl: 'Zagrożony', en: 'At risk' },
  behind: { pl: 'Opóźniony', en: 'Behind' },
  achieved: { pl: 'Osiągnięty', en: 'Achieved' },
  not_achieved: { pl: 'Nieosiągnięty', en: 'Not achieved' },
  no_data: { pl: 'Brak danych', en: 'No data' },
  no_target: { pl: 'Brak celu', en: 'No target' },
  not_started: { pl: 'Jeszcze nie rozpoczęty', en: 'Not started yet' },
};

export const unitWords: WordMap<'persons' | 'activities' | 'percent'> = {
  persons: { pl: 'osoby', en: 'persons' },
  activities: { pl: 'działania', en: 'activities' },
  percent: { pl: 'odsetek', en: 'percentage' },
};

export const yesNoWords: WordMap<'yes' | 'no'> = {
  yes: { pl: 'tak', en: 'yes' },
  no: { pl: 'nie', en: 'no' },
};

/** The scope of a value: ALL is the whole project, else the community's name. */
export function scopeWords(scope: string, communities: readonly { code: string; name: string }[], lang: Lang): string {
  if (scope === 'ALL') return lang === 'pl' ? 'Cały projekt' : 'Whole project';
  return communities.find((c) => c.code === scope)?.name ?? scope;
}

/**
 * The audit trail's actions and entities in words, as its page names them (the dashboard's
 * lib/audit/audit-labels.ts; export-words.spec.ts keeps the two alike).
 */
export const auditActionWords: WordMap<string> = {
  'auth.signed-in': { pl: 'Zalogowano się', en: 'Signed in' },
  'auth.signed-out': { pl: 'Wylogowano się', en: 'Signed out' },
  'auth.sign-in-failed': { pl: 'Nieudane logowanie', en: 'Failed sign-in' },
  'auth.sign-in-blocked': { pl: 'Zablokowano logowanie po wielu próbach', en: 'Sign-in blocked after many attempts' },
  'user.created': { pl: 'Utworzono konto', en: 'Account created' },
  'user.updated': { pl: 'Zmieniono dane konta', en: 'Account details changed' },
  'user.role-changed': { pl: 'Zmieniono rolę konta', en: 'Account role changed' },
  'user.disabled': { pl: 'Wyłączono konto', en: 'Account disabled' },
  'user.enabled': { pl: 'Włączono konto', en: 'Account enabled' },
  'user.password-reset': { pl: 'Nadano hasło jednorazowe', en: 'One-time password issued' },
  'user.password-changed': { pl: 'Zmieniono własne hasło', en: 'Own password changed' },
  'import.imported': { pl: 'Zaimportowano plik', en: 'File imported' },
  'import.rejected': { pl: 'Odrzucono plik', en: 'File rejected' },
  'activity.updated': { pl: 'Poprawiono działanie', en: 'Activity corrected' },
  'attendance.replaced': { pl: 'Poprawiono listę obecności', en: 'Attendance list corrected' },
  'participant.updated': { pl: 'Poprawiono dane uczestnika', en: 'Participant corrected' },
  'config.created': { pl: 'Dodano do konfiguracji', en: 'Added to the configuration' },
  'config.updated': { pl: 'Zmieniono konfigurację', en: 'Configuration changed' },
  'pipeline.started': { pl: 'Uruchomiono przeliczenie danych', en: 'Data refresh started' },
  'download.template': { pl: 'Pobrano szablon pliku', en: 'File template downloaded' },
  'export.indicators': { pl: 'Wyeksportowano wskaźniki', en: 'Indicators exported' },
  'export.indicator-sources': { pl: 'Wyeksportowano źródła wskaźnika', en: 'Indicator sources exported' },
  'export.lapsed': { pl: 'Wyeksportowano listę „kto nie wrócił”', en: '“Who has not come back” exported' },
  'export.summary-pdf': { pl: 'Pobrano podsumowanie PDF', en: 'PDF summary downloaded' },
  'export.audit': { pl: 'Wyeksportowano dziennik zmian', en: 'Audit trail exported' },
  'export.period-pdf': { pl: 'Pobrano sprawozdanie z okresu (PDF)', en: 'Period report downloaded (PDF)' },
  'export.period-xlsx': { pl: 'Pobrano sprawozdanie z okresu (XLSX)', en: 'Period report downloaded (XLSX)' },
  'period.created': { pl: 'Dodano okres sprawozdawczy', en: 'Reporting period added' },
  'period.updated': { pl: 'Zmieniono okres sprawozdawczy', en: 'Reporting period changed' },
  'period.deleted': { pl: 'Usunięto okres sprawozdawczy', en: 'Reporting period deleted' },
  'period.closed': { pl: 'Zamknięto okres (zamrożono wartości)', en: 'Period closed (figures frozen)' },
  'period.reopened': { pl: 'Otwarto ponownie okres', en: 'Period reopened' },
  'period.signed': { pl: 'Audytor ocenił okres', en: 'Period signed off by the auditor' },
  'period.restated': { pl: 'Przyjęto korektę okresu', en: 'Period restatement accepted' },
};

export const auditEntityWords: WordMap<string> = {
  user: { pl: 'konto', en: 'account' },
  importBatch: { pl: 'import pliku', en: 'file import' },
  activity: { pl: 'działanie', en: 'activity' },
  participant: { pl: 'uczestnik', en: 'participant' },
  indicator: { pl: 'wskaźnik', en: 'indicator' },
  community: { pl: 'społeczność', en: 'community' },
  activityType: { pl: 'rodzaj działania', en: 'activity type' },
  pipelineRun: { pl: 'przeliczenie danych', en: 'data refresh' },
  template: { pl: 'szablon pliku', en: 'file template' },
  export: { pl: 'eksport', en: 'export' },
  audit: { pl: 'dziennik zmian', en: 'audit trail' },
  period: { pl: 'okres sprawozdawczy', en: 'reporting period' },
};

/** An action in words; an action these words do not know yet as "other action (its code)". */
export function auditActionText(action: string, lang: Lang): string {
  const words = auditActionWords[action];
  return words ? words[lang] : `${lang === 'pl' ? 'inna czynność' : 'other action'} (${action})`;
}

export function auditEntityText(entity: string, lang: Lang): string {
  const words = auditEntityWords[entity];
  return words ? words[lang] : `${lang === 'pl' ? 'inny obiekt' : 'other record'} (${entity})`;
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
      before: { pl: 'Przed', en: 'Before' },
      after: { pl: 'Po', en: 'After' },
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
