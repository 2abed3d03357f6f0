import type { MessageKey } from '../lib/messages.ts';
import type { PeriodVersionRecord } from '../repositories/period.repository.ts';

/**
 * Where a period stands: open (never closed, or reopened), closed (a version in force, not yet
 * signed), accepted or with remarks (the auditor's latest verdict on the version in force).
 */
export type PeriodState = 'open' | 'closed' | 'accepted' | 'remarks';

export function periodState(versions: readonly PeriodVersionRecord[]): PeriodState {
  const inForce = versionInForce(versions);
  if (!inForce) return 'open';
  const last = inForce.signOffs[inForce.signOffs.length - 1];
  return last ? last.verdict : 'closed';
}

/** The version reported now: the one not ended (at most one). */
export function versionInForce<V extends Pick<PeriodVersionRecord, 'endedAt'>>(versions: readonly V[]): V | null {
  return versions.find((v) => v.endedAt === null) ?? null;
}

export interface PeriodInput {
  name: string;
  from: string;
  to: string;
}

export interface PeriodProblem {
  field: 'name' | 'from' | 'to';
  key: MessageKey;
  params: Record<string, string | number>;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function isCivilDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * What is wrong with a period's definition, field by field: a name (1–80 characters, not another
 * period's), real dates, from ≤ to, and both inside the project. Empty when it is right.
 */
export function checkPeriodInput(input: PeriodInput, project: { periodStart: string; periodEnd: string }, otherNames: readonly string[]): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  const name = input.name.trim();
  if (name.length === 0) problems.push({ field: 'name', key: 'period.name_missing', params: {} });
  else if (name.length > 80) problems.push({ field: 'name', key: 'period.name_too_long', params: { max: 80 } });
  else if (otherNames.some((other) => other.trim().toLocaleLowerCase('pl') === name.toLocaleLowerCase('pl'))) {
    problems.push({ field: 'name', key: 'period.name_taken', params: { name } });
  }
  for (const field of ['from', 'to'] as const) {
    if (!isCivilDate(input[field])) problems.push({ field, key: 'period.date_invalid', params: { value: input[field] } });
    else if (input[field] < project.periodStart || input[field] > project.periodEnd) {
      problems.push({ field, key: 'period.date_outside_project', params: { value: input[field], start: project.periodStart, end: project.periodEnd } });
    }
  }
  if (problems.every((p) => p.field === 'name') && input.from > input.to) {
    problems.push({ field: 'to', key: 'period.ends_before_start', params: { from: input.from, to: input.to } });
  }
  return problems;
}

/**
 * The moment a reader means: an ISO date-time as given, or a civil date as the end of that day in
 * the project's time zone (the data "as it stood on" that day). Null when it is neither.
 */
export function momentOf(value: string, timeZone: string, civilDateOf: (instant: Date, zone: string) => string): Date | null {
  const text = value.trim();
  if (isCivilDate(text)) {
    // The last quarter-hour whose civil date is still that day (zones change by whole quarters).
    const quarter = 15 * 60 * 1000;
    for (let t = Date.parse(`${text}T00:00:00Z`) + 38 * 3600 * 1000; t > Date.parse(`${text}T00:00:00Z`) - 16 * 3600 * 1000; t -= quarter) {
      if (civilDateOf(new Date(t), timeZone) === text) return new Date(t + quarter - 1);
    }
    return null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const moment = new Date(text);
  return Number.isNaN(moment.getTime()) ? null : moment;
}
