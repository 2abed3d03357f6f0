// Reporting periods on the page: the words for their codes (states, verdicts, why a version ended,
// changed rows), what a role may do with a period, and a figure's cells in the reader's words.
// Pure; the pages under routes/okresy lay them out.
import type { PeriodFigure, RecordChange, ReportingPeriod, Role } from '$lib/api/client';
import type { Lang } from '$lib/i18n/format';
import type { LabelMap } from '$lib/i18n/labels';
import { formatAchievement, formatIndicatorFigure } from '$lib/indicators/indicator-value';

export const periodStateLabels: LabelMap<ReportingPeriod['state']> = {
  open: { pl: 'Otwarty', en: 'Open' },
  closed: { pl: 'Zamknięty, czeka na ocenę', en: 'Closed, awaiting sign-off' },
  accepted: { pl: 'Zaakceptowany', en: 'Accepted' },
  remarks: { pl: 'Z uwagami audytora', en: 'With the auditor’s remarks' },
};

export const verdictLabels: LabelMap<'accepted' | 'remarks'> = {
  accepted: { pl: 'Akceptuję', en: 'Accept' },
  remarks: { pl: 'Uwagi', en: 'Remarks' },
};

export const versionReasonLabels: LabelMap<'close' | 'restatement'> = {
  close: { pl: 'zamknięcie okresu', en: 'period closed' },
  restatement: { pl: 'przyjęta korekta', en: 'restatement accepted' },
};

export const versionEndLabels: LabelMap<'reopened' | 'restated'> = {
  reopened: { pl: 'okres otwarto ponownie', en: 'period reopened' },
  restated: { pl: 'zastąpiona korektą', en: 'replaced by a restatement' },
};

export const changeKindLabels: LabelMap<RecordChange['kind']> = {
  activity: { pl: 'działanie', en: 'activity' },
  attendance: { pl: 'obecność', en: 'attendance' },
  participant: { pl: 'uczestnik', en: 'participant' },
  survey: { pl: 'ankieta', en: 'survey' },
};

export const changeLabels: LabelMap<RecordChange['change']> = {
  added: { pl: 'dodano', en: 'added' },
  corrected: { pl: 'poprawiono', en: 'corrected' },
  removed: { pl: 'usunięto', en: 'removed' },
};

/** The first characters of a fingerprint, enough to tell versions apart at a glance. */
export function shortFingerprint(fingerprint: string): string {
  return `${fingerprint.slice(0, 12)}…`;
}

export interface PeriodPermissions {
  edit: boolean;
  remove: boolean;
  close: boolean;
  reopen: boolean;
  signOff: boolean;
  acceptRestatement: boolean;
}

/**
 * What the page offers a role for a period (the server decides again): the director edits and
 * deletes an open period never closed, closes one that is over, reopens and restates a closed
 * one; the auditor signs off the version in force.
 */
export function periodPermissions(
  period: Pick<ReportingPeriod, 'state' | 'over' | 'versions' | 'inForce'>,
  role: Role | undefined,
  restatementPending = false,
): PeriodPermissions {
  const director = role === 'director';
  const open = period.state === 'open';
  return {
    edit: director && open,
    remove: director && open && period.versions.length === 0,
    close: director && open && period.over,
    reopen: director && period.inForce !== null,
    signOff: role === 'auditor' && period.inForce !== null,
    acceptRestatement: director && period.inForce !== null && restatementPending,
  };
}

/** A value in its unit: a percentage indicator's 69.9 as "69,9%", a count as a number. */
export function periodValueText(value: number | null, unit: string, lang: Lang): string {
  return formatIndicatorFigure(value, unit === 'percent' ? 'percent' : 'persons', lang) ?? '—';
}

/** A difference with its sign: "+7", "−1,5%". */
export function differenceText(value: number | null, unit: string, lang: Lang): string {
  if (value === null) return '—';
  const text = periodValueText(Math.abs(value), unit, lang);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

export interface FigureCells {
  within: string;
  cumulative: string;
  target: string;
  achievement: string;
  /** The status code, or null where suppression hides it (then `hidden` is the label shown). */
  status: string | null;
  hidden: boolean;
}

/** A figure's cells as the reader sees them: hidden values as the small-count label ("<3"). */
export function figureCells(figure: PeriodFigure, unit: string, lang: Lang, smallCountLabel: string): FigureCells {
  const suppressed = new Set(figure.suppressed ?? []);
  const value = (field: 'valueWithin' | 'valueCumulative') => (suppressed.has(field) ? smallCountLabel : periodValueText(figure[field], unit, lang));
  const cumulativeHidden = suppressed.has('valueCumulative') || figure.status === 'suppressed';
  return {
    within: value('valueWithin'),
    cumulative: value('valueCumulative'),
    target: periodValueText(figure.target, unit, lang),
    achievement: cumulativeHidden ? smallCountLabel : (formatAchievement(figure.achievement, lang) ?? '—'),
    status: cumulativeHidden ? null : figure.status,
    hidden: suppressed.size > 0 || figure.status === 'suppressed',
  };
}

/** The figures of one scope, in the configured order of the indicators. */
export function figuresOfScope<F extends { code: string; community: string }>(figures: readonly F[], scope: string, order: readonly string[]): F[] {
  const rank = new Map(order.map((code, n) => [code, n]));
  return figures.filter((f) => f.community === scope).sort((a, b) => (rank.get(a.code) ?? 999) - (rank.get(b.code) ?? 999));
}

/** A refusal's field errors as a message per field (the first one given). */
export function fieldMessages(errors: readonly { field: string; message: string }[]): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const error of errors) messages[error.field] ??= error.message;
  return messages;
}
