// The words of reporting periods shared by the command line, the period report (PDF) and its
// workbook (XLSX): states, verdicts, why a version ended, the headings of the indicator table.
// One place, so the CLI and the files a director hands in say the same thing.
import type { Lang } from '../lib/message-template.ts';
import type { PeriodState } from './period-rules.ts';

type Words = Readonly<Record<Lang, string>>;

export const periodStateWords: Readonly<Record<PeriodState, Words>> = {
  open: { pl: 'otwarty', en: 'open' },
  closed: { pl: 'zamknięty', en: 'closed' },
  accepted: { pl: 'zaakceptowany', en: 'accepted' },
  remarks: { pl: 'z uwagami', en: 'with remarks' },
};

export const periodVerdictWords: Readonly<Record<'accepted' | 'remarks', Words>> = {
  accepted: { pl: 'akceptuję', en: 'accepted' },
  remarks: { pl: 'z uwagami', en: 'with remarks' },
};

/** Why a version was frozen: the period closed, or a restatement accepted. */
export const versionReasonWords: Readonly<Record<'close' | 'restatement', Words>> = {
  close: { pl: 'zamknięcie okresu', en: 'period closed' },
  restatement: { pl: 'korekta (przyjęta)', en: 'restatement (accepted)' },
};

/** Why a version stopped being the one in force. */
export const versionEndWords: Readonly<Record<'reopened' | 'restated', Words>> = {
  reopened: { pl: 'okres otwarto ponownie', en: 'period reopened' },
  restated: { pl: 'zastąpiona korektą', en: 'replaced by a restatement' },
};

/** The headings of a period's indicator table. */
export const periodFigureColumnWords = {
  indicator: { pl: 'Wskaźnik', en: 'Indicator' },
  scope: { pl: 'Zakres', en: 'Scope' },
  valueWithin: { pl: 'W okresie', en: 'In period' },
  valueCumulative: { pl: 'Narastająco', en: 'Cumulative' },
  target: { pl: 'Cel', en: 'Target' },
  achievement: { pl: 'Realizacja', en: 'Achievement' },
  status: { pl: 'Status', en: 'Status' },
} as const satisfies Record<string, Words>;

export function wordsIn<K extends string>(map: Readonly<Record<K, Words>>, lang: Lang): Record<K, string> {
  return Object.fromEntries(Object.entries<Words>(map).map(([key, words]) => [key, words[lang]])) as Record<K, string>;
}
