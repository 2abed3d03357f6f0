// The dictionary. Polish is the source; English must have exactly the same keys (the type says so).
import type { Lang } from './format';

const pl = {
  'app.name': 'OSL Monitor',
  'app.skipToContent': 'Przejdź do treści',
  'app.timeZoneNote': 'Daty i godziny w strefie czasowej Europa/Warszawa.',

  'header.dataAsOf': 'dane z {date}',
  'header.noDataYet': 'dane nie zostały jeszcze wczytane',
  'header.demo': 'dane demonstracyjne',
  'header.lastRunFailed': 'ostatnie odświeżanie danych nie powiodło się',
  'header.language': 'Język',

  'overview.title': 'Przegląd',
  'overview.year': 'Rok',
  'overview.yearSwitch': 'Wybierz rok',
  'overview.period': 'Okres realizacji projektu: {start} – {end}',
  'overview.pageTitle': 'Przegląd wskaźników',

  'indicators.heading': 'Wskaźniki projektu – {year}',
  'indicators.headingNoYear': 'Wskaźniki projektu',
  'indicators.intro':
    'Wartości dla całego projektu oraz, mniejszym drukiem, w każdej społeczności (wartość / cel).',
  'indicators.caption': 'Wskaźniki projektu w roku {year}: wartość, cel, realizacja i status',
  'indicators.col.code': 'Kod',
  'indicators.col.indicator': 'Wskaźnik',
  'indicators.col.kind': 'Rodzaj',
  'indicators.col.unit': 'Jednostka',
  'indicators.col.value': 'Wartość',
  'indicators.col.target': 'Cel',
  'indicators.col.achievement': 'Realizacja',
  'indicators.col.status': 'Status',
  'indicators.col.communities': 'W społecznościach (wartość / cel)',
  'indicators.wholeProject': 'Cały projekt',
  'indicators.expected': 'oczekiwane na dziś: {value}',
  'indicators.valueOfTarget': '{value} z {target}',
  'indicators.empty': 'Brak skonfigurowanych wskaźników.',

  'kind.output': 'produkt',
  'kind.result': 'rezultat',
  'unit.persons': 'osoby',
  'unit.activities': 'działania',
  'unit.percent': '%',
  'indicator.cumulative': 'narastająco',
  'indicator.annual': 'w danym roku',

  'value.noData': 'brak danych',
  'value.noTarget': 'brak celu',

  'status.on_track': 'Zgodnie z planem',
  'status.at_risk': 'Zagrożony',
  'status.behind': 'Opóźniony',
  'status.no_data': 'Brak danych',
  'status.no_target': 'Brak celu',
  'status.not_started': 'Jeszcze nie rozpoczęty',

  'legend.heading': 'Jak wyznaczamy status',
  'legend.method':
    'Wartość porównujemy z wartością oczekiwaną na dziś. Dla lat zakończonych jest to cel roczny; w trwającym roku – część celu proporcjonalna do upływu roku (dla wskaźników narastających: od celu z poprzedniego roku, dla odsetków: cały cel).',
  'legend.on_track': 'co najmniej {onTrack} wartości oczekiwanej',
  'legend.at_risk': 'od {atRisk} do {onTrack}',
  'legend.behind': 'poniżej {atRisk}',
  'legend.noData': '„Brak danych” oznacza, że wartości jeszcze nie ma – to nie jest zero.',

  'communities.heading': 'Uczestnictwo w społecznościach',
  'communities.intro':
    'Obecności w każdym miesiącu, liczba osób objętych działaniami od początku projektu i ścieżka celu P1. Zaznaczony rok: {year}.',
  'community.kind.territorial': 'społeczność terytorialna',
  'community.kind.categorical': 'społeczność kategorialna',
  'community.kpi.activities': 'Działania w {year}',
  'community.kpi.attendances': 'Obecności w {year}',
  'community.kpi.reached': 'Osoby objęte do końca {year}',
  'community.kpi.target': 'cel: {target}',
  'community.noParticipation': 'Brak danych o uczestnictwie w tej społeczności.',

  'chart.attendances': 'Obecności w miesiącu',
  'chart.cumulative': 'Osoby objęte (narastająco)',
  'chart.targetPath': 'Ścieżka celu P1',
  'chart.axisAttendances': 'Obecności',
  'chart.axisPersons': 'Osoby',
  'chart.aria':
    'Wykres uczestnictwa – {community}: obecności w miesiącu, osoby objęte narastająco i ścieżka celu P1. Te same liczby są w tabeli danych poniżej.',
  'chart.dataTable': 'Tabela danych',
  'chart.dataTableCaption': 'Uczestnictwo w miesiącach – {community}',
  'chart.col.month': 'Miesiąc',
  'chart.col.activities': 'Działania',
  'chart.col.attendances': 'Obecności',
  'chart.col.cumulative': 'Osoby objęte (narastająco)',
  'chart.col.targetPath': 'Ścieżka celu P1',

  'auth.title': 'Logowanie',
  'auth.intro': 'Zaloguj się kontem nadanym przez administratora centrum.',
  'auth.email': 'Adres e-mail',
  'auth.password': 'Hasło',
  'auth.submit': 'Zaloguj się',
  'auth.submitting': 'Logowanie…',
  'auth.invalid': 'Nieprawidłowy adres e-mail lub hasło.',
  'auth.tooMany': 'Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za {minutes} min.',
  'auth.sessionEnded': 'Sesja wygasła. Zaloguj się ponownie.',
  'auth.failed': 'Logowanie nie powiodło się: {details}',
  'auth.demoNote': 'To instalacja demonstracyjna. Konta: {accounts}. Hasło podano przy uruchomieniu (OSL_DEMO_PASSWORD).',
  'auth.signOut': 'Wyloguj',
  'auth.signedInAs': 'Zalogowano: {name}',
  'auth.changeTitle': 'Ustaw własne hasło',
  'auth.changeIntro': 'Zalogowano hasłem jednorazowym. Ustaw własne hasło (co najmniej 10 znaków), aby przejść dalej.',
  'auth.currentPassword': 'Obecne hasło',
  'auth.newPassword': 'Nowe hasło',
  'auth.repeatPassword': 'Powtórz nowe hasło',
  'auth.passwordsDiffer': 'Nowe hasła się różnią.',
  'auth.changeSubmit': 'Zmień hasło',
  'auth.passwordRejected': 'Hasło nie zostało zmienione: {details}',
  'role.director': 'dyrektor',
  'role.organizer': 'organizator',
  'role.auditor': 'audytor',
  'role.admin': 'administrator',
  'value.suppressed': '<3',
  'value.suppressedHint': 'mniej niż 3 osoby – ukryte, by nie dało się rozpoznać uczestników',

  'state.loading': 'Wczytywanie danych…',
  'error.heading': 'Nie udało się pobrać danych z serwera.',
  'error.hint':
    'Spróbuj ponownie za chwilę. Jeśli błąd się powtarza, przekaż administratorowi poniższe szczegóły.',
  'error.details': 'Szczegóły: {details}',
  'error.network': 'brak połączenia z serwerem',
  'error.retry': 'Spróbuj ponownie',
  'error.partial': 'Nie udało się wczytać wykresu dla tej społeczności.'
} as const;

