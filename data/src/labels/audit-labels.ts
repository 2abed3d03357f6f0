// Words for the audit trail's codes: what was done (actions), to what (entities), which field
// changed, and the few values recorded as codes. The trail's page and its CSV export both read
// them from here.
import { isRecord, labelOf, type Lang, type LabelMap } from './label-map.ts';

/** Every action the server records (audit-labels.spec.ts reads the backend for them). */
export const auditActions = [
  'auth.signed-in',
  'auth.signed-out',
  'auth.sign-in-failed',
  'auth.sign-in-blocked',
  'user.created',
  'user.updated',
  'user.role-changed',
  'user.disabled',
  'user.enabled',
  'user.password-reset',
  'user.password-changed',
  'import.imported',
  'import.rejected',
  'activity.updated',
  'attendance.replaced',
  'participant.updated',
  'config.created',
  'config.updated',
  'pipeline.started',
  'download.template',
  'export.indicators',
  'export.indicator-sources',
  'export.lapsed',
  'export.summary-pdf',
  'export.audit',
  'export.period-pdf',
  'export.period-xlsx',
  'period.created',
  'period.updated',
  'period.deleted',
  'period.closed',
  'period.signed',
  'period.reopened',
  'period.restated',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditActionLabels: LabelMap<AuditAction> = {
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
  'period.created': { pl: 'Dodano okres sprawozdawczy', en: 'Reporting period added' },
  'period.updated': { pl: 'Zmieniono okres sprawozdawczy', en: 'Reporting period changed' },
  'period.deleted': { pl: 'Usunięto okres sprawozdawczy', en: 'Reporting period deleted' },
  'period.closed': { pl: 'Zamknięto okres (wartości zamrożone)', en: 'Period closed (figures frozen)' },
  'period.signed': { pl: 'Audytor ocenił okres', en: 'Auditor’s verdict on a period' },
  'period.reopened': { pl: 'Otwarto ponownie okres', en: 'Period reopened' },
  'period.restated': { pl: 'Przyjęto korektę okresu (nowa wersja)', en: 'Period restated (new version)' },
  'export.audit': { pl: 'Wyeksportowano dziennik zmian', en: 'Audit trail exported' },
  'export.period-pdf': { pl: 'Pobrano sprawozdanie z okresu (PDF)', en: 'Period report downloaded (PDF)' },
  'export.period-xlsx': { pl: 'Pobrano sprawozdanie z okresu (XLSX)', en: 'Period report downloaded (XLSX)' },
};

/** What a change of an indicator's baselines or targets is called (recorded as config.updated). */
const targetsChanged = { pl: 'Zmieniono cele', en: 'Targets changed' } as const;

/** The action in words; a change of targets by its own name; an action of a newer server as "Other action". */
export function auditActionLabel(event: { action: string; entity: string; after?: unknown }, lang: Lang): string {
  if (event.action === 'config.updated' && event.entity === 'indicator' && isRecord(event.after) && ('targets' in event.after || 'baseline' in event.after)) {
    return targetsChanged[lang];
  }
  if (Object.hasOwn(auditActionLabels, event.action)) return auditActionLabels[event.action as AuditAction][lang];
  return lang === 'pl' ? 'Inna czynność' : 'Other action';
}

/** An action or a family of actions, as the filter names them. */
export function auditActionFilterLabel(value: string, lang: Lang): string {
  if (Object.hasOwn(auditActionFamilies, value)) return auditActionFamilies[value as keyof typeof auditActionFamilies][lang];
  return auditActionLabel({ action: value, entity: '' }, lang);
}

/** The actions as the filter offers them: families first ("every import"), then each one. */
export const auditActionFamilies: LabelMap<'auth' | 'user' | 'import' | 'config' | 'export' | 'period'> = {
  auth: { pl: 'Logowanie (wszystkie)', en: 'Sign-in (all)' },
  user: { pl: 'Konta (wszystkie zmiany)', en: 'Accounts (all changes)' },
  import: { pl: 'Importy plików (wszystkie)', en: 'File imports (all)' },
  config: { pl: 'Konfiguracja i cele (wszystkie)', en: 'Configuration and targets (all)' },
  export: { pl: 'Eksporty (wszystkie)', en: 'Exports (all)' },
  period: { pl: 'Okresy sprawozdawcze (wszystkie)', en: 'Reporting periods (all)' },
};

export const auditEntities = [
  'user',
  'importBatch',
  'activity',
  'participant',
  'indicator',
  'community',
  'activityType',
  'pipelineRun',
  'template',
  'export',
  'audit',
  'period',
] as const;
export type AuditEntity = (typeof auditEntities)[number];

export const auditEntityLabels: LabelMap<AuditEntity> = {
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

export function auditEntityLabel(entity: string, lang: Lang): string {
  return Object.hasOwn(auditEntityLabels, entity) ? auditEntityLabels[entity as AuditEntity][lang] : lang === 'pl' ? 'inny obiekt' : 'other record';
}

/** The fields the trail records in before/after, in words. */
export const auditFieldLabels: LabelMap<string> = {
  displayName: { pl: 'Nazwa', en: 'Name' },
  role: { pl: 'Rola', en: 'Role' },
  communities: { pl: 'Społeczności', en: 'Communities' },
  disabled: { pl: 'Wyłączone', en: 'Disabled' },
  reason: { pl: 'Powód', en: 'Reason' },
  count: { pl: 'Liczba prób', en: 'Attempts' },
  firstAt: { pl: 'Pierwsza próba', en: 'First attempt' },
  lastAt: { pl: 'Ostatnia próba', en: 'Last attempt' },
  file: { pl: 'Plik', en: 'File' },
  kind: { pl: 'Rodzaj', en: 'Kind' },
  errors: { pl: 'Błędy', en: 'Errors' },
  sha256: { pl: 'Suma kontrolna (SHA-256)', en: 'Checksum (SHA-256)' },
  created: { pl: 'Dodane wiersze', en: 'Rows added' },
  updated: { pl: 'Poprawione wiersze', en: 'Rows corrected' },
  unchanged: { pl: 'Wiersze bez zmian', en: 'Rows unchanged' },
  rows: { pl: 'Wiersze', en: 'Rows' },
  filter: { pl: 'Filtr', en: 'Filter' },
  format: { pl: 'Format', en: 'Format' },
  year: { pl: 'Rok', en: 'Year' },
  lang: { pl: 'Język', en: 'Language' },
  mode: { pl: 'Tryb', en: 'Mode' },
  date: { pl: 'Data', en: 'Date' },
  title: { pl: 'Tytuł', en: 'Title' },
  participants: { pl: 'Obecni (kody)', en: 'Present (codes)' },
  durationHours: { pl: 'Czas trwania (godz.)', en: 'Duration (hours)' },
  ledBy: { pl: 'Prowadzący', en: 'Led by' },
  location: { pl: 'Miejsce', en: 'Place' },
  headcountAnonymous: { pl: 'Osoby spoza listy', en: 'Unlisted persons' },
  residentInitiative: { pl: 'Inicjatywa mieszkańców', en: 'Residents’ initiative' },
  communityCode: { pl: 'Społeczność', en: 'Community' },
  typeCode: { pl: 'Rodzaj działania', en: 'Activity type' },
  gender: { pl: 'Płeć', en: 'Sex' },
  birthYear: { pl: 'Rok urodzenia', en: 'Year of birth' },
  joinedOn: { pl: 'Data przystąpienia', en: 'Joined on' },
  leader: { pl: 'Lider', en: 'Leader' },
  leaderSince: { pl: 'Lider od', en: 'Leader since' },
  firstName: { pl: 'Imię', en: 'First name' },
  lastName: { pl: 'Nazwisko', en: 'Last name' },
  nameKey: { pl: 'Klucz imienia i nazwiska', en: 'Name key' },
  homeCommunity: { pl: 'Społeczność macierzysta', en: 'Home community' },
  baseline: { pl: 'Wartość bazowa', en: 'Baseline' },
  targets: { pl: 'Cel', en: 'Target' },
  name: { pl: 'Nazwa', en: 'Name' },
  namePl: { pl: 'Nazwa polska', en: 'Polish name' },
  nameEn: { pl: 'Nazwa angielska', en: 'English name' },
  group: { pl: 'Grupa', en: 'Group' },
  unit: { pl: 'Jednostka', en: 'Unit' },
  cumulative: { pl: 'Narastająco', en: 'Cumulative' },
  computation: { pl: 'Sposób obliczania', en: 'Computation' },
  survey: { pl: 'Ankieta', en: 'Survey' },
  question: { pl: 'Pytanie', en: 'Question' },
  minValue: { pl: 'Najniższa liczona odpowiedź', en: 'Lowest answer counted' },
  minAttendances: { pl: 'Najmniej obecności', en: 'Fewest attendances' },
  decimals: { pl: 'Miejsca po przecinku', en: 'Decimal places' },
  types: { pl: 'Rodzaje działań', en: 'Activity types' },
  groups: { pl: 'Grupy działań', en: 'Activity groups' },
  // The audit trail's own filter, recorded with its export.
  from: { pl: 'od dnia', en: 'from' },
  to: { pl: 'do dnia', en: 'to' },
  actor: { pl: 'osoba', en: 'person' },
  action: { pl: 'czynność', en: 'action' },
  entity: { pl: 'czego dotyczy', en: 'concerning' },
  entityId: { pl: 'rekord', en: 'record' },
  // Reporting periods: their closing, verdicts and restatements.
  version: { pl: 'Wersja', en: 'Version' },
  dataVersion: { pl: 'Wersja danych (ostatni import)', en: 'Data version (last import)' },
  asOf: { pl: 'Stan na dzień', en: 'As of' },
  fingerprint: { pl: 'Odcisk danych (SHA-256)', en: 'Fingerprint (SHA-256)' },
  verdict: { pl: 'Ocena', en: 'Verdict' },
  remarks: { pl: 'Uwagi', en: 'Remarks' },
  note: { pl: 'Uwaga', en: 'Note' },
};

export function auditFieldLabel(field: string, lang: Lang): string {
  return labelOf(auditFieldLabels, field, lang);
}

/** Values recorded as words of the server (reasons of a refused sign-in, of a disabled account). */
export const auditReasonLabels: LabelMap<string> = {
  'unknown account': { pl: 'nieznane konto', en: 'unknown account' },
  'account disabled': { pl: 'konto wyłączone', en: 'account disabled' },
  'wrong password': { pl: 'złe hasło', en: 'wrong password' },
  'real data imported': { pl: 'zaimportowano prawdziwe dane', en: 'real data imported' },
};

/** Who acted when it was not a signed-in person (an e-mail address is shown as it is). */
export const auditActorLabels: LabelMap<'system' | 'anonymous' | 'demo' | 'inbox' | 'server'> = {
  system: { pl: 'system (automatycznie)', en: 'system (automatic)' },
  anonymous: { pl: 'nieznana osoba', en: 'unknown person' },
  demo: { pl: 'dane demonstracyjne', en: 'demo data' },
  inbox: { pl: 'folder importu', en: 'import folder' },
  server: { pl: 'serwer', en: 'server' },
};

export function auditActorLabel(actor: string, lang: Lang): string {
  return labelOf(auditActorLabels, actor, lang);
}
