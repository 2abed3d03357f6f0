import { importMessages } from '../import/import.messages.ts';
import { periodMessages } from '../periods/periods.messages.ts';
import { recordingMessages } from '../recording/recording.messages.ts';
import { indicatorForecastMessages } from '../services/indicator-forecast.messages.ts';
import { indicatorTraceMessages } from '../services/indicator-trace.messages.ts';
import { fillTemplate, type Lang, type MessageParams } from './message-template.ts';

export type { Lang, MessageParams };

/**
 * Every message the server shows outside import reports, in Polish and in English. Keys are
 * `area.what`; placeholders are `{name}`. Import reports keep their own keys (import.messages.ts),
 * which are part of the same catalogue (`messageCatalogue` below).
 */
export const serverMessages = {
  // ------------------------------------------------------------ HTTP, whatever the route
  'http.bad_request': { pl: 'Nie udało się odczytać żądania.', en: 'The request could not be read.' },
  'http.forbidden': { pl: 'Nie masz uprawnień do tej operacji.', en: 'You may not do this.' },
  'http.not_found': { pl: 'Nie znaleziono.', en: 'Not found.' },
  'http.route_not_found': { pl: 'Nie ma takiego adresu API: {method} {path}.', en: 'There is no API route {method} {path}.' },
  'http.method_not_allowed': { pl: 'Ta metoda nie jest dozwolona pod tym adresem.', en: 'This method is not allowed here.' },
  'http.conflict': { pl: 'Żądanie jest sprzeczne z bieżącym stanem danych.', en: 'The request conflicts with the current state.' },
  'http.payload_too_large': { pl: 'Żądanie jest za duże.', en: 'The request is too large.' },
  'http.body_too_large': { pl: 'Treść żądania przekracza {limit}.', en: 'The request body is over {limit}.' },
  'http.body_not_json': { pl: 'Treść żądania nie jest poprawnym JSON-em.', en: 'The request body is not valid JSON.' },
  'http.unsupported_media_type': {
    pl: 'Wyślij dane jako JSON (Content-Type: application/json) albo pliki jako multipart/form-data do /api/imports.',
    en: 'Send JSON (Content-Type: application/json), or multipart/form-data to /api/imports.',
  },
  'http.unprocessable': { pl: 'Nie da się przetworzyć wysłanych danych.', en: 'The data sent cannot be processed.' },
  'http.too_many_requests': { pl: 'Za dużo żądań; spróbuj ponownie za chwilę.', en: 'Too many requests; try again in a moment.' },
  'http.unavailable': {
    pl: 'Serwer chwilowo nie może odpowiedzieć; spróbuj ponownie za chwilę.',
    en: 'The server cannot answer right now; try again in a moment.',
  },
  'http.internal': { pl: 'Wewnętrzny błąd serwera.', en: 'Internal server error' },
  'http.error': { pl: 'Żądanie nie powiodło się (HTTP {status}).', en: 'The request failed (HTTP {status}).' },
  'request.json_object': { pl: 'Wyślij obiekt JSON.', en: 'Send a JSON object.' },
  'database.busy': {
    pl: 'baza danych jest zajęta: trwa inny import lub przebieg; spróbuj ponownie za chwilę',
    en: 'the database is busy: another import or run is writing; try again in a moment',
  },

  // ------------------------------------------------------------ validation of parameters (zod)
  'validation.field': { pl: '{field}: {problem}', en: '{field}: {problem}' },
  'validation.root': { pl: 'treść żądania', en: 'request body' },
  'validation.required': { pl: 'pole jest wymagane', en: 'is required' },
  'validation.invalid_type': { pl: 'oczekiwano: {expected}', en: 'expected {expected}' },
  'validation.type.string': { pl: 'tekst', en: 'text' },
  'validation.type.number': { pl: 'liczba', en: 'a number' },
  'validation.type.int': { pl: 'liczba całkowita', en: 'a whole number' },
  'validation.type.boolean': { pl: 'prawda albo fałsz', en: 'true or false' },
  'validation.type.object': { pl: 'obiekt', en: 'an object' },
  'validation.type.array': { pl: 'lista', en: 'a list' },
  'validation.type.date': { pl: 'data', en: 'a date' },
  'validation.too_small.string': { pl: 'musi mieć co najmniej {minimum} znaków', en: 'must have at least {minimum} characters' },
  'validation.too_small.array': { pl: 'musi mieć co najmniej {minimum} elementów', en: 'must have at least {minimum} items' },
  'validation.too_small.number': { pl: 'musi być {relation} {minimum}', en: 'must be {relation} {minimum}' },
  'validation.too_big.string': { pl: 'może mieć najwyżej {maximum} znaków', en: 'must have at most {maximum} characters' },
  'validation.too_big.array': { pl: 'może mieć najwyżej {maximum} elementów', en: 'must have at most {maximum} items' },
  'validation.too_big.number': { pl: 'musi być {relation} {maximum}', en: 'must be {relation} {maximum}' },
  'validation.invalid_format': { pl: 'ma niewłaściwy format ({format})', en: 'has the wrong format ({format})' },
  'validation.invalid_value': { pl: 'musi mieć jedną z wartości: {values}', en: 'must be one of {values}' },
  'validation.unrecognized_keys': { pl: 'nieznane pola: {keys}', en: 'unknown fields: {keys}' },
  'validation.not_multiple_of': { pl: 'musi być wielokrotnością {divisor}', en: 'must be a multiple of {divisor}' },
  'validation.invalid': { pl: 'ma niepoprawną wartość', en: 'is not valid' },
  'validation.single_value': { pl: 'przyjmuje jedną wartość', en: 'takes a single value' },

  // ------------------------------------------------------------ filters of the read routes
  'filter.single_value': { pl: 'Każdy filtr przyjmuje jedną wartość.', en: 'each filter takes a single value' },
  'filter.year': {
    pl: 'Rok (year) musi być jednym z: {allowed} albo to-date (podano „{value}”).',
    en: 'year must be one of {allowed} or to-date (got "{value}")',
  },
  'filter.community': {
    pl: 'Społeczność (community) musi być jedną z: {allowed} (podano „{value}”).',
    en: 'community must be one of {allowed} (got "{value}")',
  },
  'filter.alert_status': { pl: 'Status musi mieć wartość active, ended albo all.', en: 'status must be active, ended or all' },
  'filter.date': { pl: 'Parametr {name} musi być datą w formacie RRRR-MM-DD.', en: '{name} must be a date YYYY-MM-DD' },
  'filter.from_after_to': { pl: 'Data „from” nie może być późniejsza niż „to”.', en: 'from must not be after to' },
  'filter.whole_number': { pl: 'Parametr {name} musi być liczbą całkowitą od {min} do {max}.', en: '{name} must be a whole number from {min} to {max}' },
  'filter.text_value': {
    pl: 'Parametr {name} musi być jedną wartością tekstową o długości najwyżej {max} znaków.',
    en: '{name} must be one text value of at most {max} characters',
  },
  'filter.date_or_datetime': {
    pl: 'Parametr {name} musi być datą (RRRR-MM-DD) albo datą i godziną ISO.',
    en: '{name} must be a date (YYYY-MM-DD) or an ISO date-time',
  },
  'filter.export_format': { pl: 'Format musi mieć wartość xlsx, csv albo pdf.', en: 'format must be xlsx, csv or pdf' },
  'filter.audit_format': { pl: 'Format musi mieć wartość json albo csv.', en: 'format must be json or csv' },
  'filter.lang': { pl: 'Język (lang) musi mieć wartość pl albo en.', en: 'lang must be pl or en' },

  // ------------------------------------------------------------ metrics queries
  'metrics.list_once': {
    pl: 'Parametr {name} podaje się raz, jako listę wartości rozdzielonych przecinkami.',
    en: '{name} must be given once, as a comma-separated list',
  },
  'metrics.list_too_long': { pl: 'Parametr {name} przyjmuje najwyżej {max} wartości.', en: '{name} takes at most {max} values' },
  'metrics.measures_required': {
    pl: 'Parametr measures jest wymagany: co najmniej jedna z miar {allowed}.',
    en: 'measures is required: one or more of {allowed}',
  },
  'metrics.unknown_measure': { pl: 'Nieznana miara „{value}”; dostępne: {allowed}.', en: 'unknown measure "{value}"; use {allowed}' },
  'metrics.grain': { pl: 'Parametr grain musi mieć jedną z wartości: {allowed}.', en: 'grain must be one of {allowed}' },
  'metrics.unknown_dimension': { pl: 'Nieznany wymiar „{value}”; dostępne: {allowed}.', en: 'unknown dimension "{value}"; use {allowed}' },
  'metrics.group_and_type': {
    pl: 'Wymiary group i type wykluczają się (typ działania należy do jednej grupy).',
    en: 'dimensions group and type exclude each other (a type belongs to one group)',
  },
  'metrics.unknown_community': { pl: 'Nieznana społeczność „{value}”; dostępne: {allowed}.', en: 'unknown community "{value}"; use {allowed}' },
  'metrics.communities_need_dimension': {
    pl: 'Kilka społeczności wymaga wymiaru community (osób nie sumuje się między społecznościami).',
    en: 'several communities need the community dimension (distinct persons do not add up across communities)',
  },
  'metrics.unknown_group': { pl: 'Nieznana grupa działań „{value}”; dostępne: {allowed}.', en: 'unknown group "{value}"; use {allowed}' },
  'metrics.groups_need_dimension': { pl: 'Filtr groups wymaga wymiaru group albo type.', en: 'groups needs the group or the type dimension' },
  'metrics.auditor_view': {
    pl: 'W widoku audytora liczby osób podaje się w miesiącach lub latach, dla społeczności albo całego projektu; w tygodniach, kwartałach i według rodzaju działań tylko liczbę działań.',
    en: 'in the auditor’s view, figures of persons are given by month or year, per community or for the whole project; by week, quarter or kind of activity only the number of activities',
  },

  // ------------------------------------------------------------ communities, indicators, targets
  'community.unknown': { pl: 'Nieznana społeczność „{code}”; dostępne: {allowed}.', en: 'Unknown community "{code}"; use one of {allowed}' },
  'community.unknown_or_all': {
    pl: 'Nieznana społeczność „{code}”; dostępne: ALL albo {allowed}.',
    en: 'Unknown community "{code}"; use ALL or one of {allowed}',
  },
  'participant.unknown': {
    pl: 'W społeczności {community} nie ma uczestnika o kodzie „{code}” (ani w rejestrze, ani na listach obecności). Sprawdź kod.',
    en: 'Community {community} has no participant with the code "{code}" (neither in its register nor on its attendance lists); check the code',
  },
  'indicator.unknown': { pl: 'Nieznany wskaźnik „{code}”; dostępne: {allowed}.', en: 'Unknown indicator "{code}"; use one of {allowed}' },
  'targets.body_object': { pl: 'Wyślij obiekt JSON z polami baseline i/lub targets.', en: 'Send a JSON object with baseline and/or targets.' },
  'targets.nothing_sent': { pl: 'Wyślij wartości bazowe (baseline) i/lub cele (targets).', en: 'send baseline and/or targets' },
  'targets.not_number': { pl: '{where} musi być liczbą nie mniejszą niż 0.', en: '{where} must be a number ≥ 0' },
  'targets.percent_max': { pl: '{where} to odsetek: najwyżej 100.', en: '{where} is a percentage: at most 100' },
  'targets.whole_number': { pl: '{where} musi być liczbą całkowitą (to liczba {unit}).', en: '{where} counts {unit}: a whole number' },
  'targets.not_object': { pl: '{where} muszą być obiektem JSON.', en: '{where} must be an object' },
  'targets.unknown_scope': { pl: '{where}: nieznany zakres „{scope}”; dostępne: {allowed}.', en: '{where}: unknown scope "{scope}"; use {allowed}' },
  'targets.year': { pl: '{where}: rok musi być jednym z: {allowed}.', en: '{where}: year must be one of {allowed}' },
  // What `{where}` names: the field of the body, in words.
  'targets.where.baselines': { pl: 'Wartości bazowe', en: 'The baselines' },
  'targets.where.targets': { pl: 'Cele', en: 'The targets' },
  'targets.where.baseline': { pl: 'Wartość bazowa ({scope})', en: 'The baseline ({scope})' },
  'targets.where.targets_of': { pl: 'Cele ({scope})', en: 'The targets ({scope})' },
  'targets.where.target': { pl: 'Cel na rok {year} ({scope})', en: 'The {year} target ({scope})' },
  'targets.scope_all': { pl: 'cały projekt', en: 'the whole project' },
  'targets.unit.persons': { pl: 'osób', en: 'persons' },
  'targets.unit.activities': { pl: 'działań', en: 'activities' },

  // ------------------------------------------------------------ sign-in, sessions, access
  'auth.sign_in_body': { pl: 'Wyślij {"email": "...", "password": "..."} jako JSON.', en: 'Send {"email": "...", "password": "..."} as JSON.' },
  'auth.password_body': {
    pl: 'Wyślij {"currentPassword": "...", "newPassword": "..."} jako JSON.',
    en: 'Send {"currentPassword": "...", "newPassword": "..."} as JSON.',
  },
  'auth.invalid_credentials': { pl: 'Nieprawidłowy e-mail lub hasło.', en: 'Wrong e-mail or password.' },
  'auth.too_many_attempts': {
    pl: 'Zbyt wiele nieudanych logowań; spróbuj ponownie za {minutes} min.',
    en: 'Too many failed sign-ins; try again in {minutes} min.',
  },
  'auth.sign_in_busy': {
    pl: 'Serwer sprawdza teraz inne logowania; spróbuj ponownie za chwilę.',
    en: 'The server is busy checking other sign-ins; try again in a moment.',
  },
  'auth.password_check_busy': {
    pl: 'Serwer sprawdza teraz inne hasła; spróbuj ponownie za chwilę.',
    en: 'The server is busy checking passwords; try again in a moment.',
  },
  'auth.current_password_wrong': { pl: 'Obecne hasło jest nieprawidłowe.', en: 'The current password is wrong.' },
  'auth.new_password_same': { pl: 'Nowe hasło musi się różnić od obecnego.', en: 'The new password must differ from the current one.' },
  'auth.sign_in_first': { pl: 'Najpierw się zaloguj.', en: 'Sign in first.' },
  'auth.csrf': { pl: 'Brak nagłówka X-CSRF-Token albo jest nieprawidłowy.', en: 'Missing or wrong X-CSRF-Token header.' },
  'auth.password_change_required': {
    pl: 'Najpierw zmień hasło jednorazowe (POST /api/auth/password).',
    en: 'Change the one-time password first (POST /api/auth/password).',
  },
  'auth.no_access_rule': { pl: 'Brak reguły dostępu dla {route}.', en: 'No access rule for {route}' },
  'auth.role_forbidden': { pl: 'Rola „{role}” nie ma do tego uprawnień.', en: 'The role "{role}" may not do this.' },
  'auth.community_forbidden': { pl: 'Społeczność {community} nie jest przypisana do Twojego konta.', en: 'Community {community} is not assigned to you.' },
  'password.not_string': { pl: 'Hasło musi być tekstem.', en: 'password must be a string' },
  'password.too_short': { pl: 'Hasło musi mieć co najmniej {min} znaków.', en: 'password must have at least {min} characters' },
  'password.too_long': { pl: 'Hasło może mieć najwyżej {max} znaków.', en: 'password must have at most {max} characters' },
  'password.repeated': { pl: 'Hasło nie może składać się z jednego powtórzonego znaku.', en: 'password must not be one repeated character' },

  // ------------------------------------------------------------ accounts
  'users.id_number': { pl: 'Identyfikator konta musi być liczbą.', en: 'the account id must be a number' },
  'users.email_invalid': { pl: 'Pole email musi zawierać adres e-mail.', en: 'email must be an e-mail address' },
  'users.exists': { pl: 'Konto {email} już istnieje.', en: 'an account for {email} exists' },
  'users.not_found_email': { pl: 'Nie ma konta {email}.', en: 'no account for {email}' },
  'users.not_found_id': { pl: 'Nie ma konta nr {id}.', en: 'no account #{id}' },
  'users.cannot_create': { pl: 'Rola „{manager}” nie może tworzyć kont z rolą „{role}”.', en: 'a {manager} cannot create a {role} account' },
  'users.cannot_change': { pl: 'Rola „{manager}” nie może zmieniać kont z rolą „{role}”.', en: 'a {manager} cannot change a {role} account' },
  'users.cannot_give_role': { pl: 'Rola „{manager}” nie może nadać roli „{role}”.', en: 'a {manager} cannot give the role {role}' },
  'users.cannot_reset': { pl: 'Rola „{manager}” nie może resetować haseł kont z rolą „{role}”.', en: 'a {manager} cannot reset a {role} account' },
  // Roles in words, for the messages above (lib/role-words.ts).
  'role.director': { pl: 'dyrektor', en: 'director' },
  'role.organizer': { pl: 'organizator', en: 'organizer' },
  'role.auditor': { pl: 'audytor', en: 'auditor' },
  'role.admin': { pl: 'administrator', en: 'administrator' },
  'users.own_account': {
    pl: 'Nie możesz zmienić własnej roli, społeczności ani stanu konta; poproś innego administratora.',
    en: 'you cannot change your own role, communities or state; ask another administrator',
  },
  'users.own_password_reset': {
    pl: 'Nie możesz zresetować własnego hasła; zmień je, podając obecne.',
    en: 'you cannot reset your own password; change it with your current password',
  },
  'users.disabled_boolean': { pl: 'Pole disabled musi mieć wartość true albo false.', en: 'disabled must be true or false' },
  'users.role_invalid': { pl: 'Rola musi być jedną z: {allowed}.', en: 'role must be one of {allowed}' },
  'users.communities_list': { pl: 'Pole communities musi być listą kodów społeczności.', en: 'communities must be a list of community codes' },
  'users.communities_unknown': { pl: 'Nieznana społeczność {unknown}; dostępne: {known}.', en: 'unknown community {unknown}; known: {known}' },
  'users.organizer_needs_community': { pl: 'Organizator musi mieć przypisaną co najmniej jedną społeczność.', en: 'an organizer needs at least one community' },
  'users.display_name': { pl: 'Pole displayName musi być tekstem o długości najwyżej 120 znaków.', en: 'displayName must be text of at most 120 characters' },

  // ------------------------------------------------------------ imports (requests; the reports' own messages are in import.messages.ts)
  'imports.no_files': { pl: 'Wyślij pliki jako multipart/form-data w polu „files”.', en: 'Send the files as multipart/form-data in the field "files".' },
  'imports.kind': { pl: 'Rodzaj pliku (kind) musi być jednym z: {allowed}.', en: 'kind must be one of {allowed}' },
  'imports.job_not_found': { pl: 'Nie ma zadania importu „{id}”.', en: 'No import job "{id}"' },
  'imports.template_not_found': { pl: 'Nie ma szablonu „{kind}”; dostępne: {allowed}.', en: 'No template "{kind}"; use one of {allowed}' },
  'imports.unknown_survey': { pl: 'Nieznana ankieta „{code}”; dostępne: {allowed}.', en: 'Unknown survey "{code}"; use one of {allowed}' },
  'imports.file_too_large': {
    pl: 'Jeden z plików przekracza dopuszczalny rozmiar pliku. Podziel dane na mniejsze pliki.',
    en: 'One of the files is over the file size limit. Split the data into smaller files.',
  },
  'imports.files_rejected': { pl: 'Część plików odrzucono.', en: 'Some files were rejected' },
  'imports.too_many_files': {
    pl: 'Za dużo plików w jednym wysłaniu; wyślij je w kilku częściach.',
    en: 'Too many files in one upload; send them in several parts.',
  },
  'demo.refused': {
    pl: 'Baza danych zawiera już zapisane dane; dane demonstracyjne wczytuje się tylko do pustej instalacji.',
    en: 'The database already holds recorded data; demo data is loaded only into an empty installation.',
  },

  // ------------------------------------------------------------ pipeline runs
  'pipeline.mode': { pl: 'Tryb (mode) musi mieć wartość "incremental" albo "full".', en: 'mode must be "incremental" or "full"' },
  'pipeline.busy': {
    pl: 'Trwa już przeliczanie danych (przebieg nr {runId}, rozpoczęty {since}). Poczekaj, aż się zakończy, i spróbuj ponownie.',
    en: 'The data are already being refreshed (run #{runId}, started {since}). Wait until it ends and try again.',
  },
  'pipeline.mode.full': { pl: 'pełny', en: 'full' },
  'pipeline.mode.incremental': { pl: 'przyrostowy', en: 'incremental' },
  // What a run's step did (pipelines/src/steps/step-labels.ts), as the run list shows it.
  'pipeline.step.extract_full': { pl: 'odczyt danych z bazy', en: 'read operational data' },
  'pipeline.step.extract_changes': { pl: 'odczyt zmian od importu nr {batch}', en: 'read changes after import #{batch}' },
  'pipeline.step.dimensions': { pl: 'słowniki: społeczności i rodzaje działań', en: 'dimensions: communities and kinds of activity' },
  'pipeline.step.facts': { pl: 'działania i obecności', en: 'activities and attendances' },
  'pipeline.step.participation_full': { pl: 'uczestnictwo w tygodniach, miesiącach, kwartałach i latach', en: 'participation by week, month, quarter, year' },
  'pipeline.step.participation_added': { pl: 'uczestnictwo: dopisanie nowych wierszy', en: 'participation: what the added rows add' },
  'pipeline.step.participation_corrected': { pl: 'uczestnictwo w poprawionych okresach', en: 'participation of the corrected periods' },
  'pipeline.step.participation_month': { pl: 'uczestnictwo w miesiącach', en: 'participation by month' },
  'pipeline.step.survey_aggregates': { pl: 'wyniki ankiet', en: 'survey aggregates' },
  'pipeline.step.participant_profile': { pl: 'uczestnicy według płci i wieku', en: 'participants by gender and age' },
  'pipeline.step.indicators': { pl: 'wskaźniki', en: 'indicators' },
  'pipeline.step.decline': { pl: 'wykrywanie spadków uczestnictwa', en: 'decline detection' },
  'pipeline.step.lapsing': { pl: 'stali uczestnicy, którzy przestają przychodzić', en: 'lapsing regulars' },
  'pipeline.full_rebuild': { pl: 'pełna przebudowa zamiast przyrostowej: {reason}', en: 'full rebuild instead of incremental: {reason}' },
  'pipeline.reason.nothing_published': { pl: 'nic jeszcze nie opublikowano', en: 'nothing published yet' },
  'pipeline.reason.unreadable': { pl: 'nie da się odczytać opublikowanego stanu ({detail})', en: 'the published state cannot be read ({detail})' },
  'pipeline.reason.layout_changed': { pl: 'ta wersja ma inny układ tabel analitycznych', en: 'the analytics layout of this version differs' },
  'pipeline.reason.config_changed': { pl: 'zmieniła się konfiguracja', en: 'the configuration changed' },
  'pipeline.reason.decline_method_changed': { pl: 'zmieniła się metoda wykrywania spadków', en: 'the decline method changed' },
  'pipeline.reason.facts_mismatch': { pl: 'stan przyrostowy nie zgadza się z bazą operacyjną ({detail})', en: 'incremental state does not match ({detail})' },
  'schedule.in_progress': { pl: 'przebieg nr {runId}, rozpoczęty {since}', en: 'run #{runId}, started {since}' },
  'schedule.in_progress_mode': { pl: 'przebieg nr {runId} ({mode}), rozpoczęty {since}', en: 'run #{runId} ({mode}), started {since}' },
  'schedule.coalesced': { pl: 'Dołączony do trwającego przebiegu: {inProgress}.', en: 'Coalesced into the run in progress: {inProgress}.' },
  'schedule.deferred': {
    pl: 'Odłożony: przebieg {mode} zlecono w trakcie innego – {inProgress}; {next}.',
    en: 'Deferred: a {mode} run was asked while another was under way – {inProgress}; {next}.',
  },
  'schedule.not_started': { pl: 'Nie udało się uruchomić: {cause}; {next}.', en: 'Could not start: {cause}; {next}.' },
  'schedule.joins_retry': { pl: 'dołącza do ponowienia zaplanowanego na {at} (przebieg {mode})', en: 'joins the {mode} retry already due at {at}' },
  'schedule.no_more_retries': {
    pl: 'bez ponowienia po {max} próbach: następny będzie przebieg z harmonogramu',
    en: "not tried again after {max} retries: the schedule's next run follows",
  },
  'schedule.retry_at': { pl: 'ponowienie {retry} z {max}: {at}', en: 'retry {retry} of {max} at {at}' },
  'pipeline.abandoned_lease': {
    pl: 'porzucony: proces się zatrzymał (jego dzierżawa wygasła {at})',
    en: 'abandoned: the process stopped (its lease ran out at {at})',
  },
  'pipeline.abandoned_gone': { pl: 'porzucony: proces się zatrzymał (stwierdzono {at})', en: 'abandoned: the process stopped (found gone at {at})' },
  'pipeline.abandoned_ended': { pl: 'porzucony: proces zakończył się w trakcie przebiegu', en: 'abandoned: the process ended during the run' },
  'pipeline.import_run_not_started': {
    pl: 'przeliczenie po imporcie nie ruszyło: {cause}; dane z pliku pokaże następne przeliczenie z harmonogramu',
    en: "the run after an import could not start: {cause}; the schedule's next run shows the file's data",
  },

  // ------------------------------------------------------------ analytics, PDF
  'analytics.unavailable': {
    pl: 'Dane analityczne są niedostępne: nie da się odczytać pliku {file} ({reason}). Następny przebieg przetwarzania odbuduje go z bazy operacyjnej.',
    en: 'Analytics are unavailable: the analytics file {file} cannot be read ({reason}). The next pipeline run rebuilds it from the operational database.',
  },
  'pdf.queue_full': {
    pl: 'Serwer drukuje teraz inne pliki PDF; spróbuj ponownie za chwilę.',
    en: 'The server is busy printing other PDFs; try again in a moment.',
  },
  'pdf.shutting_down': { pl: 'Serwer się zatrzymuje; spróbuj ponownie za chwilę.', en: 'The server is shutting down; try again in a moment.' },
  'pdf.no_chromium': {
    pl: 'PDF powstaje w przeglądarce Chromium, której nie ma w {path} (zainstaluj ją: apt-get install chromium, albo ustaw CHROMIUM_PATH). Tymczasem użyj w przeglądarce „Drukuj” i „Zapisz jako PDF”.',
    en: 'The PDF is rendered with Chromium, not found at {path} (install it: apt-get install chromium, or set CHROMIUM_PATH). Meanwhile, use "Print" and "Save as PDF" in the browser.',
  },
  'pdf.no_dashboard': {
    pl: 'PDF drukuje się z panelu, którego ten serwer nie udostępnia (uruchom "npm run build").',
    en: 'The PDF is printed from the dashboard, which this server does not serve (run "npm run build").',
  },
} as const satisfies Record<string, { pl: string; en: string }>;

