// One value of the auditor's table: an indicator, a scope and a year.
import type { AuditEvent, Scope } from '$lib/api/client';

export interface IndicatorCell {
  code: string;
  scope: Scope;
  year: number;
}

/** An activity's change history in the drill-down: loading, loaded, or failed. */
export type ActivityHistoryState = AuditEvent[] | 'loading' | { error: unknown };
