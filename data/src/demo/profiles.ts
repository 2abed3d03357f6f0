import { dayOf, monthOf, yearOf, type Day } from './calendar.ts';
import type { Engagement } from './model.ts';

/** A session that recurs on one weekday; `rotation` gives its activity type week after week. */
export interface WeeklySlot {
  weekday: number;
  /** For readers of this file: when the group meets (the files carry dates only). */
  time: string;
  everyOtherWeek?: boolean;
  rotation: readonly string[];
  /** First day the group meets, when it started later: the programme grows as the project finds its feet. */
  from?: Day;
}

/** A session on the n-th given weekday of each month: talks, meetings with specialists, trainings. */
export interface MonthlySlot {
  nth: 1 | 2 | 3 | 4;
  weekday: number;
  rotation: readonly string[];
  /** Months (1–12) in which it is held, when not all year: talks follow the school year. */
  months?: readonly number[];
  /** First day it is held, when it started later. */
  from?: Day;
}

/** A real, sustained fall in participation, injected so the decline alerts have something to find. */
export interface Decline {
  from: Day;
  /** Window in which the people who stop coming leave. */
  leaveBetween: readonly [Day, Day];
  /** Share of the people who stop coming, and the least share of attendance they carry. */
  leavingShare: number;
  /** How often those who stay still come, relative to before (1 = as often). */
  propensityFactor: number;
  /** Fewer newcomers join once the mood has turned: the share of would-be newcomers who still register. */
  joinFactor: number;
  /**
   * Share of the programme still held: with fewer people coming, the organizer calls sessions off,
   * merges groups and drops some events, so the community also falls behind on its activity counts.
   */
  heldShare: number;
}

export interface CommunityProfile {
  code: string;
  /** People whose home community this is and who register over 2021–2023 (before any decline thins the newcomers). */
  size: number;
  audience: 'residents' | 'seniors';
  womenShare: number;
  birthYears: readonly [number, number];
  engagementMix: Record<Engagement, number>;
  /** Scales everyone's chance to come, so turnout per activity fits the community. */
  turnoutScale: number;
  weekly: readonly WeeklySlot[];
  monthly: readonly MonthlySlot[];
  /** Share of regular sessions still held in July and August (summer break). */
  summerShare: number;
  /** Share of people who stop coming at some point (ordinary turnover). */
  churnShare: number;
  /** Relative number of people who register, by year and month, when not the project-wide JOIN_WEIGHTS. */
  joinWeights?: Record<number, readonly number[]>;
  /** Months in which the organizer identifies a new local leader. */
  leaderMonths: readonly string[];
  /** Anonymous head counts at open events, relative to an average community. */
  openEventScale: number;
  locations: { indoor: readonly string[]; outdoor: readonly string[] };
  /** Each community's staff numbers activities in their own way. */
  activityId: (year: number, seq: number) => string;
  decline?: Decline;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const COMMUNITY_PROFILES: readonly CommunityProfile[] = [
  {
    // The largest estate: families and working-age residents, a club evening every other week,
    // talks once a month, and from autumn 2022 Saturday mornings for families.
    code: 'WZG',
    size: 135,
    audience: 'residents',
    womenShare: 0.6,
    birthYears: [1942, 2006],
    engagementMix: { regular: 0.27, occasional: 0.45, rare: 0.28 },
    turnoutScale: 1.6,
    weekly: [{ weekday: 4, time: '17:00', everyOtherWeek: true, rotation: ['ANIM_KULT', 'ANIM_SPORT', 'WARSZTAT', 'ANIM_SPOL'] }],
    monthly: [
      { nth: 2, weekday: 3, rotation: ['SPOTKANIE', 'PRELEKCJA', 'SZKOLENIE'] },
      { nth: 4, weekday: 6, rotation: ['ANIM_SPORT', 'WARSZTAT', 'ANIM_KULT', 'WARSZTAT'], months: [3, 4, 5, 6, 9, 10, 11], from: dayOf('2022-09-01') },
    ],
    summerShare: 0.3,
    churnShare: 0.3,
    leaderMonths: ['2021-06', '2022-01', '2022-10', '2023-03', '2023-05'],
    openEventScale: 1.3,
    locations: {
      indoor: ['Świetlica osiedlowa, Os. Wzgórze', 'Klub osiedlowy Wzgórze', 'CUS, ul. Majówka 21A'],
      outdoor: ['Boisko osiedlowe, Os. Wzgórze', 'Plac między blokami, Os. Wzgórze', 'Zalew Pasternik'],
    },
    activityId: (year, seq) => `WZG/${year}/${pad(seq, 3)}`,
  },
  {
    // Blocks on one street: a quick start in 2021 (most residents who would come came in the first
    // year), a club evening every other week; it loses momentum from October 2022 (see `decline`),
    // so it registers fewer people than its 30% share of the targets.
    code: 'OST',
    size: 70,
    audience: 'residents',
    womenShare: 0.58,
    birthYears: [1940, 2005],
    engagementMix: { regular: 0.38, occasional: 0.37, rare: 0.25 },
    turnoutScale: 1.6,
    weekly: [{ weekday: 1, time: '17:00', everyOtherWeek: true, rotation: ['ANIM_SPOL', 'WARSZTAT', 'ANIM_KULT', 'PRELEKCJA', 'ANIM_SPORT', 'SPOTKANIE'] }],
    monthly: [
      // The centre's answer to the falling numbers: a spring series of meetings on what the residents ask about.
      { nth: 3, weekday: 4, rotation: ['SPOTKANIE', 'PRELEKCJA'], months: [2, 3, 4, 5, 6], from: dayOf('2023-01-01') },
    ],
    summerShare: 0.3,
    churnShare: 0.3,
    joinWeights: {
      2021: [1, 1, 1, 1, 6, 8, 3, 2, 10, 6, 2, 1],
      2022: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0],
      2023: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0],
    },
    leaderMonths: ['2021-09', '2022-03', '2023-06'],
    openEventScale: 1,
    locations: {
      indoor: ['Świetlica przy ul. Ostrowieckiej', 'Lokal spółdzielni, ul. Ostrowiecka'],
      outdoor: ['Podwórko przy ul. Ostrowieckiej', 'Boisko przy ul. Ostrowieckiej'],
    },
    activityId: (year, seq) => `OST-${year}-${seq}`,
    decline: {
      from: dayOf('2022-10-01'),
      leaveBetween: [dayOf('2022-09-05'), dayOf('2022-10-20')],
      leavingShare: 0.55,
      propensityFactor: 1,
      joinFactor: 0.25,
      heldShare: 0.6,
    },
  },
  {
    // Seniors: mostly women born 1935–1960, morning meetings twice a month (a third one in spring
    // and autumn from 2022/23), loyal and regular, stay in summer more.
    code: 'LAZ',
    size: 78,
    audience: 'seniors',
    womenShare: 0.78,
    birthYears: [1935, 1960],
    engagementMix: { regular: 0.4, occasional: 0.42, rare: 0.18 },
    turnoutScale: 1.9,
    weekly: [],
    monthly: [
      { nth: 2, weekday: 2, rotation: ['ANIM_SPORT', 'ANIM_KULT', 'ANIM_SPOL', 'WARSZTAT'] },
      { nth: 4, weekday: 5, rotation: ['PRELEKCJA', 'SPOTKANIE', 'WARSZTAT', 'SZKOLENIE'], months: [3, 4, 5, 9, 10, 11] },
      { nth: 4, weekday: 2, rotation: ['ANIM_KULT', 'WARSZTAT'], months: [3, 4, 5, 10, 11], from: dayOf('2022-09-01') },
    ],
    summerShare: 0.5,
    churnShare: 0.3,
    leaderMonths: ['2021-10', '2022-06', '2023-03'],
    openEventScale: 0.6,
    locations: {
      indoor: ['Klub Seniora, Os. Łazy', 'Sala parafialna na Łazach', 'CUS, ul. Majówka 21A'],
      outdoor: ['Park na Łazach', 'Zalew Pasternik'],
    },
    activityId: (year, seq) => `LAZ/${String(year).slice(2)}/${pad(seq, 3)}`,
  },
];

