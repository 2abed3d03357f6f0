import { formatImportMessage } from '../import.messages.ts';
import type { ImportIssue, Lang, ValidationContext, ValidationResult } from '../import.types.ts';

/**
 * An organizer imports for their own communities only: every row whose community (for an
 * attendance list, its activity's community) is not one of `allowed` is an error naming the row.
 * `null` allows every community (administrators, the command line, the inbox).
 */
export function rowsOutsideCommunities(
  result: ValidationResult,
  allowed: readonly string[] | null,
  activities: ValidationContext['lookups']['activities'],
  lang: Lang,
): ImportIssue[] {
  if (allowed === null) return [];
  const rows: { row: number; community: string; column: string; value: string }[] = [];
  if (result.kind === 'attendance') {
    for (const r of result.records) {
      const community = activities.get(r.activityExternalId)?.communityCode;
      if (community) rows.push({ row: r.row, community, column: 'activity_id', value: r.activityExternalId });
    }
  } else {
    for (const r of result.records) rows.push({ row: r.row, community: r.communityCode, column: 'community', value: r.communityCode });
  }
  const list = allowed.join(', ') || '—';
  return rows
    .filter((r) => !allowed.includes(r.community))
    .map((r) => ({ row: r.row, column: r.column, value: r.value, code: 'community_not_assigned', message: formatImportMessage('community_not_assigned', lang, { value: r.community, allowed: list }) }));
}
