import { createHash } from 'node:crypto';
import { canonicalJson } from '@osl/prisma';

/**
 * What closing a reporting period freezes, in a format of its own: the pipeline's rows may gain
 * columns, a frozen period never changes. Its canonical JSON (keys sorted, no spaces) is what is
 * stored and fingerprinted (SHA-256), so the same figures always give the same fingerprint.
 */
export interface FrozenFigure {
  code: string;
  community: string;
  valueWithin: number | null;
  valueCumulative: number | null;
  target: number | null;
  achievement: number | null;
  status: string;
  withinFrom: string | null;
  withinTo: string | null;
  cumulativeFrom: string | null;
  cumulativeTo: string | null;
}

export interface FrozenActivity {
  activityId: string;
  date: string;
  community: string;
  type: string;
  group: string;
  named: number;
  anonymous: number;
  residentInitiative: boolean;
}

export interface FrozenDrillDown {
  activities: FrozenActivity[];
  persons: { code: string; community: string; attendances: number }[];
  regulars: { code: string; community: string; attendances: number }[];
  leaders: { code: string; community: string; leaderSince: string }[];
  /** R2's answers counted within the period and to its end ('cumulative'), per community. */
  surveyAnswers: { survey: string; question: string; community: string; window: 'within' | 'cumulative'; answers: number; atLeast: number }[];
}

export interface FrozenIndicator {
  code: string;
  namePl: string;
  nameEn: string;
  kind: string;
  unit: string;
  cumulative: boolean;
}

export interface FrozenPeriod {
  format: 1;
  project: { name: string; centre: string; from: string; to: string };
  period: { id: number; name: string; from: string; to: string };
  version: number;
  reason: 'close' | 'restatement';
  /** The last import batch the figures saw, and the civil date they were computed as of. */
  dataVersion: number;
  asOf: string;
  closedAt: string;
  closedBy: string;
  indicators: FrozenIndicator[];
  figures: FrozenFigure[];
  drillDown: FrozenDrillDown;
}

/** The frozen text of a period's version and its SHA-256 (hex). */
export function freezePeriod(content: FrozenPeriod): { frozen: string; fingerprint: string } {
  const frozen = canonicalJson(sortedContent(content));
  return { frozen, fingerprint: fingerprintOf(frozen) };
}

export function fingerprintOf(frozen: string): string {
  return createHash('sha256').update(frozen, 'utf8').digest('hex');
}

/** Arrays in one order whatever order the pipeline gave them in. */
function sortedContent(content: FrozenPeriod): FrozenPeriod {
  const by =
    <T>(...keys: (keyof T)[]) =>
    (a: T, b: T) => {
      for (const key of keys) {
        const x = String(a[key]);
        const y = String(b[key]);
        if (x !== y) return x < y ? -1 : 1;
      }
      return 0;
    };
  const d = content.drillDown;
  return {
    ...content,
    indicators: [...content.indicators].sort(by('code')),
    figures: [...content.figures].sort(by('code', 'community')),
    drillDown: {
      activities: [...d.activities].sort(by('date', 'activityId')),
      persons: [...d.persons].sort(by('community', 'code')),
      regulars: [...d.regulars].sort(by('community', 'code')),
      leaders: [...d.leaders].sort(by('community', 'code')),
      surveyAnswers: [...d.surveyAnswers].sort(by('survey', 'question', 'window', 'community')),
    },
  };
}

/** One figure whose reported and current values differ. */
export interface FigureDifference {
  code: string;
  community: string;
  reportedWithin: number | null;
  currentWithin: number | null;
  reportedCumulative: number | null;
  currentCumulative: number | null;
  /** current − reported (null where either has no value) */
  differenceWithin: number | null;
  differenceCumulative: number | null;
  reportedStatus: string;
  currentStatus: string;
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((a - b) * 1e6) / 1e6);

/**
 * The figures of a closed period that a later correction changed: values within the period or
 * to its end, or a status. A figure only one side has counts as changed from/to no value.
 */
