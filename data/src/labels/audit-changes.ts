// An audit event's before/after turned into readable lines, "Topic: old → new", one per changed
// field: field labels instead of keys, values as dates, yes/no, numbers, names of communities,
// roles and kinds instead of codes. The trail's page and its CSV export say the same.
import { auditActionFilterLabel, auditActorLabel, auditEntityLabel, auditFieldLabel, auditReasonLabels } from './audit-labels.ts';
import { activityGroupLabels, importKindLabels, indicatorKindLabels, indicatorUnitLabels, roleLabels, runModeLabels } from './code-labels.ts';
import { formatDate, formatDateTime, formatNumber } from './format.ts';
import { isRecord, labelOf, type Lang, type LabelMap } from './label-map.ts';

export interface ChangeLine {
  /** The field in words ("Cel – Ostrówek, 2022"). */
  topic: string;
  /** The value before, in words; null when the event records none (a creation, an export). */
  before: string | null;
  /** The value after; null when the event records none. */
  after: string | null;
  /**
   * Whether the values are data shown as recorded (a name, a title, a code the configuration
   * defines) rather than words of the dashboard: the page marks them so, in either language.
   */
  verbatim: boolean;
}

export interface ChangeContext {
  lang: Lang;
  /** A community's name from its code (the code when unknown). */
  communityName: (code: string) => string;
  /** An activity type's name from its code. */
  activityTypeName: (code: string) => string;
}

/** What the server writes instead of a personal value that changed (audited-upsert.ts). */
export const REDACTED = '(zmieniono)';

const calendarDateFields = new Set(['date', 'joinedOn', 'leaderSince']);
const plainNumberFields = new Set(['year', 'birthYear', 'version', 'dataVersion']);
const genderWords: Record<string, Record<Lang, string>> = {
  K: { pl: 'kobieta', en: 'woman' },
  M: { pl: 'mężczyzna', en: 'man' },
  other: { pl: 'inna', en: 'other' },
};

/** How an indicator is computed (indicators.json `computation.kind`). */
export const computationKindLabels: LabelMap<'distinct_participants' | 'activity_count' | 'leaders' | 'survey_share'> = {
  distinct_participants: { pl: 'liczba różnych osób', en: 'number of distinct persons' },
  activity_count: { pl: 'liczba działań', en: 'number of activities' },
  leaders: { pl: 'liczba liderów', en: 'number of leaders' },
  survey_share: { pl: 'odsetek odpowiedzi w ankiecie', en: 'share of survey answers' },
};

// A `kind` is an import's, an indicator's or a computation's: whichever map knows the value.
const kindMaps: readonly LabelMap<string>[] = [importKindLabels, indicatorKindLabels, computationKindLabels];

/** Fields whose values are codes or texts as the configuration or a person wrote them. */
const verbatimFields = new Set([
  'survey',
  'question',
  'namePl',
  'nameEn',
  'name',
  'displayName',
  'title',
  'email',
  'externalId',
  'file',
  'code',
  'textPl',
  'textEn',
]);

/** The lines of one event: changed fields only when both sides are recorded, every field when one is. */
export function auditChangeLines(before: unknown, after: unknown, context: ChangeContext): ChangeLine[] {
  const old = flatten(before);
  const now = flatten(after);
  const both = old.size > 0 && now.size > 0;
  const paths = [...new Set([...now.keys(), ...old.keys()])];
  const lines: ChangeLine[] = [];
  for (const path of paths) {
    const was = old.get(path);
    const is = now.get(path);
    // A redacted name is "changed" on both sides: still a change worth a line.
    if (both && JSON.stringify(was) === JSON.stringify(is) && was !== REDACTED) continue;
    const segments = path.split('\u0000');
    // Nested values (an indicator's computation) are worded by their own key.
    const field = segments.length > 1 && knownField(segments.at(-1)!) ? segments.at(-1)! : segments[0];
    lines.push({
      topic: topicOf(segments, context),
      before: old.size > 0 ? formatValue(field, was, context) : null,
      after: now.size > 0 ? formatValue(field, is, context) : null,
      verbatim: verbatimFields.has(field),
    });
  }
  return lines;
}

/** "Topic: old → new", or "Topic: value" when only one side is recorded. */
export function changeLineText(line: ChangeLine): string {
  if (line.before !== null && line.after !== null) return `${line.topic}: ${line.before} → ${line.after}`;
  return `${line.topic}: ${line.after ?? line.before}`;
}

