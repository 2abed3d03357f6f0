import type { MessageKey } from '$lib/i18n/messages';

export type Role = 'director' | 'organizer' | 'auditor' | 'admin';

export interface SitePage {
  href: string;
  label: MessageKey;
  /** The roles that see the page in the navigation; absent: every signed-in role. */
  roles?: readonly Role[];
  testId: string;
}

/**
 * The dashboard's pages outside the communities, in navigation order: one list, read by the
 * header and the error page. The API decides what a role may read; this only keeps a page that
 * would refuse the role out of its navigation.
 */
export const sitePages: readonly SitePage[] = [
  { href: '/', label: 'nav.overview', testId: 'nav-overview' },
  { href: '/wskazniki', label: 'nav.indicators', testId: 'nav-indicators' },
  { href: '/ankiety', label: 'nav.surveys', testId: 'nav-surveys' },
  { href: '/uczestnicy', label: 'nav.profile', testId: 'nav-profile' },
  { href: '/dane', label: 'nav.data', testId: 'nav-data' },
  { href: '/okresy', label: 'nav.periods', roles: ['director', 'auditor', 'admin'], testId: 'nav-periods' },
  { href: '/dziennik', label: 'nav.audit', roles: ['director', 'auditor'], testId: 'nav-audit' },
  { href: '/konta', label: 'nav.accounts', roles: ['director', 'admin'], testId: 'nav-accounts' },
];

export function pagesFor(role: Role | undefined): SitePage[] {
  return sitePages.filter((page) => !page.roles || (role !== undefined && page.roles.includes(role)));
}

/** Whether a path is the page's (or, for a page other than the overview, below it). */
export function isCurrentPage(page: SitePage, pathname: string): boolean {
  return page.href === '/' ? pathname === '/' : pathname === page.href || pathname.startsWith(`${page.href}/`);
}
