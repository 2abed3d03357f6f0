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
  xlsx_no_sheet: {
    pl: 'Skoroszyt nie ma żadnego widocznego arkusza z tabelą (są w nim tylko arkusze ukryte albo wykresy). Odkryj arkusz z danymi (prawy przycisk na karcie arkusza → Odkryj) i zapisz plik ponownie.',
    en: 'The workbook has no visible worksheet with a table (only hidden sheets or charts). Unhide the sheet with the data (right-click a sheet tab → Unhide) and save the file again.',
  },
  // ---- workbooks of other programs and formats, each refused with what to do
  zip_duplicate_entry: {
    pl: 'Plik XLSX jest zbudowany nieprawidłowo: część „{part}” występuje w nim dwa razy, a różne programy odczytałyby różne jej wersje. Plik odrzucono; otwórz go w Excelu lub LibreOffice i zapisz ponownie jako „Skoroszyt programu Excel (*.xlsx)”.',
    en: 'The XLSX file is malformed: its part "{part}" appears twice, and different programs would read different versions of it. The file was rejected; open it in Excel or LibreOffice and save it again as "Excel Workbook (*.xlsx)".',
  },
  xlsb_format: {
    pl: 'To skoroszyt binarny Excela (.xlsb), którego program nie czyta. Otwórz go w Excelu i wybierz Plik → Zapisz jako → „Skoroszyt programu Excel (*.xlsx)” albo „CSV UTF-8”.',
    en: 'This is an Excel binary workbook (.xlsb), which cannot be read. Open it in Excel and choose File → Save As → "Excel Workbook (*.xlsx)" or "CSV UTF-8".',
  },
  ods_format: {
    pl: 'To arkusz OpenDocument (.ods) z LibreOffice lub OpenOffice. Otwórz go w LibreOffice Calc i wybierz Plik → Zapisz jako → typ „Excel 2007-365 (.xlsx)” albo „Tekst CSV (.csv)” z kodowaniem UTF-8.',
    en: 'This is an OpenDocument spreadsheet (.ods) from LibreOffice or OpenOffice. Open it in LibreOffice Calc and choose File → Save As → type "Excel 2007-365 (.xlsx)" or "Text CSV (.csv)" with UTF-8.',
  },
  numbers_format: {
    pl: 'To arkusz Apple Numbers (.numbers). Otwórz go w Numbers i wybierz Plik → Eksportuj do → Excel… (albo CSV…), a potem wyślij wyeksportowany plik.',
    en: 'This is an Apple Numbers spreadsheet (.numbers). Open it in Numbers and choose File → Export To → Excel… (or CSV…), then send the exported file.',
  },
  xls_version: {
    pl: 'To plik w starym formacie Excela ({version}), którego program nie czyta. Otwórz go w Excelu lub LibreOffice i zapisz jako „Skoroszyt programu Excel (*.xlsx)” albo „CSV UTF-8”.',
    en: 'This is an old-format Excel file ({version}), which cannot be read. Open it in Excel or LibreOffice and save it as "Excel Workbook (*.xlsx)" or "CSV UTF-8".',
  },
  html_as_spreadsheet: {
    pl: 'To strona internetowa (HTML) z tabelą, zapisana z rozszerzeniem arkusza — tak eksportują dane niektóre systemy internetowe. Otwórz plik w Excelu i zapisz go jako „Skoroszyt programu Excel (*.xlsx)” albo „CSV UTF-8”.',
    en: 'This is a web page (HTML) with a table, saved with a spreadsheet extension, as some web systems export data. Open the file in Excel and save it as "Excel Workbook (*.xlsx)" or "CSV UTF-8".',
  },
  xml_spreadsheet_2003: {
    pl: 'To plik „Arkusz XML 2003” (SpreadsheetML), którego program nie czyta. Otwórz go w Excelu i zapisz jako „Skoroszyt programu Excel (*.xlsx)” albo „CSV UTF-8”.',
    en: 'This is an "XML Spreadsheet 2003" file (SpreadsheetML), which cannot be read. Open it in Excel and save it as "Excel Workbook (*.xlsx)" or "CSV UTF-8".',
  },
  xlsx_all_sheets_empty: {
    pl: 'Skoroszyt nie zawiera danych: {sheets} — wszystkie arkusze są puste. Sprawdź, czy to właściwy plik.',
    en: 'The workbook holds no data: {sheets}; every sheet is empty. Check that this is the right file.',
  },
  xlsx_too_complex: {
    pl: 'Ten skoroszyt jest zbyt złożony, by go odczytać (czytanie przerwano po {seconds} s lub po przekroczeniu {limitMb} MB pamięci). Nic z tego pliku nie zapisano. Zapisz arkusz z danymi w Excelu jako „CSV UTF-8” i wyślij plik CSV.',
    en: 'This workbook is too complex to read (reading was stopped after {seconds} s or past {limitMb} MB of memory). Nothing from this file was written. Save the sheet with the data from Excel as "CSV UTF-8" and send the CSV file.',
  },
  xlsx_formulas_without_values: {
    pl: 'W arkuszu „{sheet}” {count} komórek ma formuły bez obliczonych wartości (plik zapisał program, który nie przelicza formuł); są traktowane jak puste. Otwórz plik w Excelu lub LibreOffice, zapisz go ponownie i wyślij jeszcze raz.',
    en: 'In sheet "{sheet}", {count} cells have formulas without calculated values (the file was written by a program that does not calculate); they are read as empty. Open the file in Excel or LibreOffice, save it again and send it again.',
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

  // ------------------------------------------------------------ CSV read with a guess (warnings: the import goes on)
  csv_encoding_doubtful: {
    pl: 'Nie wiadomo na pewno, w jakim kodowaniu zapisano ten plik. Odczytano go jako {encoding}, ale niektóre znaki mogą być przekłamane: {characters} (pierwszy z nich w tej linii). Sprawdź polskie litery w nazwiskach i nazwach, a najlepiej zapisz plik w Excelu jako „CSV UTF-8 (rozdzielany przecinkami)” i wyślij go ponownie.',
    en: 'The encoding of this file is uncertain. It was read as {encoding}, but some characters may be wrong: {characters} (the first of them on this line). Check the Polish letters in names, or better, save the file from Excel as "CSV UTF-8 (Comma delimited)" and send it again.',
  },
  csv_single_column: {
    pl: 'W {count} z {total} linii pliku nie udało się rozdzielić kolumn: każdą z nich odczytano jako jedną komórkę, choć kolumny wydają się rozdzielone znakiem „{separator}”. Tak bywa, gdy każda linia jest w całości ujęta w cudzysłów albo gdy linie mają różne separatory. Otwórz plik w Excelu, sprawdź, czy dane są w osobnych kolumnach, i zapisz go jako „CSV UTF-8 (rozdzielany przecinkami)”.',
    en: '{count} of the {total} lines of the file could not be split into columns: each was read as one cell, although the columns seem to be separated by "{separator}". This happens when every line is quoted as a whole, or when lines use different separators. Open the file in Excel, check that the data is in separate columns, and save it as "CSV UTF-8 (Comma delimited)".',
  },
  csv_line_one_cell: {
    pl: 'Tę linię odczytano jako jedną komórkę, choć znak „{separator}” dzieli ją na tyle kolumn, ile mają pozostałe wiersze ({columns}). Najpewniej cała linia jest ujęta w cudzysłów albo ma inny separator niż reszta pliku. Popraw ją, żeby kolumny były rozdzielone tak jak w innych liniach, albo otwórz plik w Excelu, sprawdź ten wiersz i zapisz plik jako „CSV UTF-8 (rozdzielany przecinkami)”.',
    en: 'This line was read as one cell, although "{separator}" splits it into as many columns as the other rows have ({columns}). Most likely the whole line is quoted, or it uses another separator than the rest of the file. Fix it so that its columns are separated as in the other lines, or open the file in Excel, check this row and save the file as "CSV UTF-8 (Comma delimited)".',
  },
  csv_more_lines_one_cell: {
    pl: 'Dalej jest jeszcze więcej linii odczytanych jako jedna komórka (liczba: {count}; pierwsza z nich to ta). Nie wymieniono ich osobno.',
    en: 'More lines further on were read as one cell ({count}; the first is this one). They are not listed one by one.',
  },
  csv_text_after_closing_quote: {
    pl: 'Po cudzysłowie zamykającym pole jest jeszcze tekst (np. "abc"def). Odczytano to pole bez cudzysłowów, jako jeden tekst (abcdef). Sprawdź tę wartość. Tekst z cudzysłowem musi być w całości ujęty w cudzysłów, a cudzysłów w środku zapisany podwójnie: "abc""def". Tak zapisuje go Excel przy zapisie jako „CSV UTF-8 (rozdzielany przecinkami)”.',
    en: 'There is text after the quote that closes a field (as in "abc"def). The field was read without its quotes, as one text (abcdef). Check this value. A text holding a quote must be quoted as a whole, with the quote inside written twice: "abc""def". Excel writes it so when saving as "CSV UTF-8 (Comma delimited)".',
  },
  csv_quote_inside_field: {
    pl: 'Pole zawiera cudzysłów, choć samo nie zaczyna się od cudzysłowu (np. abc"def). Odczytano je dosłownie, razem z cudzysłowem. Jeśli cudzysłów miał objąć tekst z separatorem kolumn albo z przejściem do nowej linii, całe pole musi zaczynać się i kończyć cudzysłowem.',
    en: 'A field holds a quote although it does not start with one (as in abc"def). It was read literally, quote included. If the quote was meant to enclose text holding a column separator or a line break, the whole field must start and end with a quote.',
  },
  csv_quote_never_closed: {
    pl: 'Cudzysłów otwarty w tej linii nie zamyka się aż do końca pliku. Odczytano go jako zwykły znak, a linię podzielono na kolumny tak jak pozostałe. Sprawdź tę linię: dopisz cudzysłów zamykający albo usuń otwierający.',
    en: 'The quote opened on this line is never closed. It was read as an ordinary character and the line was split into columns like the others. Check this line: add the closing quote or remove the opening one.',
  },
  csv_quoted_field_spans_lines: {
    pl: 'Pole ujęte w cudzysłów zaczyna się w tej linii, a kończy dopiero w linii {endLine}, więc wszystkie linie pomiędzy odczytano jako jedną komórkę, a nie jako osobne wiersze. Jeśli to pomyłka, popraw cudzysłów w tej linii (zamknij go albo usuń).',
    en: 'A quoted field starts on this line and ends only on line {endLine}, so all the lines in between were read as one cell, not as rows of their own. If that is a mistake, fix the quote on this line (close it or remove it).',
  },
  csv_more_quote_problems: {
    pl: 'Dalej jest jeszcze więcej podobnych problemów z cudzysłowami (liczba linii: {count}; pierwsza z nich to ta). Nie wymieniono ich osobno.',
    en: 'More quote problems like these follow ({count} lines; the first is this one). They are not listed one by one.',
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
    pl: 'Brak kolumny „Kod uczestnika” albo pary kolumn „Imię” i „Nazwisko”. Dodaj jedną z nich (nagłówki mogą też brzmieć: participant_code, first_name, last_name).',
    en: 'Neither the column "Kod uczestnika" (participant code) nor the pair "Imię" and "Nazwisko" (first and last name) is present; add one of them (participant_code, first_name, last_name also do).',
  },
  duplicate_column: {
    pl: 'Kolumna „{column}” występuje dwa razy: „{first}” (kolumna {firstLetter}) i „{second}” (kolumna {secondLetter}). Zostaw jedną.',
    en: 'The column "{column}" appears twice: "{first}" (column {firstLetter}) and "{second}" (column {secondLetter}). Keep one.',
  },
  unknown_column: {
    pl: 'Nieznana kolumna „{header}” (kolumna {letter}) — zostanie pominięta.',
    en: 'Unknown column "{header}" (column {letter}) will be ignored.',
  },
  header_two_rows: {
    pl: 'Nagłówek tabeli zajmuje ten wiersz i wiersz {lowerRow}; nazwy kolumn odczytano z obu wierszy.',
    en: 'The table header spans this row and row {lowerRow}; the column names were read from both rows.',
  },
  header_row_not_chosen: {
    pl: 'Ten wiersz też wygląda na nagłówek, ale za nagłówek uznano wiersz {headerRow}, który lepiej pasuje do oczekiwanych kolumn; wiersze nad nim pominięto.',
    en: 'This row also looks like a header, but row {headerRow} matches the expected columns better and was taken as the header; the rows above it were skipped.',
  },

  // A workbook's sheets. The sentences below make up the messages of file_empty, header_not_found
  // and no_data_rows for an XLSX (the issue keeps that code), naming the sheet read and any other
  // sheet that looks like data; and the warnings that say which sheet was read when it was not the first.
  sheet_empty: {
    pl: 'Arkusz „{sheet}” jest pusty.',
    en: 'The sheet "{sheet}" is empty.',
  },
  sheet_header_not_found: {
    pl: 'W pierwszych {rows} wierszach arkusza „{sheet}” nie znaleziono wiersza nagłówka.',
    en: 'No header row found in the first {rows} rows of the sheet "{sheet}".',
  },
  sheet_no_data_rows: {
    pl: 'Arkusz „{sheet}” nie zawiera żadnych danych: pod nagłówkiem (wiersz {headerRow}) nie ma ani jednego wiersza do zaimportowania.',
    en: 'The sheet "{sheet}" holds no data: there is not a single row to import below the header (row {headerRow}).',
  },
  sheet_check_file: {
    pl: 'Sprawdź, czy to właściwy plik.',
    en: 'Check that this is the right file.',
  },
  sheet_other_without_header: {
    pl: 'Dane wyglądają na zapisane w arkuszu „{other}”, ale w jego pierwszych {rows} wierszach nie ma wiersza nagłówka.',
    en: 'The data seem to be on the sheet "{other}", but its first {rows} rows hold no header row.',
  },
  sheets_other_without_header: {
    pl: 'Dane wyglądają na zapisane w arkuszach {others}, ale w żadnym z nich w pierwszych {rows} wierszach nie ma wiersza nagłówka.',
    en: 'The data seem to be on the sheets {others}, but none of them has a header row in its first {rows} rows.',
  },
  sheets_rest_without_header: {
    pl: 'W pozostałych arkuszach nie znaleziono wiersza nagłówka.',
    en: 'No header row was found on the other sheets.',
  },
  expected_columns: {
    pl: 'Oczekiwane kolumny: {expected}.',
    en: 'Expected columns: {expected}.',
  },
  // The kinds of file, as `expected_columns` names them when the kind is not known.
  file_kind_activities: { pl: 'dziennik działań', en: 'activity log' },
  file_kind_attendance: { pl: 'lista obecności', en: 'attendance list' },
  file_kind_participants: { pl: 'rejestr uczestników', en: 'participant register' },
  file_kind_survey: { pl: 'ankiety', en: 'surveys' },
  sheet_read_instead_of_empty: {
    pl: 'Dane odczytano z arkusza „{sheet}”; arkusz „{skipped}” jest pusty.',
    en: 'The data were read from the sheet "{sheet}"; the sheet "{skipped}" is empty.',
  },
  sheet_read_instead_of_no_header: {
    pl: 'Dane odczytano z arkusza „{sheet}”; arkusz „{skipped}” nie ma nagłówka.',
    en: 'The data were read from the sheet "{sheet}"; the sheet "{skipped}" has no header row.',
  },
  sheet_read_instead_of_no_data: {
    pl: 'Dane odczytano z arkusza „{sheet}”; arkusz „{skipped}” ma nagłówek, ale nie ma pod nim danych.',
    en: 'The data were read from the sheet "{sheet}"; the sheet "{skipped}" has a header but no data below it.',
  },
  sheet_also_has_data: {
    pl: 'Arkusz „{other}” też zawiera dane tego rodzaju, ale odczytano tylko arkusz „{sheet}”. Aby je zaimportować, zapisz ten arkusz jako osobny plik.',
    en: 'The sheet "{other}" also holds data of this kind, but only the sheet "{sheet}" was read. To import them, save that sheet as a separate file.',
  },
  sheets_also_have_data: {
    pl: 'Arkusze {others} też zawierają dane tego rodzaju, ale odczytano tylko arkusz „{sheet}”. Aby je zaimportować, zapisz każdy z tych arkuszy jako osobny plik.',
    en: 'The sheets {others} also hold data of this kind, but only the sheet "{sheet}" was read. To import them, save each of those sheets as a separate file.',
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
    pl: 'Pominięto {count} odpowiedzi identycznych z już zapisanymi (ta sama ankieta, dzień, społeczność, uczestnik i odpowiedzi) — to zwykle ponowny eksport tych samych ankiet. Jeśli to odpowiedzi innych osób, dodaj kolumnę „Kod uczestnika”, aby je rozróżnić.',
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
    pl: 'Osoba jest oznaczona jako lider, ale brak daty w kolumnie „Lider od” (od kiedy jest liderem).',
    en: 'The person is marked as a leader but "leader_since" (since when) is empty.',
  },
  leader_since_without_leader: {
    pl: 'Podano datę w kolumnie „Lider od” ({value}), ale osoba nie jest oznaczona jako lider; nie będzie liczona jako lider.',
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
