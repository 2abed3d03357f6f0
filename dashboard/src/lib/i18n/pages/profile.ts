import { pageMessages } from '../page-messages';

export const profileMessages = pageMessages(
  {
    'profile.pageTitle': 'Uczestnicy według płci i wieku',
    'profile.intro':
      'Osoby, które w wybranym roku przyszły co najmniej raz na działanie społeczności (w całym projekcie: na dowolne działanie), według płci i wieku na początku projektu. Każda osoba liczona jest raz.',
    'profile.gender': 'Płeć',
    'profile.total': 'Razem',
    'profile.caption': '{community}: osoby według płci i grup wieku w {year} r.',
    'profile.persons': 'Osoby: {count}',
    'profile.empty': 'W tym roku nikt nie przyszedł.',
    'profile.suppressedNote': 'Liczby 1–2 pokazano jako „<3”, podobnie jak liczby, z których dałoby się je wyliczyć z sum wierszy i kolumn.',
  },
  {
    'profile.pageTitle': 'Participants by gender and age',
    'profile.intro':
      'People who came to at least one activity of the community in the chosen year (for the whole project: to any activity), by gender and by age at the start of the project. Each person is counted once.',
    'profile.gender': 'Gender',
    'profile.total': 'Total',
    'profile.caption': '{community}: people by gender and age group in {year}',
    'profile.persons': 'People: {count}',
    'profile.empty': 'Nobody came this year.',
    'profile.suppressedNote': 'Counts of 1–2 are shown as "<3", as are counts they could be worked out from with the row and column totals.',
  },
);
