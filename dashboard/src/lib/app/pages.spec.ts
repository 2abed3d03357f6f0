import { describe, expect, it } from 'vitest';
import { isCurrentPage, pagesFor, sitePages } from './pages';

describe('site pages', () => {
  it('shows the audit trail to the director and the auditor, and accounts to the director and the admin', () => {
    const hrefs = (role: Parameters<typeof pagesFor>[0]) => pagesFor(role).map((page) => page.href);
    expect(hrefs('director')).toEqual(expect.arrayContaining(['/dziennik', '/konta']));
    expect(hrefs('auditor')).toContain('/dziennik');
    expect(hrefs('auditor')).not.toContain('/konta');
    expect(hrefs('admin')).toContain('/konta');
    expect(hrefs('admin')).not.toContain('/dziennik');
    expect(hrefs('organizer')).not.toEqual(expect.arrayContaining(['/dziennik']));
    expect(hrefs(undefined)).toEqual(sitePages.filter((page) => !page.roles).map((page) => page.href));
  });

  it('shows reporting periods to the director, the auditor and the admin, never to an organizer', () => {
    for (const role of ['director', 'auditor', 'admin'] as const) expect(pagesFor(role).map((page) => page.href)).toContain('/okresy');
    expect(pagesFor('organizer').map((page) => page.href)).not.toContain('/okresy');
  });

  it('marks the overview only on its own path and other pages below theirs too', () => {
    const [overview, indicators] = sitePages;
    expect(isCurrentPage(overview, '/')).toBe(true);
    expect(isCurrentPage(overview, '/wskazniki')).toBe(false);
    expect(isCurrentPage(indicators, '/wskazniki')).toBe(true);
    expect(isCurrentPage(indicators, '/wskaznikix')).toBe(false);
  });
});
