import { formatImportMessage } from '../import.messages.ts';
import type { ImportIssue, Lang, ValidationContext, ValidationResult } from '../import.types.ts';

type Lookups = ValidationContext['lookups'];

/**
 * An organizer imports for their own communities only: every row whose community — as written,
 * and for a stored activity or participant also as stored (a row must not move another
 * community's record into one's own) — or, for an attendance list, its activity's community, is
 * not one of `allowed` is an error naming the row. `null` allows every community (administrators,
 * the command line, the inbox).
 */
export function rowsOutsideCommunities(result: ValidationResult, allowed: readonly string[] | null, lookups: Lookups, lang: Lang): ImportIssue[] {
  if (allowed === null) return [];
  const rows: { row: number; communities: (string | undefined)[]; column: string; value: string }[] = [];
  if (result.kind === 'attendance') {
    for (const r of result.records) rows.push({ row: r.row, communities: [lookups.activities.get(r.activityExternalId)?.communityCode], column: 'activity_id', value: r.activityExternalId });
  } else if (result.kind === 'activities') {
    for (const r of result.records) rows.push({ row: r.row, communities: [r.communityCode, lookups.activities.get(r.externalId)?.communityCode], column: 'community', value: r.communityCode });
  } else if (result.kind === 'participants') {
    for (const r of result.records) rows.push({ row: r.row, communities: [r.communityCode, lookups.participants.get(r.code)?.communityCode], column: 'community', value: r.communityCode });
  } else {
    for (const r of result.records) rows.push({ row: r.row, communities: [r.communityCode], column: 'community', value: r.communityCode });
  }
  const list = allowed.join(', ') || '—';
  const issues: ImportIssue[] = [];
  for (const r of rows) {
    const outside = r.communities.find((c) => c !== undefined && !allowed.includes(c));
    if (outside) issues.push({ row: r.row, column: r.column, value: r.value, code: 'community_not_assigned', message: formatImportMessage('community_not_assigned', lang, { value: outside, allowed: list }) });
  }
  return issues;
}

/**
 * What an organizer's file may be matched against: attendance lists by name find only
 * participants registered in the organizer's communities, so a name never reveals another
 * community's register (its codes appear in messages about ambiguous names).
 */
export function lookupsForCommunities(lookups: Lookups, allowed: readonly string[] | null): Lookups {
  if (allowed === null) return lookups;
  const byName = new Map<string, readonly string[]>();
  for (const [key, codes] of lookups.participantCodesByNameKey) {
    const own = codes.filter((code) => allowed.includes(lookups.participants.get(code)?.communityCode ?? ''));
    if (own.length > 0) byName.set(key, own);
  }
  return { ...lookups, participantCodesByNameKey: byName };
}
