/**
 * Every measure of the metrics query, once: the column of the published participation table
 * (pipelines/src/sql/analytics-schema.sql, agg_participation) it reads, and whether it counts
 * persons or their attendances — such figures are hidden for the auditor when 1 or 2 and enter
 * the auditor's disclosure model (auth/auditor-disclosure.ts). The query compiler, the API's
 * contract and the auditor's mask all read this catalogue.
 */
export const measureCatalogue = {
  activities: { column: 'activities', countsPersons: false },
  attendances: { column: 'attendances', countsPersons: true },
  namedAttendances: { column: 'named_attendances', countsPersons: true },
  anonymousAttendances: { column: 'anonymous_attendances', countsPersons: true },
  distinctParticipants: { column: 'distinct_participants', countsPersons: true },
  newParticipants: { column: 'new_participants', countsPersons: true },
  returningParticipants: { column: 'returning_participants', countsPersons: true },
  // Attendances per activity: derived from person counts, so it is hidden with them (metrics.service.ts).
  turnout: { column: 'turnout', countsPersons: false },
} as const satisfies Record<string, { column: string; countsPersons: boolean }>;

export type MetricMeasure = keyof typeof measureCatalogue;

type PersonMeasureOf<K extends MetricMeasure> = K extends MetricMeasure ? ((typeof measureCatalogue)[K]['countsPersons'] extends true ? K : never) : never;
/** The measures that count persons or their attendances. */
export type PersonMeasure = PersonMeasureOf<MetricMeasure>;

export const metricMeasureNames = Object.keys(measureCatalogue) as MetricMeasure[];

export const personMeasures = metricMeasureNames.filter(isPersonMeasure);

/** Whether a measure counts persons or their attendances. */
export function isPersonMeasure(measure: MetricMeasure): measure is PersonMeasure {
  return measureCatalogue[measure].countsPersons;
}
