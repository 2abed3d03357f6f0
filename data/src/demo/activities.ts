import { SPECIAL_EVENTS, OUTDOOR_TITLES, TITLES, TYPE_TRAITS, type Audience, type SpecialEvent } from './catalog.ts';
import { dateOf, dayOfMonthOf, isChristmasBreak, isPublicHoliday, monthOf, nextWeekday, weekdayOf, weekStartOf, yearOf, type Day } from './calendar.ts';
import type { Activity, Participant } from './model.ts';
import { programmeShare, type CommunityProfile, type MonthlySlot, type WeeklySlot } from './profiles.ts';
import { createRng, type Rng } from './random.ts';

/** An activity before it gets the organizer's id (ids are numbered once empty sessions are dropped). */
export type PlannedActivity = Omit<Activity, 'id'> & { outdoor: boolean };

/** Even in a normal week some sessions are called off (illness, weather, a clash). */
const HELD_SHARE = 0.93;

/** Chance that residents co-organise an activity, by year: it grows as leaders emerge. */
const RESIDENT_INITIATIVE_BY_YEAR: Record<number, number> = { 2021: 0.035, 2022: 0.04, 2023: 0.055 };

function isSummer(day: Day): boolean {
  const month = monthOf(day);
  return month === 7 || month === 8;
}

/** Mid-June to August: sport and culture go outside when the weather lets them. */
function isOutdoorSeason(day: Day): boolean {
  const month = monthOf(day);
  return (month === 6 && dayOfMonthOf(day) >= 15) || month === 7 || month === 8;
}

/**
 * Share of the programme a declining community still holds; 1 elsewhere and before the decline.
 * What the organizer starts in answer to the decline (a slot from after it began) is held as planned.
 */
function declineHeldShare(profile: CommunityProfile, day: Day, startedOn?: Day): number {
  const decline = profile.decline;
  if (!decline || day < decline.from || (startedOn !== undefined && startedOn >= decline.from)) return 1;
  return decline.heldShare;
}

function isClosed(day: Day): boolean {
  return isPublicHoliday(day) || isChristmasBreak(day);
}

function weeklySlotMeets(slot: WeeklySlot, day: Day, firstDay: Day): boolean {
  if (weekdayOf(day) !== slot.weekday) return false;
  return !slot.everyOtherWeek || ((weekStartOf(day) - weekStartOf(firstDay)) / 7) % 2 === 0;
}

function monthlySlotMeets(slot: MonthlySlot, day: Day): boolean {
  if (slot.months && !slot.months.includes(monthOf(day))) return false;
  return weekdayOf(day) === slot.weekday && Math.ceil(dayOfMonthOf(day) / 7) === slot.nth;
}

/** Where a yearly event falls in a given year, or undefined when it cannot take place. */
export function specialEventDay(event: SpecialEvent, year: number): Day | undefined {
  if (event.years && !event.years.includes(year)) return undefined;
  const [month, dayOfMonth] = event.anchor.split('-').map(Number) as [number, number];
  let day = nextWeekday(dateOf(year, month, dayOfMonth), event.weekday);
  if (isPublicHoliday(day)) day += 7;
  // Gatherings were not allowed before mid-May 2021.
  if (isChristmasBreak(day) || programmeShare(day) < 0.5) return undefined;
  return day;
}

function drawDuration(rng: Rng, [low, high]: readonly [number, number]): number {
  return low + 0.5 * rng.int(0, Math.round((high - low) / 0.5));
}

function drawTitle(rng: Rng, type: string, audience: Audience, outdoor: boolean): string {
  const lists = outdoor ? OUTDOOR_TITLES[type] : TITLES[type];
  const titles = lists?.[audience] ?? lists?.all;
  if (!titles) throw new Error(`no ${outdoor ? 'outdoor ' : ''}titles for ${type} (${audience})`);
  return rng.pick(titles);
}

/** Heads counted at open events; smaller in a community that is losing people, and under pandemic rules. */
function drawAnonymous(rng: Rng, type: string, outdoor: boolean, day: Day, profile: CommunityProfile): number {
  const range: readonly [number, number] | undefined = type === 'IMPREZA' ? [15, 60] : type === 'AKCJA' ? [3, 20] : outdoor ? [4, 18] : undefined;
  if (!range) return 0;
  const declining = profile.decline && day >= profile.decline.from ? 0.55 : 1;
  return Math.round(rng.int(range[0], range[1]) * profile.openEventScale * declining * programmeShare(day));
}

function leadersBy(day: Day, leaders: readonly Participant[]): number {
  return leaders.filter((p) => p.leaderSince !== undefined && p.leaderSince <= day).length;
}

/**
 * Which activities residents co-organised: a steady share of the programme, growing by year, and
 * only once the community has a leader to carry it.
 */
function markInitiatives(rng: Rng, planned: PlannedActivity[], leaders: readonly Participant[]): void {
  const coOrganised = steadyShare(rng);
  for (const activity of planned) {
    const weight = TYPE_TRAITS[activity.type]?.residentInitiative ?? 0;
    const chance = leadersBy(activity.date, leaders) > 0 ? (RESIDENT_INITIATIVE_BY_YEAR[yearOf(activity.date)] ?? 0) * weight : 0;
    activity.residentInitiative = chance > 0 && coOrganised(chance);
  }
}

