// Words for the codes both the dashboard and the server's files show (statuses, units, roles,
// kinds): one table per code set, so a page and a file never word the same code differently.
import type { LabelMap } from './label-map.ts';

/** An indicator's status against the value expected to date (or, for a year that ended, its target). */
export type IndicatorStatusCode = 'on_track' | 'at_risk' | 'behind' | 'achieved' | 'not_achieved' | 'no_data' | 'no_target' | 'not_started';

export const indicatorStatusLabels: LabelMap<IndicatorStatusCode> = {
  on_track: { pl: 'Zgodnie z planem', en: 'On track' },
  at_risk: { pl: 'Zagrożony', en: 'At risk' },
  behind: { pl: 'Opóźniony', en: 'Behind' },
  achieved: { pl: 'Osiągnięty', en: 'Achieved' },
  not_achieved: { pl: 'Nieosiągnięty', en: 'Not achieved' },
  no_data: { pl: 'Brak danych', en: 'No data' },
  no_target: { pl: 'Brak celu', en: 'No target' },
  not_started: { pl: 'Jeszcze nie rozpoczęty', en: 'Not started yet' },
};

/** An indicator's unit, shown beside its name (the name says what is counted: no noun repeated). */
export const indicatorUnitLabels: LabelMap<'persons' | 'activities' | 'percent'> = {
  persons: { pl: 'osoby', en: 'persons' },
  activities: { pl: 'działania', en: 'activities' },
  percent: { pl: 'odsetek', en: 'percentage' },
};

export const indicatorKindLabels: LabelMap<'output' | 'result'> = {
  output: { pl: 'produkt', en: 'output' },
  result: { pl: 'rezultat', en: 'result' },
};

/** What a file holds; 'unknown' for a rejected file whose kind could not be told. */
export const importKindLabels: LabelMap<'activities' | 'attendance' | 'participants' | 'survey' | 'unknown'> = {
  activities: { pl: 'dziennik działań', en: 'activity log' },
  attendance: { pl: 'lista obecności', en: 'attendance list' },
  participants: { pl: 'rejestr uczestników', en: 'participant register' },
  survey: { pl: 'ankiety', en: 'surveys' },
  unknown: { pl: 'nierozpoznany', en: 'not recognised' },
};

export const runModeLabels: LabelMap<'full' | 'incremental'> = {
  full: { pl: 'pełne', en: 'full' },
  incremental: { pl: 'przyrostowe', en: 'incremental' },
};

export const activityGroupLabels: LabelMap<'animation' | 'education' | 'action'> = {
  animation: { pl: 'działania animacyjne', en: 'animation activities' },
  education: { pl: 'działania edukacyjne', en: 'education activities' },
  action: { pl: 'akcje społecznościowe', en: 'community actions' },
};

/** What a decline alert is about: the totals test's weekly counts, or the person-level test's regulars who stopped coming. */
export const alertMeasureLabels: LabelMap<'attendances' | 'distinctParticipants' | 'lapsingRegulars'> = {
  attendances: { pl: 'spadek frekwencji', en: 'fall in attendance' },
  distinctParticipants: { pl: 'spadek liczby uczestników', en: 'fall in participants' },
  lapsingRegulars: { pl: 'stali uczestnicy przestają przychodzić', en: 'regulars stopping coming' },
};

export const roleLabels: LabelMap<'director' | 'organizer' | 'auditor' | 'admin'> = {
  director: { pl: 'dyrektor', en: 'director' },
  organizer: { pl: 'organizator', en: 'organizer' },
  auditor: { pl: 'audytor', en: 'auditor' },
  admin: { pl: 'administrator', en: 'administrator' },
};

/** The two answers of a yes/no question, and a yes/no cell of a file. */
export const yesNoLabels: LabelMap<'yes' | 'no'> = {
  yes: { pl: 'tak', en: 'yes' },
  no: { pl: 'nie', en: 'no' },
};
