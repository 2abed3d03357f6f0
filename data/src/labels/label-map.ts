// A code's words in both languages: the one shape every label table of the project has.

export type Lang = 'pl' | 'en';

export type Label = Readonly<Record<Lang, string>>;
export type LabelMap<Code extends string> = Readonly<Record<Code, Label>>;

/** A code's words in `lang`; a code the map does not know (from a newer server) as it is. */
export function labelOf<Code extends string>(map: LabelMap<Code>, code: Code | (string & {}), lang: Lang): string {
  return Object.hasOwn(map, code) ? map[code as Code][lang] : code;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
