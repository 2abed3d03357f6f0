import { pageMessages } from '../page-messages';

export const surveysMessages = pageMessages(
  {
    'surveys.pageTitle': 'Wyniki ankiet',
    'surveys.intro':
      'Odpowiedzi z ankiety rocznej mieszkańców i z ankiet po działaniach w wybranym roku: liczba odpowiedzi, średnia, rozkład odpowiedzi i odsetek ocen 4 lub 5 (przy pytaniach „tak / nie”: odsetek odpowiedzi „tak”).',
    'surveys.community': 'Społeczność',
    'surveys.n': 'Odpowiedzi',
    'surveys.mean': 'Średnia',
    'surveys.shareTop': 'Oceny 4 lub 5',
    'surveys.shareYes': 'Odpowiedzi „tak”',
    'surveys.answer': 'Odpowiedź',
    'surveys.count': 'Liczba',
    'surveys.percent': 'Udział',
    'surveys.hiddenPart': 'ukryte („<3”)',
    'surveys.textQuestion': 'Pytanie otwarte: odpowiedzi nie są zliczane (zostają w bazie danych ankiet).',
    'surveys.noAnswers': 'Brak odpowiedzi w tym roku.',
    'surveys.suppressedNote':
      'Liczby 1–2 pokazano jako „<3”, podobnie jak liczby, z których dałoby się je wyliczyć; średnią i odsetek ukryto tam, gdzie zdradziłyby ukrytą liczbę.',
    'surveys.distributionOf': 'Rozkład odpowiedzi: {question}',
    'surveys.questionsCount': 'Pytania: {count}',
  },
  {
    'surveys.pageTitle': 'Survey results',
    'surveys.intro':
      'Answers to the yearly resident survey and to the post-activity surveys in the chosen year: number of answers, mean, distribution and the share of ratings 4 or 5 (for yes / no questions: the share of "yes").',
    'surveys.community': 'Community',
    'surveys.n': 'Answers',
    'surveys.mean': 'Mean',
    'surveys.shareTop': 'Ratings 4 or 5',
    'surveys.shareYes': '"Yes" answers',
    'surveys.answer': 'Answer',
    'surveys.count': 'Count',
    'surveys.percent': 'Share',
    'surveys.hiddenPart': 'hidden ("<3")',
    'surveys.textQuestion': 'Open question: its answers are not counted (they stay in the survey database).',
    'surveys.noAnswers': 'No answers this year.',
    'surveys.suppressedNote':
      'Counts of 1–2 are shown as "<3", as are counts they could be worked out from; the mean and the share are hidden where they would give a hidden count away.',
    'surveys.distributionOf': 'Distribution of answers: {question}',
    'surveys.questionsCount': 'Questions: {count}',
  },
);
