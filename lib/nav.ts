import type { Role } from '@/lib/auth/roles';

const ALL: readonly Role[] = ['admin', 'hr', 'leader', 'viewer'];

export interface NavItem {
  href: string;
  label: string;
  roles: readonly Role[];
}

/** The sidebar: only pages that exist are listed, each with the roles that may open it. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/overview', label: 'Overview', roles: ALL },
  { href: '/structure', label: 'Structure', roles: ALL },
  { href: '/ladder', label: 'Ladder', roles: ALL },
  { href: '/ceiling-risk', label: 'Ceiling risk', roles: ALL },
  { href: '/trends', label: 'Trends', roles: ALL },
  { href: '/compare', label: 'Compare', roles: ALL },
  { href: '/targets', label: 'Targets', roles: ALL },
  { href: '/ai', label: 'AI', roles: ALL },
  { href: '/reports', label: 'Reports', roles: ALL },
  { href: '/data', label: 'Data', roles: ['admin', 'hr'] },
  { href: '/admin', label: 'Admin', roles: ['admin'] },
];

/** Navigation entries a role may see. */
export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((i) => i.roles.includes(role));
}

/** Where a role lands after sign-in: its first page, else the account page. */
export function homeFor(role: Role): string {
  return navFor(role)[0]?.href ?? '/account';
}

export { ALL as ALL_ROLES };
