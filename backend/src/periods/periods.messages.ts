/**
 * The words of reporting periods (routes under /api/periods, `osl periods`): refusals and the
 * checks of a period's definition.
 */
export const periodMessages = {
  'period.invalid': {
    pl: 'Nie zapisano okresu: popraw zaznaczone pola ({count}).',
    en: 'The period was not saved: correct the marked fields ({count}).',
  },
  'period.name_missing': { pl: 'Podaj nazwę okresu, np. „WNP 3”.', en: 'Give the period a name, e.g. "WNP 3".' },
  'period.name_too_long': { pl: 'Nazwa okresu może mieć najwyżej {max} znaków.', en: 'A period name has at most {max} characters.' },
  'period.name_taken': { pl: 'Okres o nazwie „{name}” już istnieje.', en: 'A period named "{name}" exists already.' },
  'period.date_invalid': {
    pl: '„{value}” nie jest datą; podaj datę w postaci RRRR-MM-DD.',
    en: '"{value}" is not a date; give it as YYYY-MM-DD.',
  },
  'period.date_outside_project': {
    pl: 'Data {value} jest poza okresem projektu ({start} – {end}).',
    en: 'The date {value} is outside the project period ({start} – {end}).',
  },
  'period.ends_before_start': { pl: 'Okres kończy się ({to}) przed początkiem ({from}).', en: 'The period ends ({to}) before it starts ({from}).' },
  'period.not_found': { pl: 'Nie ma okresu sprawozdawczego „{id}”.', en: 'There is no reporting period "{id}".' },
  'period.version_not_found': { pl: 'Okres „{name}” nie ma wersji {version}.', en: 'The period "{name}" has no version {version}.' },
  'period.closed_cannot_change': {
    pl: 'Okres „{name}” jest zamknięty: aby zmienić jego daty, najpierw otwórz go ponownie (z podaniem powodu).',
    en: 'The period "{name}" is closed: reopen it (giving a reason) before changing its dates.',
  },
  'period.closed_cannot_delete': {
    pl: 'Okresu „{name}” nie można usunąć: był już zamknięty, a jego wersje zostają w dokumentacji.',
    en: 'The period "{name}" cannot be deleted: it was closed before, and its versions stay on record.',
  },
  'period.already_closed': { pl: 'Okres „{name}” jest już zamknięty (wersja {version}).', en: 'The period "{name}" is already closed (version {version}).' },
  'period.not_over': {
    pl: 'Okres „{name}” trwa do {to}: można go zamknąć od następnego dnia.',
    en: 'The period "{name}" runs until {to}: it can be closed from the next day on.',
  },
  'period.not_closed': { pl: 'Okres „{name}” nie jest zamknięty.', en: 'The period "{name}" is not closed.' },
  'period.reason_required': { pl: 'Podaj powód ponownego otwarcia okresu.', en: 'Give the reason for reopening the period.' },
  'period.remarks_required': { pl: 'Wpisz uwagi albo wybierz „Akceptuję”.', en: 'Write your remarks, or choose "Accept".' },
  'period.fingerprint_changed': {
    pl: 'Okres „{name}” zmienił się, odkąd go otwarto (inny odcisk danych): odśwież stronę i sprawdź aktualną wersję.',
    en: 'The period "{name}" changed since you opened it (another fingerprint): reload and check the version in force.',
  },
  'period.changed_meanwhile': {
    pl: 'Okres „{name}” zmienił ktoś inny w tym samym czasie; odśwież stronę.',
    en: 'Someone else changed the period "{name}" at the same time; reload the page.',
  },
  'period.no_restatement': {
    pl: 'Wartości okresu „{name}” nie różnią się od zgłoszonych: nie ma korekty do przyjęcia.',
    en: 'The figures of "{name}" do not differ from those reported: there is no restatement to accept.',
  },
  'period.figures_not_ready': {
    pl: 'Wartości okresu „{name}” będą gotowe po najbliższym przeliczeniu danych.',
    en: 'The figures of "{name}" will be ready after the next data run.',
  },
  'period.moment_invalid': {
    pl: '„{value}” nie jest chwilą; podaj datę RRRR-MM-DD lub datę z godziną.',
    en: '"{value}" is not a moment; give a date YYYY-MM-DD or a date and time.',
  },
} as const;
