import { fillTemplate, type MessageParams } from '../lib/message-template.ts';
import type { Lang } from './import.types.ts';

/**
 * Every message the importer shows, in plain Polish and in English. The key is also the issue's
 * `code`. Placeholders are `{name}`. Messages never repeat the row or column: the issue carries them.
 */
export const importMessages = {
  // ------------------------------------------------------------ whole file rejected
  file_empty: {
    pl: 'Plik jest pusty.',
    en: 'The file is empty.',
  },
  file_too_large: {
    pl: 'Plik ma {sizeMb} MB, a limit to {limitMb} MB. Podziel dane na mniejsze pliki.',
    en: 'The file is {sizeMb} MB; the limit is {limitMb} MB. Split the data into smaller files.',
  },
  too_many_rows: {
    pl: 'Plik ma więcej niż {limit} wierszy danych. Podziel dane na mniejsze pliki.',
    en: 'The file has more than {limit} data rows. Split the data into smaller files.',
  },
  too_many_columns: {
    pl: 'Wiersz {row} ma {count} kolumn, a limit to {limit}. Sprawdź, czy plik ma właściwy separator kolumn.',
    en: 'Row {row} has {count} columns; the limit is {limit}. Check that the file uses a proper column separator.',
  },
  line_too_long: {
    pl: 'Wiersz zaczynający się w linii {row} jest dłuższy niż {limit} znaków. Sprawdź, czy nie brakuje zamykającego cudzysłowu.',
    en: 'The row starting on line {row} is longer than {limit} characters. Check for a missing closing quote.',
  },
  unclosed_quote: {
    pl: 'Cudzysłów otwarty w linii {row} nie został zamknięty do końca pliku.',
    en: 'The quote opened on line {row} is never closed.',
  },
  not_spreadsheet: {
    pl: 'To nie jest plik CSV ani XLSX (rozpoznano: {detected}). Zapisz dane w Excelu jako „Skoroszyt programu Excel (*.xlsx)” albo „CSV UTF-8”.',
    en: 'This is not a CSV or XLSX file (detected: {detected}). Save the data from Excel as "Excel Workbook (*.xlsx)" or "CSV UTF-8".',
  },
  binary_file: {
    pl: 'To nie jest plik CSV ani XLSX, tylko plik binarny nieznanego rodzaju (np. program, obraz albo uszkodzony plik). Zapisz dane w Excelu jako „Skoroszyt programu Excel (*.xlsx)” albo „CSV UTF-8”.',
    en: 'This is not a CSV or XLSX file but a binary file of unknown type (a program, an image or a damaged file). Save the data from Excel as "Excel Workbook (*.xlsx)" or "CSV UTF-8".',
  },
  xls_old_format: {
    pl: 'To plik w starym formacie Excela (.xls), którego program nie czyta. Otwórz go w Excelu i zapisz jako „Skoroszyt programu Excel (*.xlsx)” albo „CSV UTF-8”.',
    en: 'This is an old-format Excel file (.xls), which cannot be read. Open it in Excel and save it as "Excel Workbook (*.xlsx)" or "CSV UTF-8".',
  },
  xlsx_encrypted: {
    pl: 'Plik jest chroniony hasłem. Otwórz go w Excelu, usuń hasło (Plik → Informacje → Chroń skoroszyt → Szyfruj przy użyciu hasła) i zapisz ponownie.',
    en: 'The file is password-protected. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password) and save it again.',
  },
  zip_broken: {
    pl: 'Plik XLSX jest uszkodzony (nie da się odczytać jego zawartości). Otwórz go w Excelu i zapisz ponownie.',
    en: 'The XLSX file is damaged (its contents cannot be read). Open it in Excel and save it again.',
  },
  zip_bomb: {
    pl: 'Plik XLSX po rozpakowaniu miałby {sizeMb} MB, czyli podejrzanie dużo (limit {limitMb} MB). Plik odrzucono.',
    en: 'The XLSX file would unpack to {sizeMb} MB, which is suspiciously large (limit {limitMb} MB). The file was rejected.',
  },
  zip_size_mismatch: {
    pl: 'Plik XLSX jest uszkodzony albo podejrzany: jego zawartość po rozpakowaniu jest większa, niż plik deklaruje. Plik odrzucono; otwórz go w Excelu i zapisz ponownie.',
    en: 'The XLSX file is damaged or suspicious: its contents unpack to more than the file declares. The file was rejected; open it in Excel and save it again.',
  },
  xlsx_unreadable: {
    pl: 'Nie udało się odczytać skoroszytu XLSX. Otwórz go w Excelu i zapisz ponownie jako „Skoroszyt programu Excel (*.xlsx)”.',
    en: 'The XLSX workbook cannot be read. Open it in Excel and save it again as "Excel Workbook (*.xlsx)".',
  },
  file_unreadable: {
    pl: 'Nie udało się odczytać pliku (nieoczekiwany błąd czytnika). Nic z niego nie zapisano. Otwórz plik w Excelu i zapisz go ponownie jako „CSV UTF-8”; jeśli to nie pomoże, przekaż plik administratorowi.',
    en: 'The file could not be read (an unexpected reader error). Nothing from it was written. Open it in Excel and save it again as "CSV UTF-8"; if that does not help, give the file to the administrator.',
  },
  import_out_of_memory: {
    pl: 'Import przerwano: plik wymagał więcej pamięci, niż program może na niego przeznaczyć ({limitMb} MB). Nic z tego pliku nie zapisano. Podziel dane na mniejsze pliki albo zapisz arkusz jako „CSV UTF-8”.',
    en: 'The import was stopped: the file needed more memory than can be given to it ({limitMb} MB). Nothing from this file was written. Split the data into smaller files or save the sheet as "CSV UTF-8".',
  },
  import_interrupted: {
    pl: 'Import przerwano, bo serwer został zatrzymany lub uruchomiony ponownie. Nic z tego pliku nie zapisano. Wyślij plik jeszcze raz.',
    en: 'The import was interrupted because the server stopped or restarted. Nothing from this file was written. Send the file again.',
  },
  import_failed: {
    pl: 'Import nie powiódł się z powodu nieoczekiwanego błędu. Nic z tego pliku nie zapisano. Spróbuj ponownie; jeśli błąd się powtórzy, przekaż plik administratorowi.',
    en: 'The import failed with an unexpected error. Nothing from this file was written. Try again; if it happens again, give the file to the administrator.',
  },
  upload_too_large: {
    pl: 'Wysłane pliki mają razem ponad {limitMb} MB, a jednorazowo można wysłać najwyżej {limitMb} MB. Wyślij je w kilku częściach.',
    en: 'The files sent are over {limitMb} MB together; at most {limitMb} MB can be sent at once. Send them in several parts.',
  },
  xlsx_too_large: {
    pl: 'Arkusze w tym pliku XLSX mają po rozpakowaniu {sizeMb} MB danych, a program wczytuje z XLSX najwyżej {limitMb} MB. Zapisz arkusz w Excelu jako „CSV UTF-8” — plik CSV może być dużo większy.',
    en: 'The worksheets of this XLSX file unpack to {sizeMb} MB; at most {limitMb} MB can be read from XLSX. Save the sheet from Excel as "CSV UTF-8": a CSV file can be much larger.',
  },
  xlsx_strings_too_large: {
    pl: 'Teksty arkuszy w tym pliku XLSX mają po rozpakowaniu {sizeMb} MB, a program wczytuje z XLSX najwyżej {limitMb} MB tekstów. Zapisz arkusz w Excelu jako „CSV UTF-8” — plik CSV może być dużo większy.',
    en: 'The texts of the worksheets in this XLSX file unpack to {sizeMb} MB; at most {limitMb} MB of text can be read from XLSX. Save the sheet from Excel as "CSV UTF-8": a CSV file can be much larger.',
  },
  xlsx_parts_too_large: {
    pl: 'Poza danymi arkuszy ten plik XLSX zawiera {sizeMb} MB formatowania, komentarzy lub rysunków, a limit to {limitMb} MB. Skopiuj same dane do nowego skoroszytu albo zapisz arkusz w Excelu jako „CSV UTF-8”.',
    en: 'Besides the worksheet data, this XLSX file holds {sizeMb} MB of formatting, comments or drawings; the limit is {limitMb} MB. Copy just the data into a new workbook, or save the sheet from Excel as "CSV UTF-8".',
  },
  xlsx_ambiguous_part: {
    pl: 'Plik XLSX jest zbudowany nieprawidłowo: część „{part}” występuje w nim dwa razy lub pod dwiema nazwami, więc nie wiadomo, którą odczytać. Plik odrzucono; otwórz go w Excelu i zapisz ponownie jako „Skoroszyt programu Excel (*.xlsx)”.',
    en: 'The XLSX file is malformed: its part "{part}" appears twice or under two names, so it is unclear which to read. The file was rejected; open it in Excel and save it again as "Excel Workbook (*.xlsx)".',
  },
  xlsx_no_sheet: {
    pl: 'Skoroszyt nie zawiera żadnego arkusza z danymi.',
    en: 'The workbook contains no worksheet with data.',
  },
  utf16_encoding: {
    pl: 'Plik jest zapisany w kodowaniu UTF-16 („Tekst Unicode”). Zapisz go w Excelu jako „CSV UTF-8” albo „CSV (rozdzielany przecinkami)”.',
    en: 'The file is encoded as UTF-16 ("Unicode Text"). Save it from Excel as "CSV UTF-8" or "CSV (Comma delimited)".',
  },
  undecodable: {
    pl: 'Plik zawiera znaki, których nie da się odczytać ani jako UTF-8, ani jako Windows-1250 (pierwszy w linii {row}). Zapisz go w Excelu jako „CSV UTF-8”.',
    en: 'The file contains bytes that are neither UTF-8 nor Windows-1250 (first on line {row}). Save it from Excel as "CSV UTF-8".',
  },
  mixed_encoding: {
    pl: 'Plik jest zapisany w UTF-8, ale zawiera też znaki w innym kodowaniu (pierwszy w linii {row}) — polskie litery zostałyby przekłamane. Otwórz plik w Excelu, popraw ten wiersz i zapisz jako „CSV UTF-8”.',
    en: 'The file is UTF-8 but also contains characters in another encoding (first on line {row}); Polish letters would be garbled. Open the file in Excel, fix that line and save it as "CSV UTF-8".',
  },
  header_not_found: {
    pl: 'W pierwszych {rows} wierszach nie znaleziono wiersza nagłówka. Oczekiwane kolumny: {expected}.',
    en: 'No header row found in the first {rows} rows. Expected columns: {expected}.',
  },

  no_data_rows: {
    pl: 'Plik nie zawiera żadnych danych: pod nagłówkiem (wiersz {headerRow}) nie ma ani jednego wiersza do zaimportowania. Sprawdź, czy to właściwy plik lub arkusz.',
    en: 'The file holds no data: there is not a single row to import below the header (row {headerRow}). Check that this is the right file or sheet.',
  },

  // ------------------------------------------------------------ header
  missing_column: {
    pl: 'Brak wymaganej kolumny „{column}” (może się też nazywać: {synonyms}).',
    en: 'The required column "{column}" is missing (it may also be called: {synonyms}).',
  },
  missing_participant_columns: {
    pl: 'Brak kolumny „participant_code” (kod uczestnika) albo pary kolumn „first_name” i „last_name” (imię i nazwisko).',
    en: 'Neither the column "participant_code" nor the pair "first_name" and "last_name" is present.',
  },
  duplicate_column: {
    pl: 'Kolumna „{column}” występuje dwa razy: „{first}” (kolumna {firstLetter}) i „{second}” (kolumna {secondLetter}). Zostaw jedną.',
    en: 'The column "{column}" appears twice: "{first}" (column {firstLetter}) and "{second}" (column {secondLetter}). Keep one.',
  },
  unknown_column: {
    pl: 'Nieznana kolumna „{header}” (kolumna {letter}) — zostanie pominięta.',
    en: 'Unknown column "{header}" (column {letter}) will be ignored.',
  },

  // ------------------------------------------------------------ skipped rows
  empty_row_skipped: {
    pl: 'Pominięto pusty wiersz.',
    en: 'Skipped an empty row.',
  },
  empty_rows_skipped: {
    pl: 'Pominięto puste wiersze {from}–{to}.',
    en: 'Skipped empty rows {from}–{to}.',
  },
  totals_row_skipped: {
    pl: 'Pominięto wiersz podsumowania („{value}”).',
    en: 'Skipped a totals row ("{value}").',
  },

  // ------------------------------------------------------------ values
  formula_like_text: {
    pl: 'Tekst „{value}” wygląda jak formuła Excela; zapisano go dosłownie jako tekst, bez obliczania.',
    en: 'The text "{value}" looks like an Excel formula; it was stored literally as text, never evaluated.',
  },
  value_required: {
    pl: 'Puste pole w wymaganej kolumnie „{column}”.',
    en: 'The required column "{column}" is empty.',
  },
  date_invalid: {
    pl: '„{value}” nie jest datą. Użyj formatu RRRR-MM-DD (2022-03-05) albo DD.MM.RRRR (05.03.2022).',
    en: '"{value}" is not a date. Use YYYY-MM-DD (2022-03-05) or DD.MM.YYYY (05.03.2022).',
  },
  date_impossible: {
    pl: 'Data „{value}” nie istnieje w kalendarzu.',
    en: 'The date "{value}" does not exist in the calendar.',
  },
  date_us_order: {
    pl: '„{value}” wygląda na datę w zapisie amerykańskim (miesiąc/dzień/rok). Program przyjmuje tylko dzień/miesiąc/rok; użyj DD.MM.RRRR albo RRRR-MM-DD.',
    en: '"{value}" looks like a US date (month/day/year). Only day/month/year is accepted; use DD.MM.YYYY or YYYY-MM-DD.',
  },
  date_in_future: {
    pl: 'Data {date} jest w przyszłości (dziś jest {today}).',
    en: 'The date {date} is in the future (today is {today}).',
  },
  // The key keeps its name (reports carry it); the earliest date is project.json's importLimits.earliestDate.
  date_before_2000: {
    pl: 'Data {date} jest wcześniejsza niż najwcześniejsza przyjmowana data ({earliest}).',
    en: 'The date {date} is before the earliest accepted date ({earliest}).',
  },
  number_invalid: {
    pl: '„{value}” nie jest liczbą.',
    en: '"{value}" is not a number.',
  },
  number_negative: {
    pl: 'Liczba nie może być ujemna: „{value}”.',
    en: 'The number must not be negative: "{value}".',
  },
  number_not_whole: {
    pl: '„{value}” nie jest liczbą całkowitą.',
    en: '"{value}" is not a whole number.',
  },
  yes_no_invalid: {
    pl: '„{value}” nie jest odpowiedzią tak/nie. Użyj: tak/nie, t/n, 1/0 albo x/puste pole.',
    en: '"{value}" is not a yes/no value. Use tak/nie, t/n, yes/no, y/n, 1/0 or x/empty.',
  },
  unknown_community: {
    pl: 'Nieznana społeczność „{value}”. Dozwolone: {allowed}.',
    en: 'Unknown community "{value}". Allowed: {allowed}.',
  },
  community_not_assigned: {
    pl: 'Społeczność {value} nie jest przypisana do Twojego konta (Twoje: {allowed}). Plik z danymi innej społeczności zaimportuje jej organizator lub administrator.',
    en: 'Community {value} is not assigned to your account (yours: {allowed}). A file with another community’s data is imported by its organizer or an administrator.',
  },
  unknown_community_suggestion: {
    pl: 'Nieznana społeczność „{value}”. Czy chodziło o „{name}” ({code})?',
    en: 'Unknown community "{value}". Did you mean "{name}" ({code})?',
  },
  unknown_activity_type: {
    pl: 'Nieznany typ działania „{value}”. Dozwolone: {allowed}.',
    en: 'Unknown activity type "{value}". Allowed: {allowed}.',
  },
  unknown_activity_type_suggestion: {
    pl: 'Nieznany typ działania „{value}”. Czy chodziło o „{name}” ({code})?',
    en: 'Unknown activity type "{value}". Did you mean "{name}" ({code})?',
  },

  // ------------------------------------------------------------ activities
  duplicate_activity_id: {
    pl: 'Identyfikator działania „{value}” występuje już w wierszu {firstRow} tego pliku.',
    en: 'The activity id "{value}" already appears in row {firstRow} of this file.',
  },

  // ------------------------------------------------------------ attendance
  activity_not_found: {
    pl: 'Nie ma działania o identyfikatorze „{value}”. Najpierw zaimportuj dziennik działań, w którym jest to działanie.',
    en: 'There is no activity with the id "{value}". Import the activity log that contains it first.',
  },
  participant_not_found: {
    pl: 'W rejestrze uczestników nie ma kodu „{value}”.',
    en: 'The participant register has no code "{value}".',
  },
  participant_not_found_suggestion: {
    pl: 'W rejestrze uczestników nie ma kodu „{value}”. Czy chodziło o „{code}”?',
    en: 'The participant register has no code "{value}". Did you mean "{code}"?',
  },
  // "Did you mean" (a value one edit from a known one) and missing activities reported once per id.
  activity_not_found_suggestion: {
    pl: 'Nie ma działania o identyfikatorze „{value}”. Czy chodziło o „{code}”?',
    en: 'There is no activity with the id "{value}". Did you mean "{code}"?',
  },
  activity_not_found_rows: {
    pl: 'Identyfikatora działania „{value}”, wpisanego w {count} wierszach ({rows}), nie ma w dzienniku działań. Najpierw zaimportuj dziennik działań, w którym jest to działanie.',
    en: 'The activity id "{value}", given in {count} rows ({rows}), is not in the activity log. Import the activity log that contains it first.',
  },
  activity_not_found_rows_suggestion: {
    pl: 'Identyfikatora działania „{value}”, wpisanego w {count} wierszach ({rows}), nie ma w dzienniku działań. Czy chodziło o „{code}”?',
    en: 'The activity id "{value}", given in {count} rows ({rows}), is not in the activity log. Did you mean "{code}"?',
  },
  // For an uploader who may see the names of the person's community (an organizer's own register).
  name_not_found_suggestion: {
    pl: 'W rejestrze uczestników nie ma osoby „{value}”. Czy chodziło o „{name}” ({code})?',
    en: 'No one called "{value}" is in the participant register. Did you mean "{name}" ({code})?',
  },
  // For an uploader who sees codes but no names (an administrator, the command line).
  name_not_found_code_suggestion: {
    pl: 'W rejestrze uczestników nie ma osoby „{value}”. Podobne imię i nazwisko ma osoba o kodzie {code}; jeśli chodziło o nią, wpisz jej kod uczestnika.',
    en: 'No one called "{value}" is in the participant register. The person with the code {code} has a similar name; if you meant them, give their participant code.',
  },
  unknown_survey_suggestion: {
    pl: 'Nieznana ankieta „{value}”. Czy chodziło o „{name}” ({code})?',
    en: 'Unknown survey "{value}". Did you mean "{name}" ({code})?',
  },
  // For an organizer: the same words whether the code is registered elsewhere or nowhere.
  participant_not_in_your_register: {
    pl: 'Kodu „{value}” nie ma w rejestrze Twoich społeczności ({allowed}). Plik z osobami zarejestrowanymi w innych społecznościach importuje administrator.',
    en: '{value} is not in the register of your communities ({allowed}). A file with people registered in other communities is imported by an administrator.',
  },
  participant_missing: {
    pl: 'Brak kodu uczestnika oraz imienia i nazwiska.',
    en: 'Neither a participant code nor a first and last name is given.',
  },
  survey_responses_already_stored: {
    pl: 'Pominięto {count} odpowiedzi identycznych z już zapisanymi (ta sama ankieta, dzień, społeczność, uczestnik i odpowiedzi) — to zwykle ponowny eksport tych samych ankiet. Jeśli to odpowiedzi innych osób, dodaj kolumnę kod_uczestnika, aby je rozróżnić.',
    en: "{count} responses identical to stored ones (same survey, day, community, participant and answers) were skipped — usually a repeated export of the same survey. If they are other people's answers, add a participant_code column to tell them apart.",
  },
  name_not_found: {
    pl: 'W rejestrze uczestników nie ma osoby „{value}”. Dopisz ją najpierw do rejestru albo wpisz jej kod uczestnika.',
    en: 'No one called "{value}" is in the participant register. Add the person to the register first, or give their participant code.',
  },
  name_ambiguous: {
    pl: 'Imię i nazwisko „{value}” pasuje do kilku osób w rejestrze ({codes}). Wpisz kod uczestnika.',
    en: 'The name "{value}" matches several people in the register ({codes}). Give the participant code.',
  },
  name_code_mismatch: {
    pl: 'Imię i nazwisko nie pasują do kodu „{code}” w rejestrze (pasują do: {codes}). Przyjęto kod.',
    en: 'The name does not match the code "{code}" in the register (it matches: {codes}). The code was used.',
  },
  attendance_date_mismatch: {
    pl: 'Data {value} różni się od daty działania „{activityId}” ({activityDate}).',
    en: 'The date {value} differs from the date of activity "{activityId}" ({activityDate}).',
  },
  duplicate_attendance: {
    pl: 'Uczestnik {participant} jest już na liście działania „{activityId}” w wierszu {firstRow}; liczony raz.',
    en: 'Participant {participant} is already listed for activity "{activityId}" in row {firstRow}; counted once.',
  },

  // ------------------------------------------------------------ participants
  duplicate_participant_code: {
    pl: 'Kod uczestnika „{value}” występuje już w wierszu {firstRow} tego pliku.',
    en: 'The participant code "{value}" already appears in row {firstRow} of this file.',
  },
  duplicate_name_in_register: {
    pl: 'Osoba o tym samym imieniu i nazwisku jest już w wierszu {firstRow}. Listy obecności z samymi nazwiskami nie rozróżnią tych osób — używaj na nich kodów.',
    en: 'A person with the same name is already in row {firstRow}. Attendance lists with names only cannot tell them apart; use codes there.',
  },
  leader_since_missing: {
    pl: 'Osoba jest oznaczona jako lider, ale brak daty w kolumnie „leader_since” (od kiedy jest liderem).',
    en: 'The person is marked as a leader but "leader_since" (since when) is empty.',
  },
  leader_since_without_leader: {
    pl: 'Podano datę „leader_since” ({value}), ale osoba nie jest oznaczona jako lider; nie będzie liczona jako lider.',
    en: '"leader_since" ({value}) is given but the person is not marked as a leader; they will not count as a leader.',
  },
  birth_year_invalid: {
    pl: '„{value}” nie jest rokiem urodzenia (cztery cyfry, np. 1956).',
    en: '"{value}" is not a birth year (four digits, e.g. 1956).',
  },
  birth_year_range: {
    pl: 'Rok urodzenia {value} jest spoza zakresu 1900–{maxYear}.',
    en: 'The birth year {value} is outside 1900–{maxYear}.',
  },

  // ------------------------------------------------------------ surveys
  unknown_survey: {
    pl: 'Nieznana ankieta „{value}”. Dostępne: {allowed}.',
    en: 'Unknown survey "{value}". Available: {allowed}.',
  },
  question_not_in_survey: {
    pl: 'Pytanie {question} nie należy do ankiety {survey}; zostaw to pole puste.',
    en: 'Question {question} is not part of survey {survey}; leave this cell empty.',
  },
  answer_scale_text: {
    pl: 'Odpowiedź „{value}” na pytanie {question} musi być liczbą od {min} do {max}.',
    en: 'The answer "{value}" to question {question} must be a number from {min} to {max}.',
  },
  answer_scale_range: {
    pl: 'Odpowiedź {value} na pytanie {question} jest spoza skali {min}–{max}.',
    en: 'The answer {value} to question {question} is outside the {min}–{max} scale.',
  },
  answer_yes_no_invalid: {
    pl: 'Odpowiedź „{value}” na pytanie {question} musi być tak/nie (tak/nie, t/n, 1/0, x/puste).',
    en: 'The answer "{value}" to question {question} must be yes/no (tak/nie, yes/no, y/n, 1/0, x/empty).',
  },
} as const satisfies Record<string, { pl: string; en: string }>;

export type ImportMessageKey = keyof typeof importMessages;
export type { MessageParams };

/**
 * The message for `key` in `lang`, with `{name}` placeholders filled from `params` (the server's
 * one template rule, lib/message-template.ts; these keys are part of its catalogue, lib/messages.ts).
 */
export function formatImportMessage(key: ImportMessageKey, lang: Lang, params: MessageParams = {}): string {
  return fillTemplate(importMessages[key][lang], lang, params);
}