/** The trail's filter of an export ("actor=a%40b&action=user") in words: "osoba: a@b; czynność: Konta (wszystkie zmiany)". */
function filterWords(query: string, context: ChangeContext): string {
  const { lang } = context;
  const parts = [...new URLSearchParams(query)].map(([name, value]) => {
    const words =
      name === 'action'
        ? auditActionFilterLabel(value, lang)
        : name === 'entity'
          ? auditEntityLabel(value, lang)
          : name === 'actor'
            ? auditActorLabel(value, lang)
            : /^\d{4}-\d{2}-\d{2}$/.test(value)
              ? formatDate(value, lang)
              : value;
    return `${auditFieldLabel(name, lang)}: ${words}`;
  });
  return parts.length === 0 ? '—' : parts.join('; ');
}

/** Leaves of nested records by path (segments joined by NUL); arrays and scalars are leaves. */
function flatten(value: unknown, prefix: string[] = [], into = new Map<string, unknown>()): Map<string, unknown> {
  if (!isRecord(value)) {
    if (prefix.length > 0) into.set(prefix.join('\u0000'), value);
    else if (value !== null && value !== undefined) into.set('value', value);
    return into;
  }
  for (const [key, field] of Object.entries(value)) flatten(field, [...prefix, key], into);
  return into;
}

function knownField(key: string): boolean {
  return auditFieldLabel(key, 'en') !== key;
}

function topicOf([field, ...rest]: string[], context: ChangeContext): string {
  const label = auditFieldLabel(field, context.lang);
  if (rest.length === 0) return label;
  // Below baselines and targets: a scope (a community or the whole project) and a year; below a
  // computation, its settings by name.
  const parts = rest.map((part) =>
    part === 'ALL'
      ? context.lang === 'pl'
        ? 'cały projekt'
        : 'whole project'
      : /^\d{4}$/.test(part)
        ? part
        : knownField(part)
          ? auditFieldLabel(part, context.lang).toLowerCase()
          : context.communityName(part),
  );
  return `${label} – ${parts.join(', ')}`;
}

function formatValue(field: string, value: unknown, context: ChangeContext): string {
  const { lang } = context;
  if (value === null || value === undefined || value === '') return '—';
  if (value === REDACTED) return lang === 'pl' ? 'zmieniono (nie pokazujemy)' : 'changed (not shown)';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((item) => formatValue(field, item, context)).join(', ');
  if (typeof value === 'boolean') return value ? (lang === 'pl' ? 'tak' : 'yes') : lang === 'pl' ? 'nie' : 'no';
  if (typeof value === 'number') return plainNumberFields.has(field) ? String(value) : formatNumber(value, lang, 2);
  if (typeof value !== 'string') return JSON.stringify(value);
  switch (field) {
    case 'role':
      return labelOf(roleLabels, value, lang);
    case 'kind':
      return labelOf(kindMaps.find((map) => value in map) ?? importKindLabels, value, lang);
    case 'unit':
      return labelOf(indicatorUnitLabels, value, lang);
    case 'group':
    case 'groups':
      return labelOf(activityGroupLabels, value, lang);
    case 'mode':
      return labelOf(runModeLabels, value, lang);
    case 'communities':
    case 'communityCode':
    case 'homeCommunity':
      return context.communityName(value);
    case 'typeCode':
    case 'types':
      return context.activityTypeName(value);
    case 'reason':
      return labelOf(auditReasonLabels, value, lang);
    case 'gender':
      return genderWords[value]?.[lang] ?? value;
    case 'filter':
      return filterWords(value, context);
    case 'verdict':
      return value === 'accepted' ? (lang === 'pl' ? 'akceptuję' : 'accepted') : value === 'remarks' ? (lang === 'pl' ? 'z uwagami' : 'with remarks') : value;
    case 'lang':
      return value === 'pl' ? (lang === 'pl' ? 'polski' : 'Polish') : value === 'en' ? (lang === 'pl' ? 'angielski' : 'English') : value;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, lang);
  // A calendar date stored as midnight UTC is that day, not a moment.
  if (calendarDateFields.has(field) && /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(value)) return formatDate(value.slice(0, 10), lang);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value, lang);
  return value;
}