/** Fills in everything about an activity beyond its date and type. */
function describeActivity(
  rng: Rng,
  profile: CommunityProfile,
  leaders: readonly Participant[],
  day: Day,
  type: string,
  outdoor: boolean,
  special?: SpecialEvent,
): PlannedActivity {
  const traits = TYPE_TRAITS[type];
  if (!traits) throw new Error(`no traits for activity type ${type}`);
  return {
    date: day,
    community: profile.code,
    type,
    title: special?.title ?? drawTitle(rng, type, profile.audience, outdoor),
    durationH: drawDuration(rng, traits.durationH),
    ledBy: rng.pick(traits.ledBy),
    location: special?.location ?? rng.pick(outdoor ? profile.locations.outdoor : profile.locations.indoor),
    anonymous: traits.open || outdoor ? drawAnonymous(rng, type, outdoor, day, profile) : 0,
    // Decided once the programme is known (markInitiatives).
    residentInitiative: false,
    outdoor,
  };
}

/**
 * Keeps a steady share of what it is offered: which sessions go is random, but how many stays
 * within one or two of the expected number, so the counts behind the indicators (and how far a
 * declining community's programme thins) do not hang on the seed.
 */
function steadyShare(rng: Rng): (share: number) => boolean {
  let credit = rng.next();
  let threshold = rng.between(0.5, 1.5);
  return (share) => {
    if (share >= 1) return true;
    if (share <= 0) return false;
    credit += share;
    if (credit < threshold) return false;
    credit -= 1;
    threshold = rng.between(0.5, 1.5);
    return true;
  };
}

/** One community's programme: special events, then the weekly and monthly sessions around them. */
function planCommunity(profile: CommunityProfile, participants: readonly Participant[], seed: number, firstDay: Day, lastDay: Day) {
  const rng = createRng(seed, `activities:${profile.code}`);
  const leaders = participants.filter((p) => p.community === profile.code && p.leaderSince !== undefined);
  const planned: PlannedActivity[] = [];
  const specialDays = new Set<Day>();
  const keepEvent = steadyShare(rng);
  const keepSession = steadyShare(rng);
  for (let year = yearOf(firstDay); year <= yearOf(lastDay); year++) {
    for (const event of SPECIAL_EVENTS.filter((e) => e.communities.includes(profile.code))) {
      const day = specialEventDay(event, year);
      if (day === undefined || day < firstDay || day > lastDay) continue;
      // A community losing its people drops some of its events too.
      if (!keepEvent(declineHeldShare(profile, day))) continue;
      specialDays.add(day);
      planned.push(describeActivity(rng, profile, leaders, day, event.type, event.outdoor ?? false, event));
    }
  }
  const turns = new Map<object, number>();
  const takeTurn = (slot: WeeklySlot | MonthlySlot) => {
    const turn = turns.get(slot) ?? 0;
    turns.set(slot, turn + 1);
    return slot.rotation[turn % slot.rotation.length]!;
  };
  for (let day = firstDay; day <= lastDay; day++) {
    // A special event replaces the usual session that day.
    if (isClosed(day) || specialDays.has(day)) continue;
    const held = programmeShare(day) * (isSummer(day) ? profile.summerShare : 1) * HELD_SHARE;
    const slots = [...profile.weekly.filter((s) => weeklySlotMeets(s, day, firstDay)), ...profile.monthly.filter((s) => monthlySlotMeets(s, day))].filter(
      (s) => s.from === undefined || day >= s.from,
    );
    for (const slot of slots) {
      if (!keepSession(held * declineHeldShare(profile, day, slot.from))) continue;
      const type = takeTurn(slot);
      const outdoor = isOutdoorSeason(day) && OUTDOOR_TITLES[type] !== undefined && rng.chance(0.6);
      planned.push(describeActivity(rng, profile, leaders, day, type, outdoor));
    }
  }
  planned.sort((a, b) => a.date - b.date);
  markInitiatives(rng, planned, leaders);
  return planned;
}

export function planActivities(
  profiles: readonly CommunityProfile[],
  participants: readonly Participant[],
  seed: number,
  firstDay: Day,
  lastDay: Day,
): PlannedActivity[] {
  return profiles.flatMap((profile) => planCommunity(profile, participants, seed, firstDay, lastDay));
}

/** Numbers the activities that took place, per community and year, in date order. */
export function numberActivities(planned: readonly PlannedActivity[], profiles: readonly CommunityProfile[]): Activity[] {
  const counters = new Map<string, number>();
  return planned.map(({ outdoor: _outdoor, ...activity }) => {
    const profile = profiles.find((p) => p.code === activity.community)!;
    const key = `${activity.community}:${yearOf(activity.date)}`;
    const seq = (counters.get(key) ?? 0) + 1;
    counters.set(key, seq);
    return { id: profile.activityId(yearOf(activity.date), seq), ...activity };
  });
}
