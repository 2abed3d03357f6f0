// One sentence per lapsing alert: how many regulars stopped coming, since when, how often they used
// to come, and how many chance would explain.
import { plural } from './describe-decline.ts';

export interface LapsingAlertFigures {
  /** Regulars lapsing now, and regulars counted. */
  lapsing: number;
  regulars: number;
  /** Expected lapsing regulars under their usual rates. */
  expected: number;
  /** ISO week the fall began. */
  since: string;
  /** The lapsing regulars' median usual rate (share of their activities they came to). */
  medianRate: number;
}

export interface DescribeLapsingOptions {
  communityName: string;
  lang: 'pl' | 'en';
}

/**
 * E.g. „W społeczności Mieszkańcy Os. Wzgórze 9 z 38 stałych uczestników przestało przychodzić od
 * tygodnia 2023-W12 (zwykle bywali na 55% swoich zajęć; przy ich zwykłej frekwencji spodziewano by
 * się około 2).” The week is worded as in describeDecline, so the server words it as a date.
 */
export function describeLapsing(figures: LapsingAlertFigures, options: DescribeLapsingOptions): string {
  const { lapsing, regulars, since } = figures;
  const rate = Math.round(figures.medianRate * 100);
  const expected = Math.round(figures.expected);
  if (options.lang === 'pl') {
    // "9 z 38 stałych uczestników przestało"; "1 z 38 … przestał"; "3 z 38 … przestało" (a numeral takes the neuter verb).
    const verb = lapsing === 1 ? 'przestał' : 'przestało';
    const noun = regulars === 1 ? 'stałego uczestnika' : 'stałych uczestników';
    return (
      `W społeczności ${options.communityName} ${lapsing} z ${regulars} ${noun} ${verb} przychodzić od tygodnia ${since} ` +
      `(zwykle ${lapsing === 1 ? 'bywał' : 'bywali'} na ${rate}% swoich zajęć; przy ich zwykłej frekwencji spodziewano by się ` +
      `${expected === 0 ? 'mniej niż jednej takiej osoby' : `około ${expected} ${plural(expected, 'takiej osoby', 'takich osób', 'takich osób')}`}).`
    );
  }
  return (
    `In ${options.communityName}, ${lapsing} of ${regulars} ${regulars === 1 ? 'regular' : 'regulars'} ${lapsing === 1 ? 'has' : 'have'} stopped coming since week ${since} ` +
    `(they usually came to ${rate}% of their activities; at their usual rates ${expected === 0 ? 'fewer than one' : `about ${expected}`} would be expected).`
  );
}