/** The one catalogue: the server's messages and the importer's. */
export const messageCatalogue = {
  ...importMessages,
  ...serverMessages,
  ...recordingMessages,
  ...periodMessages,
  ...indicatorTraceMessages,
  ...indicatorForecastMessages,
} as const;

export type ServerMessageKey = keyof typeof serverMessages;
export type MessageKey = keyof typeof messageCatalogue;

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(messageCatalogue, value);
}

/** The message for `key` in `lang`, its `{name}` placeholders filled from `params`. */
export function formatMessage(key: MessageKey, lang: Lang, params: MessageParams = {}): string {
  return fillTemplate(messageCatalogue[key][lang], lang, params);
}

/**
 * A message kept for later (a pipeline run's note in the database), or given with an error: its key
 * and parameters, rendered in the reader's language when it is read. A parameter may itself be a
 * message (a code worded: a role, a mode), or a moment in time.
 */
export interface MessageRef {
  key: MessageKey;
  params?: Readonly<Record<string, MessageParam>>;
}

/** A moment (an ISO instant), written as the reader's calendar and clock show it: `07.12.2026, 12:14`. */
export interface InstantParam {
  instant: string;
}

export type MessageParam = string | number | MessageRef | InstantParam;

/** Times are shown in the project's zone, as the dashboard shows them (en-GB: day first, 24-hour clock). */
const instantFormats: Record<Lang, Intl.DateTimeFormat> = {
  pl: new Intl.DateTimeFormat('pl-PL', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Warsaw' }),
  en: new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Warsaw' }),
};

export function formatInstant(iso: string, lang: Lang): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : instantFormats[lang].format(date);
}

