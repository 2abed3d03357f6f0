/** The two languages of every message the server shows: Polish first, English for English requests. */
export type Lang = 'pl' | 'en';

export type MessageParams = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The `{name}` placeholders of a template, sorted (the catalogue test compares both languages). */
export function templatePlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();
}

/**
 * A template with its `{name}` placeholders filled from `params`. A fractional number is written
 * with the language's decimal mark (`1,5` in Polish); whole numbers as they are. A placeholder
 * without a value stays as it is.
 */
export function fillTemplate(template: string, lang: Lang, params: MessageParams = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    if (typeof value === 'number' && !Number.isInteger(value)) return lang === 'pl' ? String(value).replace('.', ',') : String(value);
    return String(value);
  });
}