export type MessageKey = keyof typeof pl;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  'app.name': 'OSL Monitor',
  'app.skipToContent': 'Skip to content',
  'app.timeZoneNote': 'Dates and times in the Europe/Warsaw time zone.',

  'header.dataAsOf': 'data as of {date}',
  'header.noDataYet': 'no data loaded yet',
  'header.demo': 'demo data',
  'header.lastRunFailed': 'the last data refresh failed',
  'header.language': 'Language',

  'overview.title': 'Overview',
  'overview.year': 'Year',
  'overview.yearSwitch': 'Choose a year',
  'overview.period': 'Project period: {start} – {end}',
  'overview.pageTitle': 'Indicator overview',

  'indicators.heading': 'Project indicators – {year}',
  'indicators.headingNoYear': 'Project indicators',
  'indicators.intro':
    'Figures for the whole project and, in smaller print, for each community (value / target).',
  'indicators.caption': 'Project indicators in {year}: value, target, achievement and status',
  'indicators.col.code': 'Code',
  'indicators.col.indicator': 'Indicator',
  'indicators.col.kind': 'Kind',
  'indicators.col.unit': 'Unit',
  'indicators.col.value': 'Value',
  'indicators.col.target': 'Target',
  'indicators.col.achievement': 'Achievement',
  'indicators.col.status': 'Status',
  'indicators.col.communities': 'By community (value / target)',
  'indicators.wholeProject': 'Whole project',
  'indicators.expected': 'expected to date: {value}',
  'indicators.valueOfTarget': '{value} of {target}',
  'indicators.empty': 'No indicators are configured.',

  'kind.output': 'output',
  'kind.result': 'result',
  'unit.persons': 'persons',
  'unit.activities': 'activities',
  'unit.percent': '%',
  'indicator.cumulative': 'cumulative',
  'indicator.annual': 'per year',

  'value.noData': 'no data',
  'value.noTarget': 'no target',

  'status.on_track': 'On track',
  'status.at_risk': 'At risk',
  'status.behind': 'Behind',
  'status.no_data': 'No data',
  'status.no_target': 'No target',
  'status.not_started': 'Not started yet',

  'legend.heading': 'How the status is set',
  'legend.method':
    'The value is compared with the value expected to date. For a finished year that is the annual target; during the year it is the share of the target matching the share of the year elapsed (for cumulative indicators counted from the previous year’s target; for percentages, the whole target).',
  'legend.on_track': 'at least {onTrack} of the expected value',
  'legend.at_risk': '{atRisk} to {onTrack}',
  'legend.behind': 'below {atRisk}',
  'legend.noData': '“No data” means there is no value yet – it is not zero.',

  'communities.heading': 'Participation by community',
  'communities.intro':
    'Attendances per month, people reached since the project began, and the P1 target path. Highlighted year: {year}.',
  'community.kind.territorial': 'territorial community',
  'community.kind.categorical': 'categorical community',
  'community.kpi.activities': 'Activities in {year}',
  'community.kpi.attendances': 'Attendances in {year}',
  'community.kpi.reached': 'People reached by end of {year}',
  'community.kpi.target': 'target: {target}',
  'community.noParticipation': 'No participation data for this community.',

  'chart.attendances': 'Attendances per month',
  'chart.cumulative': 'People reached (cumulative)',
  'chart.targetPath': 'P1 target path',
  'chart.axisAttendances': 'Attendances',
  'chart.axisPersons': 'Persons',
  'chart.aria':
    'Participation chart – {community}: attendances per month, people reached (cumulative) and the P1 target path. The same figures are in the data table below.',
  'chart.dataTable': 'Data table',
  'chart.dataTableCaption': 'Participation by month – {community}',
  'chart.col.month': 'Month',
  'chart.col.activities': 'Activities',
  'chart.col.attendances': 'Attendances',
  'chart.col.cumulative': 'People reached (cumulative)',
  'chart.col.targetPath': 'P1 target path',

  'auth.title': 'Sign in',
  'auth.intro': 'Sign in with the account the centre’s administrator gave you.',
  'auth.email': 'E-mail address',
  'auth.password': 'Password',
  'auth.submit': 'Sign in',
  'auth.submitting': 'Signing in…',
  'auth.invalid': 'Wrong e-mail address or password.',
  'auth.tooMany': 'Too many failed sign-ins. Try again in {minutes} min.',
  'auth.sessionEnded': 'Your session has ended. Please sign in again.',
  'auth.failed': 'Sign-in failed: {details}',
  'auth.demoNote': 'This is a demo installation. Accounts: {accounts}. The password was printed at start (OSL_DEMO_PASSWORD).',
  'auth.signOut': 'Sign out',
  'auth.signedInAs': 'Signed in: {name}',
  'auth.changeTitle': 'Set your own password',
  'auth.changeIntro': 'You signed in with a one-time password. Set your own password (at least 10 characters) to continue.',
  'auth.currentPassword': 'Current password',
  'auth.newPassword': 'New password',
  'auth.repeatPassword': 'Repeat the new password',
  'auth.passwordsDiffer': 'The new passwords differ.',
  'auth.changeSubmit': 'Change password',
  'auth.passwordRejected': 'The password was not changed: {details}',
  'role.director': 'director',
  'role.organizer': 'organizer',
  'role.auditor': 'auditor',
  'role.admin': 'administrator',
  'value.suppressed': '<3',
  'value.suppressedHint': 'fewer than 3 persons – hidden so that participants cannot be identified',

  'state.loading': 'Loading data…',
  'error.heading': 'Could not load data from the server.',
  'error.hint':
    'Please try again in a moment. If the error persists, pass the details below to your administrator.',
  'error.details': 'Details: {details}',
  'error.network': 'no connection to the server',
  'error.retry': 'Try again',
  'error.partial': 'Could not load the chart for this community.'
};

export const MESSAGES: Record<Lang, Messages> = { pl, en };

export type MessageParams = Record<string, string | number>;

/** Looks a key up and fills `{name}` placeholders; an unknown placeholder is left as is. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = MESSAGES[lang][key] ?? MESSAGES.pl[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole
  );
}
