import type { Day } from './calendar.ts';
import type { Gender } from './names.ts';

/** The three engagement patterns seen on real attendance lists. */
export type Engagement = 'regular' | 'occasional' | 'rare';

export type ActivityGroup = 'animation' | 'education' | 'action';

/** A person in the register, with the hidden habits that drive the simulation. */
export interface Participant {
  code: string;
  community: string;
  gender: Gender;
  birthYear: number;
  joinedOn: Day;
  leaderSince?: Day;
  firstName: string;
  lastName: string;
  // Simulation only, never written to a file:
  engagement: Engagement;
  /** Base chance to come to an activity of the home community. */
  propensity: number;
  /** How much the person likes each group of activities (1 = average). */
  affinity: Record<ActivityGroup, number>;
  /** Last day the person still comes (moved away, lost interest, fell ill). */
  leftOn?: Day;
  /** A few people also come to a neighbouring community's activities. */
  visits?: { community: string; propensity: number };
}

export interface Activity {
  id: string;
  date: Day;
  community: string;
  type: string;
  title: string;
  durationH: number;
  ledBy: string;
  location: string;
  /** People present but not on the named list (open events); 0 = none counted. */
  anonymous: number;
  residentInitiative: boolean;
}

export interface Attendance {
  activityId: string;
  participantCode: string;
  date: Day;
}

export type Answer = number | boolean | string | undefined;

export interface SurveyResponse {
  survey: 'ANK-ROCZNA' | 'ANK-PO';
  date: Day;
  community: string;
  participantCode?: string;
  answers: Record<string, Answer>;
}

export interface DemoDataset {
  participants: Participant[];
  activities: Activity[];
  attendances: Attendance[];
  surveys: SurveyResponse[];
}