export function comparePeriodFigures(reported: readonly FrozenFigure[], current: readonly FrozenFigure[]): FigureDifference[] {
  const key = (f: FrozenFigure) => `${f.code}|${f.community}`;
  const now = new Map(current.map((f) => [key(f), f]));
  const then = new Map(reported.map((f) => [key(f), f]));
  const keys = [...new Set([...then.keys(), ...now.keys()])].sort();
  const differences: FigureDifference[] = [];
  for (const k of keys) {
    const r = then.get(k);
    const c = now.get(k);
    const [code, community] = k.split('|') as [string, string];
    const reportedWithin = r?.valueWithin ?? null;
    const currentWithin = c?.valueWithin ?? null;
    const reportedCumulative = r?.valueCumulative ?? null;
    const currentCumulative = c?.valueCumulative ?? null;
    const reportedStatus = r?.status ?? 'no_data';
    const currentStatus = c?.status ?? 'no_data';
    if (reportedWithin === currentWithin && reportedCumulative === currentCumulative && reportedStatus === currentStatus) continue;
    differences.push({
      code,
      community,
      reportedWithin,
      currentWithin,
      reportedCumulative,
      currentCumulative,
      differenceWithin: minus(currentWithin, reportedWithin),
      differenceCumulative: minus(currentCumulative, reportedCumulative),
      reportedStatus,
      currentStatus,
    });
  }
  return differences;
}

/** What changed between two drill-downs: activities by their number, persons and leaders by code. */
export interface DrillDownDifference {
  activities: { activityId: string; change: 'added' | 'removed' | 'corrected'; before: FrozenActivity | null; after: FrozenActivity | null }[];
  persons: { code: string; community: string; change: 'added' | 'removed' | 'corrected'; before: number | null; after: number | null }[];
  leaders: { code: string; community: string; change: 'added' | 'removed' }[];
}

export function compareDrillDowns(reported: FrozenDrillDown, current: FrozenDrillDown): DrillDownDifference {
  const activities: DrillDownDifference['activities'] = [];
  const before = new Map(reported.activities.map((a) => [a.activityId, a]));
  const after = new Map(current.activities.map((a) => [a.activityId, a]));
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.get(id) ?? null;
    const a = after.get(id) ?? null;
    if (b && a && canonicalJson(b) === canonicalJson(a)) continue;
    activities.push({ activityId: id, change: !b ? 'added' : !a ? 'removed' : 'corrected', before: b, after: a });
  }
  const persons: DrillDownDifference['persons'] = [];
  const count = (rows: FrozenDrillDown['persons']) => new Map(rows.map((p) => [`${p.community}|${p.code}`, p.attendances]));
  const personsBefore = count(reported.persons);
  const personsAfter = count(current.persons);
  for (const k of [...new Set([...personsBefore.keys(), ...personsAfter.keys()])].sort()) {
    const b = personsBefore.get(k) ?? null;
    const a = personsAfter.get(k) ?? null;
    if (a === b) continue;
    const [community, code] = k.split('|') as [string, string];
    persons.push({ code, community, change: b === null ? 'added' : a === null ? 'removed' : 'corrected', before: b, after: a });
  }
  const leaderKeys = (rows: FrozenDrillDown['leaders']) => new Set(rows.map((l) => `${l.community}|${l.code}`));
  const leadersBefore = leaderKeys(reported.leaders);
  const leadersAfter = leaderKeys(current.leaders);
  const leaders: DrillDownDifference['leaders'] = [];
  for (const k of [...new Set([...leadersBefore, ...leadersAfter])].sort()) {
    if (leadersBefore.has(k) === leadersAfter.has(k)) continue;
    const [community, code] = k.split('|') as [string, string];
    leaders.push({ code, community, change: leadersAfter.has(k) ? 'added' : 'removed' });
  }
  return { activities, persons, leaders };
}
