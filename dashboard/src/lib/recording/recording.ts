// The recording form's logic, apart from the page: who may record, the register searched, the
// activity types grouped, and where the form's links lead.
import type { ActivityTypeInfo, RecordingFieldError, RecordingForm, SessionUser } from '$lib/api/client';
import { COMMUNITY_LINK_PARAMS } from '$lib/alerts/alert-links';
import type { Lang } from '$lib/i18n/format';
import { activityGroupLabels, labelOf } from '$lib/i18n/labels';

/** As for an import: an organizer for their own communities, and the administrator (the API decides; this only hides what it would refuse). */
export function mayRecord(user: Pick<SessionUser, 'role' | 'communities'> | null | undefined, community: string): boolean {
  if (!user) return false;
  return user.role === 'admin' || (user.role === 'organizer' && user.communities.includes(community));
}

export type RegisterPerson = RecordingForm['register'][number];

/** Lower case, without Polish diacritics: "Łukasz" and "lukasz" match. */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
}

/** The people a search shows: every word of it in the code or the names (names only for those shown them). */
export function searchRegister(register: readonly RegisterPerson[], query: string): RegisterPerson[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...register];
  return register.filter((person) => {
    const text = foldForSearch([person.code, person.firstName ?? '', person.lastName ?? ''].join(' '));
    return words.every((word) => text.includes(word));
  });
}

/** A person as the list names them: "Anna Kowalska" with the code beside it, or the code alone. */
export function personName(person: RegisterPerson): string | null {
  const name = [person.firstName, person.lastName].filter(Boolean).join(' ');
  return name || null;
}

/** The activity types for the select: by group, in the configuration's order, with their names. */
export function typeGroups(types: readonly ActivityTypeInfo[], lang: Lang): { label: string; types: { code: string; name: string }[] }[] {
  const groups = new Map<string, { code: string; name: string }[]>();
  for (const type of types) {
    const list = groups.get(type.group) ?? [];
    list.push({ code: type.code, name: lang === 'pl' ? type.namePl : type.nameEn });
    groups.set(type.group, list);
  }
  return [...groups].map(([group, list]) => ({ label: labelOf(activityGroupLabels, group, lang), types: list }));
}

/** The form's controls, by the field their errors name (a field of no control: the form's summary). */
export const fieldControlIds: Record<RecordingFieldError['field'], string> = {
  date: 'recording-date',
  type: 'recording-type',
  title: 'recording-title',
  headcountAnonymous: 'recording-headcount',
  residentInitiative: 'recording-initiative',
  participants: 'recording-search',
  externalId: 'recording-errors',
  community: 'recording-errors',
};

const fieldOrder: RecordingFieldError['field'][] = [
  'community',
  'externalId',
  'date',
  'type',
  'title',
  'headcountAnonymous',
  'residentInitiative',
  'participants',
];

/** The control the focus goes to after a refusal: the first field refused, in the form's order. */
export function firstErrorControl(errors: readonly RecordingFieldError[]): string | null {
  const fields = new Set(errors.map((e) => e.field));
  const first = fieldOrder.find((field) => fields.has(field));
  return first ? fieldControlIds[first] : null;
}

/** The page correcting an activity (its number may hold slashes: one path segment, encoded). */
export function correctionHref(community: string, externalId: string): string {
  return `/spolecznosc/${community}/zajecia/${encodeURIComponent(externalId)}`;
}

export function newRecordingHref(community: string): string {
  return `/spolecznosc/${community}/zajecia/nowe`;
}

/** The community page showing the activities of one day. */
export function dayActivitiesHref(community: string, date: string): string {
  return `/spolecznosc/${community}?${COMMUNITY_LINK_PARAMS.from}=${date}&${COMMUNITY_LINK_PARAMS.to}=${date}`;
}
