import { formatImportMessage } from '../import.messages.ts';
import type { ImportIssue, Lang, ValidationContext, ValidationResult } from '../import.types.ts';
import { importKindDefinition } from '../kinds/index.ts';
import { columnLabel } from '../parsing/columns.ts';

type Lookups = ValidationContext['lookups'];

/**
 * An organizer imports for their own communities only: every row whose community — as written,
 * and for a stored activity also as stored (a row must not move another community's record into
 * one's own) — or, for an attendance list, its activity's community, is not one of `allowed` is
 * an error naming the row (what a row of each kind touches is its definition's `scope`). A
 * participant code registered outside `allowed` (a register row, an attendance or a survey answer
 * naming it) is refused with the message validation gives a code registered nowhere, which names
 * neither the community it is stored in nor that it exists.
 * `null` allows every community (administrators, the command line, the inbox).
 */
export function rowsOutsideCommunities(
  result: ValidationResult,
  allowed: readonly string[] | null,
  lookups: Lookups,
  lang: Lang,
  communityCodes: readonly string[] = [],
): ImportIssue[] {
  if (allowed === null) return [];
  // Codes are global: a register row for a code another community holds must be refused, one for
  // a new code accepted, which would tell which codes exist elsewhere. A code written in another
  // community's form ("WZG-0042" for a LAZ organizer) is therefore refused whether it exists or not.
  const othersPrefixes = communityCodes.filter((c) => !allowed.includes(c));
  const inAnotherCommunitysForm = (code: string) => othersPrefixes.some((prefix) => new RegExp(`^${escapeRegExp(prefix)}[^\\p{L}\\p{N}]`, 'iu').test(code));
  const definition = importKindDefinition(result.kind);
  const list = allowed.join(', ') || '—';
  // The column as the file names it; as the template does when the file was validated without its headers.
  const where = (field: string) => ({ column: result.columnHeaders?.get(field) ?? columnLabel(result.kind, field), field });
  const issues: ImportIssue[] = [];
  for (const record of result.records) {
    const r = definition.scope(record, lookups);
    const outside = r.communities.find((c) => c !== undefined && !allowed.includes(c));
    if (outside) {
      issues.push({
        row: record.row,
        ...where(r.column),
        value: r.value,
        code: 'community_not_assigned',
        message: formatImportMessage('community_not_assigned', lang, { value: outside, allowed: list }),
      });
      continue;
    }
    const stored = r.participantCode ? lookups.participants.get(r.participantCode)?.communityCode : undefined;
    if ((stored !== undefined && !allowed.includes(stored)) || (r.registersCode && r.participantCode && inAnotherCommunitysForm(r.participantCode))) {
      const code = 'participant_not_in_your_register';
      issues.push({
        row: record.row,
        ...where('participant_code'),
        value: r.participantCode!,
        code,
        message: formatImportMessage(code, lang, { value: r.participantCode!, allowed: list }),
      });
    }
  }
  return issues;
}

/**
 * What an organizer's file may be matched against: codes and names of participants registered
 * in the organizer's communities only, so that neither a name nor a code tells another
 * community's register apart from no register at all (its codes would appear in messages about
 * ambiguous names and in suggestions; its codes would be accepted where a missing one is refused).
 */
export function lookupsForCommunities(lookups: Lookups, allowed: readonly string[] | null): Lookups {
  if (allowed === null) return lookups;
  const own = (code: string) => allowed.includes(lookups.participants.get(code)?.communityCode ?? '');
  const byName = new Map<string, readonly string[]>();
  for (const [key, codes] of lookups.participantCodesByNameKey) {
    const owned = codes.filter(own);
    if (owned.length > 0) byName.set(key, owned);
  }
  const names = new Map<string, string>();
  for (const [code, name] of lookups.participantNames ?? []) if (own(code)) names.set(code, name);
  return { ...lookups, participantCodesByNameKey: byName, participantNames: names, uploaderCommunities: allowed };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