/** A message's parameters as text in `lang`: nested messages worded, moments formatted. */
export function renderParams(params: Readonly<Record<string, MessageParam>>, lang: Lang): Record<string, string | number> {
  const rendered: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    rendered[name] = typeof value !== 'object' ? value : 'instant' in value ? formatInstant(value.instant, lang) : renderMessageRef(value, lang);
  }
  return rendered;
}

export function renderMessageRef(ref: MessageRef, lang: Lang): string {
  return formatMessage(ref.key, lang, renderParams(ref.params ?? {}, lang));
}

/** How a message is stored in a text column: JSON of its reference. */
export function storeMessage(ref: MessageRef): string {
  return JSON.stringify(ref);
}

/**
 * A stored text in `lang`: a stored message reference rendered, anything else (text written
 * before messages were stored by key, or a system's own words such as a DuckDB error) as it is.
 */
export function renderStoredText(text: string | null, lang: Lang): string | null {
  if (text === null || !text.startsWith('{"key":')) return text;
  try {
    const ref = JSON.parse(text) as MessageRef;
    return isValidRef(ref) ? renderMessageRef(ref, lang) : text;
  } catch {
    return text;
  }
}

function isValidRef(ref: unknown): ref is MessageRef {
  if (typeof ref !== 'object' || ref === null || !isMessageKey((ref as MessageRef).key)) return false;
  const params = (ref as MessageRef).params;
  if (params === undefined) return true;
  if (typeof params !== 'object' || params === null) return false;
  return Object.values(params).every((v) => typeof v === 'string' || typeof v === 'number' || isInstant(v) || isValidRef(v));
}

function isInstant(value: unknown): value is InstantParam {
  return typeof value === 'object' && value !== null && typeof (value as InstantParam).instant === 'string' && Object.keys(value).length === 1;
}
