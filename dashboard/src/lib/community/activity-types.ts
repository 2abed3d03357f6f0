// Activities by kind on the community page.
import type { MetricsRow } from '$lib/api/client';

/** A kind's name in the language shown; its code when the configuration does not know it. */
export { activityTypeLabel as activityTypeName } from '$lib/i18n/labels';

export interface ActivityTypeBar {
  type: string;
  activities: MetricsRow[string];
  attendances: MetricsRow[string];
  /** The bar's length: attendances as a share of the largest kind's (0–1). */
  share: number;
}

/** The kinds that had activities (metrics rows by type), with each one's bar. */
export function activityTypeBars(rows: readonly MetricsRow[]): ActivityTypeBar[] {
  const kept = rows.filter((r) => ((r.activities as number) ?? 0) > 0);
  const largest = Math.max(1, ...kept.map((r) => (r.attendances as number) ?? 0));
  return kept.map((r) => ({ type: String(r.type), activities: r.activities, attendances: r.attendances, share: ((r.attendances as number) ?? 0) / largest }));
}
