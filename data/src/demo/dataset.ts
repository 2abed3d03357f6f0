import type { OslConfig } from '../config/config.schema.ts';
import { numberActivities, planActivities } from './activities.ts';
import { simulateAttendance } from './attendance.ts';
import { dayOf } from './calendar.ts';
import { TYPE_TRAITS } from './catalog.ts';
import type { ActivityGroup, Attendance, DemoDataset } from './model.ts';
import { generateParticipants } from './participants.ts';
import { COMMUNITY_PROFILES, type CommunityProfile } from './profiles.ts';
import { generateSurveys } from './surveys.ts';

/** The demo covers the default project period; its story (pandemic 2021, OST from Oct 2022) is tied to these years. */
export const DEMO_FIRST_DAY = dayOf('2021-01-01');
export const DEMO_LAST_DAY = dayOf('2023-12-31');

/** The profiles speak of communities and types by code: they must exist in the configuration. */
function checkAgainstConfig(config: OslConfig, profiles: readonly CommunityProfile[]): void {
  const communities = new Set(config.communities.map((c) => c.code));
  for (const profile of profiles) {
    if (!communities.has(profile.code)) throw new Error(`demo community ${profile.code} is not in the configuration`);
  }
  const types = new Set(config.activityTypes.map((t) => t.code));
  for (const type of Object.keys(TYPE_TRAITS)) {
    if (!types.has(type)) throw new Error(`demo activity type ${type} is not in the configuration`);
  }
}

/** The whole simulated story, before it is written to files. */
export function buildDemoDataset(config: OslConfig, seed: number): DemoDataset {
  const profiles = COMMUNITY_PROFILES;
  checkAgainstConfig(config, profiles);
  const groups = new Map(config.activityTypes.map((t) => [t.code, t.group as ActivityGroup]));
  const groupOf = (type: string) => groups.get(type) ?? 'animation';

  const participants = generateParticipants(profiles, seed, DEMO_LAST_DAY);
  const planned = planActivities(profiles, participants, seed, DEMO_FIRST_DAY, DEMO_LAST_DAY);
  const held = simulateAttendance(planned, participants, profiles, groupOf, seed);
  const activities = numberActivities(
    held.map((h) => h.activity),
    profiles,
  );
  const attendances: Attendance[] = held.flatMap((h, i) =>
    h.attendees.map((p) => ({ activityId: activities[i]!.id, participantCode: p.code, date: h.activity.date })),
  );
  const surveys = generateSurveys(held, profiles, seed);
  return { participants, activities, attendances, surveys };
}
