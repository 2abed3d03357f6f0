// Where a decline alert leads: the community page's activities of the alert's weeks, and its list of
// who has not come back narrowed to those who stopped since the fall began. Both are plain links
// (query parameters of the community page), so they work the same from the overview, the
// navigation and the community page itself, and can be bookmarked.
import type { DeclineAlert, SessionUser } from '$lib/api/client';
import type { Lang } from '$lib/i18n/format';
import { MESSAGES, type MessageKey } from '$lib/i18n/messages';

/** The community page's query parameters an alert's links set. */
export const COMMUNITY_LINK_PARAMS = { from: 'od', to: 'do', group: 'grupa', lastFrom: 'ostatnio_od' } as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const GROUP = /^[a-z][a-z0-9_-]*$/;

/** What a community page was opened to show: the activities of a span of days (of one group), and who stopped coming since a day. */
export interface CommunityTarget {
  activities: { from: string; to: string; group: string | null } | null;
  lastFrom: string | null;
}

/** The community page's activities of the weeks behind an alert (its figures' weeks, its activity group). */
export function alertActivitiesHref(alert: Pick<DeclineAlert, 'community' | 'group' | 'window'>): string {
  const query = new URLSearchParams({ [COMMUNITY_LINK_PARAMS.from]: alert.window.from, [COMMUNITY_LINK_PARAMS.to]: alert.window.to });
  if (alert.group) query.set(COMMUNITY_LINK_PARAMS.group, alert.group);
  return `/spolecznosc/${encodeURIComponent(alert.community)}?${query}`;
}

/** The community page's "who has not come back", narrowed to the regulars last seen since the fall began (less the days that make one lapsed). */
export function alertPeopleHref(alert: Pick<DeclineAlert, 'community' | 'stoppedComingFrom'>): string {
  return `/spolecznosc/${encodeURIComponent(alert.community)}?${new URLSearchParams({ [COMMUNITY_LINK_PARAMS.lastFrom]: alert.stoppedComingFrom })}`;
}

/** Reads the community page's link parameters; anything malformed is ignored rather than shown as an error. */
export function readCommunityTarget(params: URLSearchParams): CommunityTarget {
  const from = params.get(COMMUNITY_LINK_PARAMS.from);
  const to = params.get(COMMUNITY_LINK_PARAMS.to);
  const group = params.get(COMMUNITY_LINK_PARAMS.group);
  const lastFrom = params.get(COMMUNITY_LINK_PARAMS.lastFrom);
  const activities = from && to && DATE.test(from) && DATE.test(to) && from <= to ? { from, to, group: group && GROUP.test(group) ? group : null } : null;
  return { activities, lastFrom: lastFrom && DATE.test(lastFrom) ? lastFrom : null };
}

/**
 * Whether the user sees the community's list of participants (and so who stopped coming): the
 * director, and an organizer of that community — the API's rule on that list, mirrored here only to
 * leave out a link that would lead to a refusal.
 */
export function mayListParticipants(user: Pick<SessionUser, 'role' | 'communities'> | null, community: string): boolean {
  if (!user) return false;
  return user.role === 'director' || (user.role === 'organizer' && user.communities.includes(community));
}

/** Active alerts per community code. */
export function activeAlertCounts(alerts: readonly Pick<DeclineAlert, 'community' | 'status'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const alert of alerts) if (alert.status === 'active') counts.set(alert.community, (counts.get(alert.community) ?? 0) + 1);
  return counts;
}

/** An activity group by name ("działania animacyjne"); a group the dictionary does not know, by its code. */
export function groupLabel(group: string, lang: Lang): string {
  const key = `alerts.group.${group}` as MessageKey;
  return MESSAGES[lang][key] ?? group;
}

/** An alert's sentence without its figures in parentheses: one line for a summary. */
export function shortSentence(sentence: string): string {
  const cut = sentence.split(' (')[0]!.replace(/[.…]$/, '');
  return `${cut}.`;
}
