import type { PlannedActivity } from './activities.ts';
import { TYPE_TRAITS } from './catalog.ts';
import type { ActivityGroup, Participant } from './model.ts';
import { programmeShare, seasonalTurnout, type CommunityProfile } from './profiles.ts';
import { createRng } from './random.ts';

export interface HeldActivity {
  activity: PlannedActivity;
  attendees: Participant[];
}

/** Whether the person could be there at all: registered already, not yet gone. */
function isAround(person: Participant, day: number): boolean {
  return person.joinedOn <= day && (person.leftOn === undefined || day <= person.leftOn);
}

/** Newcomers are keen; after a year and a half the novelty has worn off by this share. */
const NOVELTY_FADE = 0.2;
const NOVELTY_DAYS = 540;

/**
 * People register when they first come, or are brought along by a neighbour soon after: a newcomer
 * who has not been yet comes to one of the first sessions after registering.
 */
const NEWCOMER_CHANCE = 0.7;
const NEWCOMER_DAYS = 45;

/** The chance that one person comes to one activity. */
export function attendanceChance(person: Participant, activity: PlannedActivity, profile: CommunityProfile, group: ActivityGroup): number {
  const base = person.community === activity.community ? person.propensity : (person.visits?.propensity ?? 0);
  const declining = profile.decline && activity.date >= profile.decline.from ? profile.decline.propensityFactor : 1;
  // Under pandemic limits groups were kept small.
  const limits = 0.5 + 0.5 * programmeShare(activity.date);
  const fade = 1 - NOVELTY_FADE * Math.min(1, (activity.date - person.joinedOn) / NOVELTY_DAYS);
  const chance =
    base *
    profile.turnoutScale *
    (TYPE_TRAITS[activity.type]?.turnout ?? 1) *
    person.affinity[group] *
    seasonalTurnout(activity.date) *
    declining *
    limits *
    fade;
  return Math.min(chance, 0.95);
}

/**
 * Who came to each activity. An activity nobody could attend did not take place and is dropped;
 * a small session where the draw gives nobody still has its most faithful member.
 */
export function simulateAttendance(
  planned: readonly PlannedActivity[],
  participants: readonly Participant[],
  profiles: readonly CommunityProfile[],
  groupOf: (type: string) => ActivityGroup,
  seed: number,
): HeldActivity[] {
  const rng = createRng(seed, 'attendance');
  const byCommunity = new Map<string, Participant[]>();
  for (const person of participants) {
    for (const community of [person.community, person.visits?.community]) {
      if (!community) continue;
      const list = byCommunity.get(community) ?? [];
      list.push(person);
      byCommunity.set(community, list);
    }
  }
  const held: HeldActivity[] = [];
  // Who has come to their own community's activities yet (each community's plan is in date order).
  const cameHome = new Set<string>();
  for (const activity of planned) {
    const profile = profiles.find((p) => p.code === activity.community)!;
    const group = groupOf(activity.type);
    const present = (byCommunity.get(activity.community) ?? []).filter((p) => isAround(p, activity.date));
    const chances = present.map((p) => {
      const chance = attendanceChance(p, activity, profile, group);
      const newcomer = p.community === activity.community && !cameHome.has(p.code) && activity.date - p.joinedOn <= NEWCOMER_DAYS;
      return newcomer ? Math.max(chance, NEWCOMER_CHANCE) : chance;
    });
    const attendees = present.filter((_, i) => rng.chance(chances[i]!));
    if (attendees.length === 0 && activity.anonymous === 0) {
      if (present.length === 0) continue;
      attendees.push(present[chances.indexOf(Math.max(...chances))]!);
    }
    for (const person of attendees) if (person.community === activity.community) cameHome.add(person.code);
    held.push({ activity, attendees });
  }
  return held;
}
