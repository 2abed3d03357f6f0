import type { ImportKind } from '../import.types.ts';
import { activities } from './activities.ts';
import { attendance } from './attendance.ts';
import type { ImportKindDefinition } from './import-kind.ts';
import { participants } from './participants.ts';
import { survey } from './survey.ts';

export type { ActivityRecord } from './activities.ts';
export type { AttendanceRecord } from './attendance.ts';
export type { ParticipantRecord } from './participants.ts';
export type { SurveyAnswerRecord, SurveyResponseRecord } from './survey.ts';

/** The kinds of input file, by name: everything generic code needs to know about each. */
// Every kind has a definition; each keeps its own record type (hence `any` here, and only here).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own record type; the map's keys are what is checked
export const importKindDefinitions = { activities, attendance, participants, survey } satisfies { [K in ImportKind]: ImportKindDefinition<any> };

/** The record a row of each kind becomes. */
export type KindRecords = { [K in ImportKind]: (typeof importKindDefinitions)[K] extends ImportKindDefinition<infer R> ? R : never };

/**
 * A kind's definition as generic code uses it. (The registry keeps each kind's own record type;
 * code that handles whichever kind a file is sees records only as records.)
 */
export function importKindDefinition(kind: ImportKind): ImportKindDefinition {
  return importKindDefinitions[kind] as unknown as ImportKindDefinition;
}
