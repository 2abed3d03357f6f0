// One sentence per alert: what fell, by how much, since when, compared with what.
import type { BaselineKind, DeclineFinding } from './decline-detector.ts';

export interface DescribeDeclineOptions {
  communityName: string;
  /** Name of the activity group (e.g. "animacja"), when the alert is about one group within the community. */
  groupName?: string;
  lang: 'pl' | 'en';
}

/** Polish noun form for a whole count: 1 → one, 2–4 (not 12–14) → few, else many. */
export function plural(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const lastTwo = n % 100;
  const last = n % 10;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? few : many;
}

const BASELINE_PL: Record<BaselineKind, string> = {
  previous_year: 'na podstawie tych samych tygodni poprzedniego roku',
  blend: 'na podstawie tych samych tygodni poprzedniego roku i bieżącego poziomu',
  recent_level: 'na podstawie bieżącego poziomu z wcześniejszych tygodni',
};

const BASELINE_EN: Record<BaselineKind, string> = {
  previous_year: 'from the same weeks of the previous year',
  blend: 'from the same weeks of the previous year and the recent level',
  recent_level: 'from the recent level of the weeks before',
};

/**
 * E.g. „Frekwencja w społeczności Mieszkańcy bloków przy ul. Ostrowieckiej spadła o 42% od tygodnia
 * 2022-W41 (ostatnie 6 tygodni z działaniami: 61 obecności wobec oczekiwanych 105 na podstawie tych
 * samych tygodni poprzedniego roku i bieżącego poziomu).” Attendances are given as totals over the
 * window; distinct participants, counted week by week, as an average per week.
 */
export function describeDecline(finding: DeclineFinding, options: DescribeDeclineOptions): string {
  const drop = Math.round(finding.drop * 100);
  const weeks = finding.weeks;
  const attendances = finding.measure === 'attendances';
  if (options.lang === 'pl') {
    const decimal = (v: number) => v.toFixed(1).replace('.', ',');
    const subject = attendances ? 'Frekwencja' : 'Liczba uczestników';
    const where = options.groupName
      ? `na działaniach z grupy „${options.groupName}” w społeczności ${options.communityName}`
      : `w społeczności ${options.communityName}`;
    const span = weeks === 1 ? 'ostatni tydzień z działaniami' : `ostatnie ${weeks} ${plural(weeks, 'tydzień', 'tygodnie', 'tygodni')} z działaniami`;
    let figures: string;
    if (attendances) {
      const observed = Math.round(finding.observed);
      const expected = Math.round(finding.expected);
      figures =
        `${observed} ${plural(observed, 'obecność', 'obecności', 'obecności')} wobec ` +
        `${plural(expected, 'oczekiwanej', 'oczekiwanych', 'oczekiwanych')} ${expected}`;
    } else {
      // A fraction takes the genitive singular: "10,5 uczestnika".
      figures = `średnio ${decimal(finding.observed / weeks)} uczestnika tygodniowo wobec oczekiwanych ${decimal(finding.expected / weeks)}`;
    }
    return `${subject} ${where} spadła o ${drop}% od tygodnia ${finding.since} (${span}: ${figures} ${BASELINE_PL[finding.baselineKind]}).`;
  }
  const subject = attendances ? 'Attendance' : 'The number of participants';
  const where = options.groupName ? `at ${options.groupName} activities in ${options.communityName}` : `in ${options.communityName}`;
  const span = weeks === 1 ? 'last week with activities' : `last ${weeks} weeks with activities`;
  const figures = attendances
    ? `${Math.round(finding.observed)} ${Math.round(finding.observed) === 1 ? 'attendance' : 'attendances'} against ${Math.round(finding.expected)} expected`
    : `on average ${(finding.observed / weeks).toFixed(1)} participants a week against ${(finding.expected / weeks).toFixed(1)} expected`;
  return `${subject} ${where} has fallen by ${drop}% since week ${finding.since} (${span}: ${figures} ${BASELINE_EN[finding.baselineKind]}).`;
}
