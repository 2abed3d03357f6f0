// Which rows stand behind an indicator value (its computation decides), and who may list them
// (the trace routes' access: the director, an organizer for one of their communities, the auditor).
import type { IndicatorComputation, Role } from '$lib/api/client';

export type TraceKind = 'persons' | 'answers' | 'leaders';

/** The list a value of this computation is traced to; an activity count has its activities already. */
export function traceKindOf(computation: Pick<IndicatorComputation, 'kind'>): TraceKind | null {
  switch (computation.kind) {
    case 'distinct_participants':
      return 'persons';
    case 'survey_share':
      return 'answers';
    case 'leaders':
      return 'leaders';
    default:
      return null;
  }
}

export type TraceAccess = 'open' | 'own-communities-only' | 'none';

/** Whether the viewer may list the rows behind a value of `scope` (ALL or a community code). */
export function traceAccessOf(viewer: { role: Role; communities: readonly string[] } | null, scope: string): TraceAccess {
  if (!viewer) return 'none';
  if (viewer.role === 'director' || viewer.role === 'auditor') return 'open';
  if (viewer.role !== 'organizer') return 'none';
  return scope !== 'ALL' && viewer.communities.includes(scope) ? 'open' : 'own-communities-only';
}
