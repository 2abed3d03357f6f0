/**
 * A page's own words, kept beside the other pages' rather than in one shared block, so that pages
 * built at the same time do not edit the same lines. Polish is the source; the type makes English
 * give exactly the same keys.
 */
export function pageMessages<const Pl extends Record<string, string>>(pl: Pl, en: Record<keyof Pl, string>): { pl: Pl; en: Record<keyof Pl, string> } {
  return { pl, en };
}
