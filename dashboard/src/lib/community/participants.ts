// Who has not come back: the community page's list of lapsed regulars, narrowed, sorted and
// exported as the organizer chooses. The server decides who counts as a regular and as lapsed
// (project.json, "lapsing"); the narrowing here matches the export's (participants.service.ts,
// lapsedParticipants), so the file holds what the page shows.
import { downloadUrl, type ParticipantItem } from '$lib/api/client';

/** How the list is narrowed: a code or name fragment, and the span of the last attendance ('' = any). */
export interface LapsedFilter {
  search: string;
  lastFrom: string;
  lastTo: string;
}

export const NO_FILTER: LapsedFilter = { search: '', lastFrom: '', lastTo: '' };

export type LapsedSortKey = 'code' | 'name' | 'absence' | 'usualRate' | 'missed' | 'lastAttended' | 'daysAway' | 'attendances';
export interface LapsedSort {
  key: LapsedSortKey;
  direction: 'asc' | 'desc';
}

/**
 * The list's first order: the most unusual absence first (the person-level test's probability of so
 * long an absence under the person's own usual rate), then those the days rule alone finds, the
 * most recently seen first — the server's order (lapsedParticipants), so the export matches.
 */
export const DEFAULT_SORT: LapsedSort = { key: 'absence', direction: 'asc' };

/** First and last name; "–" when unknown, nothing for a person of another community (whose note says why). */
export function participantName(p: Pick<ParticipantItem, 'firstName' | 'lastName' | 'fromOtherCommunity'>): string {
  return [p.firstName, p.lastName].filter(Boolean).join(' ') || (p.fromOtherCommunity ? '' : '–');
}

/**
 * Who has not come back, matching `filter`: the regulars lapsing by their own rate (absence.lapsing)
 * or by the days rule (lapsed), in the server's order (DEFAULT_SORT). A name matches only where the
 * list carries it (the viewer may see it); the code always does.
 */
export function lapsedParticipants(participants: readonly ParticipantItem[], filter: LapsedFilter = NO_FILTER): ParticipantItem[] {
  const needle = filter.search.trim().toLocaleLowerCase('pl');
  const found = participants
    .filter((p) => p.lapsed || p.absence?.lapsing === true)
    .filter((p) => !filter.lastFrom || (p.lastAttended !== null && p.lastAttended >= filter.lastFrom))
    .filter((p) => !filter.lastTo || (p.lastAttended !== null && p.lastAttended <= filter.lastTo))
    .filter((p) => !needle || [p.code, [p.firstName, p.lastName].filter(Boolean).join(' ')].some((text) => text.toLocaleLowerCase('pl').includes(needle)));
  return sortParticipants(found, DEFAULT_SORT);
}

/** The list in the order chosen; ties (and unknown values, last) keep the code order. */
export function sortParticipants(list: readonly ParticipantItem[], sort: LapsedSort): ParticipantItem[] {
  const value = (p: ParticipantItem): string | number | null => {
    switch (sort.key) {
      case 'code':
        return p.code;
      case 'name':
        return [p.lastName, p.firstName].filter(Boolean).join(' ') || null;
      case 'absence':
        return p.absence?.absenceProbability ?? null;
      case 'usualRate':
        return p.absence?.usualRate ?? null;
      case 'missed':
        return p.absence?.missed ?? null;
      case 'lastAttended':
        return p.lastAttended;
      case 'daysAway':
        return p.daysAway;
      case 'attendances':
        return p.attendances;
    }
  };
  const sign = sort.direction === 'asc' ? 1 : -1;
  // Ties in how unusual an absence is (those the test does not weigh) go to the most recently seen.
  const tie = (a: ParticipantItem, b: ParticipantItem) =>
    (sort.key === 'absence' ? (b.lastAttended ?? '').localeCompare(a.lastAttended ?? '') : 0) || a.code.localeCompare(b.code);
  return [...list].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? tie(a, b) : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'pl');
    return order * sign || tie(a, b);
  });
}

/**
 * A click on a column's header: the same column turns the order round; another starts with its
 * natural order (numbers and dates: most first; an absence: the most unusual, the least probable, first).
 */
export function nextSort(current: LapsedSort, key: LapsedSortKey): LapsedSort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'code' || key === 'name' || key === 'absence' ? 'asc' : 'desc' };
}

/** The export of the list as narrowed on the page, worded in `lang` (codes only: the server leaves names out of every file). */
export function lapsedExportHref(community: string, filter: LapsedFilter, format: 'xlsx' | 'csv', lang: 'pl' | 'en'): string {
  const query: { format: 'xlsx' | 'csv'; lang: 'pl' | 'en'; search?: string; lastFrom?: string; lastTo?: string } = { format, lang };
  if (filter.search.trim()) query.search = filter.search.trim();
  if (filter.lastFrom) query.lastFrom = filter.lastFrom;
  if (filter.lastTo) query.lastTo = filter.lastTo;
  return downloadUrl('/api/exports/communities/{code}/lapsed', { path: { code: community }, query });
}

/** A person's attendance history page. */
export function historyHref(community: string, code: string): string {
  return `/spolecznosc/${encodeURIComponent(community)}/uczestnik/${encodeURIComponent(code)}`;
}
