// eslint-disable-next-line no-control-regex -- the ASCII range, NUL included, on purpose
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /\p{M}+/gu;
const L_STROKE = /ł/g;
const SEPARATORS = /[\s\u00a0\u202f_.()[\]-]+/g;
const TRAILING_MARKS = /[\s*:?.]+$/;
const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;

/** Lower case without diacritics: `Łazy` → `lazy`, `Ogółem` → `ogolem` (ł has no decomposition, so it is mapped). */
export function foldText(value: string): string {
  const lower = value.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.replace(L_STROKE, 'l').normalize('NFD').replace(COMBINING_MARKS, '');
}

/**
 * A header as the matcher sees it: case- and diacritics-insensitive, trimmed, spaces, `-`, `_`, `.`
 * and brackets alike (`Czas trwania (h)` = `czas_trwania_h`, `Nr. działania` = `nr_dzialania`),
 * trailing `*`, `:`, `?`, `.` dropped (required-field marks, `Imię:`, form questions ending in `?`).
 */
export function foldHeader(value: string): string {
  return foldText(value).replace(SEPARATORS, ' ').replace(TRAILING_MARKS, '').trim();
}

/** A code or name folded for lookup: only letters and digits count (`Os. Wzgórze` = `os wzgorze`, `ANIM_KULT` = `anim kult`). */
export function foldLookupKey(value: string): string {
  return foldText(value).replace(NOT_ALPHANUMERIC, ' ').trim();
}
