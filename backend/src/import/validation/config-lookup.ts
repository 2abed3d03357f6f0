import type { OslConfig, SurveyConfig } from '@osl/data';
import { foldLookupKey } from '../parsing/fold.ts';

export interface NamedCode {
  code: string;
  name: string;
}

/** Edit distance (insertions, deletions, substitutions); one reusable row buffer. */
let distanceRow = new Int32Array(64);
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (distanceRow.length <= b.length) distanceRow = new Int32Array(b.length * 2);
  const row = distanceRow;
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

const MIN_TOKEN_LENGTH = 4;

/** How close `input` is to `candidate` (lower is closer), or Infinity when not close enough to suggest. */
function closeness(input: string, candidate: string): number {
  let best = Infinity;
  const whole = levenshtein(input, candidate);
  if (whole <= Math.max(1, Math.floor(Math.max(input.length, candidate.length) / 3))) best = whole;
  // A word of the input close to a word of the candidate: "warsztat kulinarny" → "warsztaty".
  for (const a of input.split(' ')) {
    if (a.length < MIN_TOKEN_LENGTH) continue;
    for (const b of candidate.split(' ')) {
      if (b.length < MIN_TOKEN_LENGTH) continue;
      const d = levenshtein(a, b);
      if (d <= Math.floor(Math.max(a.length, b.length) / 3)) best = Math.min(best, d + 0.5);
    }
  }
  return best;
}

/**
 * Finds a configured code from what a person typed: the code or the full name, folded (case,
 * diacritics, punctuation and `_`/`-` ignored). Results are cached per distinct text, so a million
 * rows cost a million map look-ups.
 */
export class CodeOrNameLookup {
  private readonly byKey = new Map<string, NamedCode>();
  private readonly cache = new Map<string, NamedCode | null>();
  private readonly suggestions = new Map<string, NamedCode | null>();

  constructor(private readonly entries: readonly NamedCode[]) {
    for (const entry of entries) {
      this.byKey.set(foldLookupKey(entry.code), entry);
      this.byKey.set(foldLookupKey(entry.name), entry);
    }
  }

  resolve(text: string): NamedCode | null {
    let found = this.cache.get(text);
    if (found === undefined) {
      found = this.byKey.get(foldLookupKey(text)) ?? null;
      this.cache.set(text, found);
    }
    return found;
  }

  /** The nearest entry by name or code, if one is near enough to be a likely typo. */
  suggest(text: string): NamedCode | null {
    let found = this.suggestions.get(text);
    if (found === undefined) {
      found = this.nearest(foldLookupKey(text));
      this.suggestions.set(text, found);
    }
    return found;
  }

  private nearest(input: string): NamedCode | null {
    let best: NamedCode | null = null;
    let bestScore = Infinity;
    for (const entry of this.entries) {
      const score = Math.min(closeness(input, foldLookupKey(entry.name)), closeness(input, foldLookupKey(entry.code)));
      if (score < bestScore) {
        best = entry;
        bestScore = score;
      }
    }
    return best;
  }

  /** `name (CODE), …` for messages. */
  describeAll(): string {
    return this.entries.map((entry) => `${entry.name} (${entry.code})`).join(', ');
  }
}

export function communityLookup(config: OslConfig): CodeOrNameLookup {
  return new CodeOrNameLookup(config.communities.map((c) => ({ code: c.code, name: c.name })));
}

export function activityTypeLookup(config: OslConfig): CodeOrNameLookup {
  return new CodeOrNameLookup(config.activityTypes.map((t) => ({ code: t.code, name: t.namePl })));
}

/** Surveys by code or Polish name, folded. */
export function surveyLookup(config: OslConfig): (text: string) => SurveyConfig | null {
  const byKey = new Map<string, SurveyConfig>();
  for (const survey of config.surveys) {
    byKey.set(foldLookupKey(survey.code), survey);
    byKey.set(foldLookupKey(survey.namePl), survey);
  }
  const cache = new Map<string, SurveyConfig | null>();
  return (text) => {
    let found = cache.get(text);
    if (found === undefined) {
      found = byKey.get(foldLookupKey(text)) ?? null;
      cache.set(text, found);
    }
    return found;
  };
}
