// How unusual a regular's absence is, in words: the person-level test gives a probability (of so
// long an absence under their own usual rate); people read "very unusual", with the % beside.
import type { LabelMap } from './label-map.ts';

export type AbsenceKind = 'very_unusual' | 'unusual' | 'usual';

export const absenceLabels: LabelMap<AbsenceKind> = {
  very_unusual: { pl: 'bardzo nietypowa nieobecność', en: 'very unusual absence' },
  unusual: { pl: 'nietypowa nieobecność', en: 'unusual absence' },
  usual: { pl: 'nieobecność w granicach zwyczaju', en: 'absence within their habit' },
};

/** Below this probability an absence reads "very unusual" (a wording, not a test: the test is `lapsing`). */
export const VERY_UNUSUAL_BELOW = 0.01;

/** The words' kind for an absence: lapsing (unusual by the test) and, among those, very unusual below VERY_UNUSUAL_BELOW. */
export function absenceKind(absence: { absenceProbability: number; lapsing: boolean }): AbsenceKind {
  if (!absence.lapsing) return 'usual';
  return absence.absenceProbability < VERY_UNUSUAL_BELOW ? 'very_unusual' : 'unusual';
}
