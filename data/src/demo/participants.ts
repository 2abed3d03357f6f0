import { dateOf, dayOf, isPublicHoliday, weekdayOf, type Day } from './calendar.ts';
import type { ActivityGroup, Engagement, Participant } from './model.ts';
import { drawUniqueName, type Gender } from './names.ts';
import { JOIN_WEIGHTS, PROPENSITY_RANGE, VISITORS, type CommunityProfile } from './profiles.ts';
import { createRng, type Rng } from './random.ts';

const ENGAGEMENTS: readonly Engagement[] = ['regular', 'occasional', 'rare'];
const GROUPS: readonly ActivityGroup[] = ['animation', 'education', 'action'];

interface JoinMonth {
  year: number;
  month: number;
  weight: number;
  /** Share of the people who would register this month and do: below 1 once a community declines. */
  keep: number;
}

/** Months people can register in, weighted; a declining community attracts fewer newcomers. */
export function joinMonths(profile: CommunityProfile): JoinMonth[] {
  return Object.entries(profile.joinWeights ?? JOIN_WEIGHTS).flatMap(([year, weights]) =>
    weights.map((weight, i) => {
      const start = dateOf(Number(year), i + 1, 1);
      const keep = profile.decline && start >= profile.decline.from ? profile.decline.joinFactor : 1;
      return { year: Number(year), month: i + 1, weight, keep };
    }),
  );
}

/** People register at the office or at a meeting: on a working day; undefined if they never come to register. */
function drawJoinDay(rng: Rng, months: readonly JoinMonth[]): Day | undefined {
  const { year, month, keep } = months[rng.weightedIndex(months.map((m) => m.weight))]!;
  if (keep < 1 && !rng.chance(keep)) return undefined;
  let day = dateOf(year, month, rng.int(1, 28));
  while (weekdayOf(day) > 5 || isPublicHoliday(day)) day++;
  return day;
}

/** Triangular around the middle of the range: few of the very oldest and the very youngest. */
function drawBirthYear(rng: Rng, [from, to]: readonly [number, number]): number {
  return Math.round(from + ((rng.next() + rng.next()) / 2) * (to - from));
}

/** Someone who stops coming does so at least a month after joining, before the data ends. */
function drawLeftOn(rng: Rng, joinedOn: Day, lastDay: Day): Day | undefined {
  const earliest = joinedOn + 30;
  return earliest < lastDay ? rng.int(earliest, lastDay) : undefined;
}

/** A person of one community, before they get a code and a name; undefined for a newcomer who never registers. */
function drawPerson(rng: Rng, profile: CommunityProfile, months: readonly JoinMonth[], lastDay: Day) {
  const joinedOn = drawJoinDay(rng, months);
  if (joinedOn === undefined) return undefined;
  const gender: Gender = rng.chance(profile.womenShare) ? 'K' : 'M';
  const engagement = ENGAGEMENTS[rng.weightedIndex(ENGAGEMENTS.map((e) => profile.engagementMix[e]))]!;
  const [low, high] = PROPENSITY_RANGE[engagement];
  const affinity = Object.fromEntries(GROUPS.map((g) => [g, rng.between(0.6, 1.4)])) as Record<ActivityGroup, number>;
  return {
    community: profile.code,
    gender,
    birthYear: drawBirthYear(rng, profile.birthYears),
    joinedOn,
    engagement,
    propensity: rng.between(low, high),
    affinity,
    leftOn: rng.chance(profile.churnShare) ? drawLeftOn(rng, joinedOn, lastDay) : undefined,
  };
}

/** The organizer identifies leaders among committed regulars who have been around for a while. */
function appointLeaders(rng: Rng, people: Participant[], profile: CommunityProfile): void {
  for (const month of profile.leaderMonths) {
    const monthStart = dayOf(`${month}-01`);
    const eligible = (p: Participant, engagement: Engagement) =>
      p.engagement === engagement && p.leaderSince === undefined && p.leftOn === undefined && p.joinedOn <= monthStart - 60;
    const candidates = people.filter((p) => eligible(p, 'regular'));
    const pool = candidates.length > 0 ? candidates : people.filter((p) => eligible(p, 'occasional'));
    if (pool.length === 0) continue;
    const leader = rng.pick(pool);
    // Identification happens at a meeting: a working day of that month.
    let day = monthStart + rng.int(0, 26);
    while (weekdayOf(day) > 5 || isPublicHoliday(day)) day++;
    leader.leaderSince = day;
    leader.propensity = Math.max(leader.propensity, 0.75);
  }
}

/**
 * The sustained decline: within a few weeks, a fixed share of the people stop coming, and they
 * carry at least that share of the community's expected attendance, so the size of the fall
 * does not depend on whether the seed happens to pick regulars or occasional visitors.
 */
function applyDecline(rng: Rng, people: Participant[], profile: CommunityProfile): void {
  const decline = profile.decline;
  if (!decline) return;
  const [from, to] = decline.leaveBetween;
  const pool = people.filter(
    (p) =>
      p.joinedOn < from &&
      (p.leftOn === undefined || p.leftOn >= from) &&
      // A leader the organizer identifies later is, by definition, still there.
      !(p.leaderSince !== undefined && p.leaderSince >= decline.from),
  );
  const share = decline.leavingShare;
  const targetAttendance = share * pool.reduce((sum, p) => sum + p.propensity, 0);
  let removedAttendance = 0;
  let removedPeople = 0;
  for (const person of rng.shuffle(pool)) {
    if (removedAttendance >= targetAttendance && removedPeople >= share * pool.length) break;
    removedAttendance += person.propensity;
    removedPeople++;
    const leftOn = rng.int(from, to);
    person.leftOn = person.leftOn === undefined ? leftOn : Math.min(person.leftOn, leftOn);
  }
}

function assignVisitors(rng: Rng, participants: Participant[]): void {
  for (const rule of VISITORS) {
    const pool = participants.filter((p) => p.community === rule.from && p.engagement !== 'rare' && p.leftOn === undefined && !p.visits);
    for (const visitor of rng.shuffle(pool).slice(0, rule.count)) {
      visitor.visits = { community: rule.to, propensity: rng.between(0.12, 0.3) };
    }
  }
}

/** The whole register: codes numbered in the order people joined, names unique across communities. */
export function generateParticipants(profiles: readonly CommunityProfile[], seed: number, lastDay: Day): Participant[] {
  const participants: Participant[] = [];
  for (const profile of profiles) {
    const rng = createRng(seed, `participants:${profile.code}`);
    const months = joinMonths(profile);
    const drafts = Array.from({ length: profile.size }, () => drawPerson(rng, profile, months, lastDay)).filter((draft) => draft !== undefined);
    // Stable sort: codes follow the date of joining, as an organizer numbers a paper register.
    drafts.sort((a, b) => a.joinedOn - b.joinedOn);
    const people: Participant[] = drafts.map((draft, i) => ({
      ...draft,
      code: `${profile.code}-${String(i + 1).padStart(4, '0')}`,
      firstName: '',
      lastName: '',
    }));
    appointLeaders(rng, people, profile);
    applyDecline(rng, people, profile);
    participants.push(...people);
  }
  const nameRng = createRng(seed, 'names');
  const taken = new Set<string>();
  for (const person of participants) {
    Object.assign(person, drawUniqueName(nameRng, person.gender, person.birthYear, taken));
  }
  assignVisitors(createRng(seed, 'visitors'), participants);
  return participants;
}
