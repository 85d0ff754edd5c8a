import { can, type Permission } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';

export interface NavItem {
  href: string;
  label: string;
  /** The permission that opens the page. */
  may: Permission;
}

/** The sidebar: only pages that exist are listed, each with the permission that opens it. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/overview', label: 'Overview', may: can.readDashboards },
  { href: '/structure', label: 'Structure', may: can.readDashboards },
  { href: '/ladder', label: 'Ladder', may: can.readDashboards },
  { href: '/ceiling-risk', label: 'Ceiling risk', may: can.readDashboards },
  { href: '/trends', label: 'Trends', may: can.readDashboards },
  { href: '/compare', label: 'Compare', may: can.readDashboards },
  { href: '/targets', label: 'Targets', may: can.readDashboards },
  { href: '/ai', label: 'AI', may: can.readDashboards },
  { href: '/scenarios', label: 'Scenarios', may: can.planScenarios },
  { href: '/reports', label: 'Reports', may: can.exportReports },
  { href: '/data', label: 'Data', may: can.manageData },
  { href: '/admin', label: 'Admin', may: can.administer },
];

/** A navigation entry as the sidebar (a client component) gets it: plain data, no permission function. */
export type NavLink = Pick<NavItem, 'href' | 'label'>;

/** Navigation entries a role may see. */
export function navFor(role: Role): NavLink[] {
  return NAV_ITEMS.filter((i) => i.may(role)).map(({ href, label }) => ({ href, label }));
}

/** Where a role lands after sign-in: its first page, else the account page. */
export function homeFor(role: Role): string {
  return navFor(role)[0]?.href ?? '/account';
}