/** People who also come to another community's activities; kept to code-based lists (WZG, OST). */
export const VISITORS: readonly { from: string; to: string; count: number }[] = [
  { from: 'OST', to: 'WZG', count: 4 },
  { from: 'WZG', to: 'OST', count: 2 },
  { from: 'LAZ', to: 'WZG', count: 3 },
];

/**
 * Share of the planned programme that could run. In early 2021 pandemic rules closed clubs and
 * limited gatherings; activities came back from May 2021, in small groups, and the autumn wave
 * thinned them again.
 */
const PANDEMIC_2021 = [0.05, 0.05, 0.1, 0.1, 0.35, 0.7, 0.7, 0.7, 0.9, 0.9, 0.75, 0.65];

export function programmeShare(day: Day): number {
  return yearOf(day) === 2021 ? PANDEMIC_2021[monthOf(day) - 1]! : 1;
}

/** Even regulars miss sessions in holidays and in the flu season. */
const TURNOUT_BY_MONTH = [0.85, 0.9, 1, 1, 1, 0.95, 0.75, 0.75, 1, 1, 1, 0.95];

export function seasonalTurnout(day: Day): number {
  return TURNOUT_BY_MONTH[monthOf(day) - 1]!;
}

/**
 * Relative number of people who register, by month: the project recruits all along, most in the
 * spring and autumn, little under the 2021 lockdown.
 */
export const JOIN_WEIGHTS: Record<number, readonly number[]> = {
  2021: [1, 1, 1, 1, 4, 6, 3, 2, 8, 6, 3, 1],
  2022: [3, 3, 3, 3, 3, 3, 2, 2, 4, 3, 2, 1],
  2023: [4, 4, 4, 4, 3, 3, 2, 2, 4, 3, 2, 1],
};

/**
 * How keen people are to come, by engagement pattern: regulars come to most sessions, the others
 * to a session or two a year, mostly the big events.
 */
export const PROPENSITY_RANGE: Record<Engagement, readonly [number, number]> = {
  regular: [0.7, 1],
  occasional: [0.005, 0.025],
  rare: [0.005, 0.02],
};
