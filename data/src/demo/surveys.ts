import type { HeldActivity } from './attendance.ts';
import { AFTER_ACTIVITY_REMARKS, YEARLY_REMARKS } from './catalog.ts';
import { dateOf, yearOf, type Day } from './calendar.ts';
import type { Engagement, Participant, SurveyResponse } from './model.ts';
import type { CommunityProfile } from './profiles.ts';
import { createRng, type Rng } from './random.ts';

/** When each community fills in the yearly survey: at its own autumn meetings. */
const YEARLY_SURVEY_WINDOWS: Record<string, readonly [string, string]> = {
  WZG: ['09-01', '11-30'],
  OST: ['09-01', '11-20'],
  LAZ: ['09-15', '12-15'],
};

/** Mean answers by year: the work shows, slowly (R2 targets 55 → 60 → 70% answering 4 or 5). */
const YEARLY_MEANS: Record<'JAKOSC_ZYCIA' | 'ZAUFANIE' | 'WIEDZA', Record<number, number>> = {
  JAKOSC_ZYCIA: { 2021: 3.15, 2022: 3.65, 2023: 3.8 },
  ZAUFANIE: { 2021: 3.0, 2022: 3.3, 2023: 3.55 },
  WIEDZA: { 2021: 3.2, 2022: 3.6, 2023: 3.9 },
};

const ENGAGEMENT_SHIFT: Record<Engagement, number> = { regular: 0.3, occasional: 0, rare: -0.2 };

/** Only some respondents write their code on the form: it is optional and anonymous by default. */
const CODE_GIVEN_YEARLY = 0.35;
const CODE_GIVEN_AFTER = 0.2;
const SKIPPED_ANSWER = 0.04;

function normal(rng: Rng, mean: number, sd: number): number {
  const u = 1 - rng.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

function likert(rng: Rng, mean: number, sd = 0.85): number | undefined {
  if (rng.chance(SKIPPED_ANSWER)) return undefined;
  return Math.min(5, Math.max(1, Math.round(normal(rng, mean, sd))));
}

function isDeclining(profile: CommunityProfile, day: Day): boolean {
  return profile.decline !== undefined && day >= profile.decline.from;
}

function yearlyResponse(rng: Rng, person: Participant, day: Day, profile: CommunityProfile): SurveyResponse {
  const year = yearOf(day);
  // Seniors rate a little higher; a community losing its people rates lower.
  const shift = ENGAGEMENT_SHIFT[person.engagement] + (profile.audience === 'seniors' ? 0.1 : 0) - (isDeclining(profile, day) ? 0.3 : 0);
  const quality = likert(rng, YEARLY_MEANS.JAKOSC_ZYCIA[year]! + shift);
  const recommends = 0.6 + 0.05 * (year - 2021) + (quality !== undefined && quality >= 4 ? 0.2 : 0);
  return {
    survey: 'ANK-ROCZNA',
    date: day,
    community: profile.code,
    participantCode: rng.chance(CODE_GIVEN_YEARLY) ? person.code : undefined,
    answers: {
      JAKOSC_ZYCIA: quality,
      ZAUFANIE: likert(rng, YEARLY_MEANS.ZAUFANIE[year]! + shift),
      WIEDZA: likert(rng, YEARLY_MEANS.WIEDZA[year]! + shift),
      POLECAM: rng.chance(0.05) ? undefined : rng.chance(recommends),
      UWAGI: rng.chance(0.12) ? rng.pick(YEARLY_REMARKS) : undefined,
    },
  };
}

/** Share of the people at an autumn meeting who fill in the yearly survey there. */
const YEARLY_RESPONSE_RATE = 0.8;

/** ANK-ROCZNA: handed out at the community's autumn meetings, once per person per year. */
function yearlySurveys(rng: Rng, held: readonly HeldActivity[], profile: CommunityProfile): SurveyResponse[] {
  const window = YEARLY_SURVEY_WINDOWS[profile.code] ?? ['10-15', '11-15'];
  const responses: SurveyResponse[] = [];
  const years = [...new Set(held.map((h) => yearOf(h.activity.date)))];
  for (const year of years) {
    const [from, to] = window.map((md) => dateOf(year, Number(md.slice(0, 2)), Number(md.slice(3))));
    const answered = new Set<string>();
    for (const { activity, attendees } of held) {
      if (activity.community !== profile.code || activity.date < from! || activity.date > to!) continue;
      for (const person of attendees) {
        if (answered.has(person.code) || !rng.chance(YEARLY_RESPONSE_RATE)) continue;
        answered.add(person.code);
        responses.push(yearlyResponse(rng, person, activity.date, profile));
      }
    }
  }
  return responses;
}

/** ANK-PO: short forms after some events and workshops, from mid-2021 on. */
const SURVEYED_TYPES = new Set(['IMPREZA', 'WARSZTAT', 'SZKOLENIE']);
const FIRST_AFTER_ACTIVITY_SURVEY = dateOf(2021, 6, 1);

function afterActivitySurveys(rng: Rng, held: readonly HeldActivity[], profile: CommunityProfile): SurveyResponse[] {
  const responses: SurveyResponse[] = [];
  for (const { activity, attendees } of held) {
    if (activity.community !== profile.code || !SURVEYED_TYPES.has(activity.type)) continue;
    if (activity.date < FIRST_AFTER_ACTIVITY_SURVEY || !rng.chance(0.25)) continue;
    const named = attendees.filter(() => rng.chance(0.45));
    const anonymous = rng.int(0, Math.min(activity.anonymous, 5));
    const respondents: (Participant | undefined)[] = [...named, ...Array<undefined>(anonymous).fill(undefined)];
    for (const person of respondents) {
      const rating = likert(rng, 4.3 - (isDeclining(profile, activity.date) ? 0.3 : 0), 0.7);
      responses.push({
        survey: 'ANK-PO',
        date: activity.date,
        community: profile.code,
        participantCode: person && rng.chance(CODE_GIVEN_AFTER) ? person.code : undefined,
        answers: {
          OCENA: rating,
          PONOWNIE: rng.chance(0.05) ? undefined : rng.chance(rating !== undefined && rating <= 2 ? 0.4 : 0.92),
          UWAGI: rng.chance(0.15) ? rng.pick(AFTER_ACTIVITY_REMARKS) : undefined,
        },
      });
    }
  }
  return responses;
}

export function generateSurveys(held: readonly HeldActivity[], profiles: readonly CommunityProfile[], seed: number): SurveyResponse[] {
  return profiles
    .flatMap((profile) => {
      const rng = createRng(seed, `surveys:${profile.code}`);
      return [...yearlySurveys(rng, held, profile), ...afterActivitySurveys(rng, held, profile)];
    })
    .sort((a, b) => a.date - b.date);
}
