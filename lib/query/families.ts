/**
 * The dashboard families, client side (the server side, family -> builder, is
 * lib/dal/dashboards/registry.ts): each family's API path and the URL parameters of its own beside
 * the global filters, and its response type. The API route, the page prefetch and the client hook
 * all read this; a new family is one entry here and one builder there. Types only from lib/dal
 * (erased at compile time), so client bundles get no server code.
 */
import type { AiDashboard } from '@/lib/dal/dashboards/ai';
import type { CeilingRiskDashboard } from '@/lib/dal/dashboards/ceiling-risk';
import type { Compare } from '@/lib/dal/dashboards/compare';
import type { LadderDashboard } from '@/lib/dal/dashboards/ladder';
import type { OffTarget } from '@/lib/dal/dashboards/off-target';
import type { Overview } from '@/lib/dal/dashboards/overview';
import type { StructureDashboard } from '@/lib/dal/dashboards/structure';
import type { Trends } from '@/lib/dal/dashboards/trends';
import { dashboardKey, filtersToSearch, type DashboardFilters } from './dashboard';

/** Family name -> the URL parameters of its own (part of the react-query key and the API query). */
export const DASHBOARD_FAMILIES = {
  overview: { params: [] },
  structure: { params: [] },
  ladder: { params: [] },
  'ceiling-risk': { params: [] },
  trends: { params: [] },
  /** the two snapshots compared (?from=&to=) */
  compare: { params: ['from', 'to'] },
  'off-target': { params: [] },
  /** the AI period: one month (?month=) or a window (?from=&to=) */
  ai: { params: ['month', 'from', 'to'] },
} as const satisfies Record<string, { params: readonly string[] }>;

export type DashboardFamily = keyof typeof DASHBOARD_FAMILIES;

/** Each family's JSON answer (GET /api/metrics/<family>). */
export interface DashboardResponses {
  overview: Overview;
  structure: StructureDashboard;
  ladder: LadderDashboard;
  'ceiling-risk': CeilingRiskDashboard;
  trends: Trends;
  compare: Compare;
  'off-target': OffTarget;
  ai: AiDashboard;
}

/** Every family name, in registry order. */
export const DASHBOARD_FAMILY_NAMES = Object.keys(DASHBOARD_FAMILIES) as DashboardFamily[];

export function isDashboardFamily(name: string): name is DashboardFamily {
  return Object.hasOwn(DASHBOARD_FAMILIES, name);
}

/** The API path of a family (the one place it is spelled). */
export function familyPath(family: DashboardFamily): string {
  return `/api/metrics/${family}`;
}

/** A family's own parameters read from the URL, empty ones left out. */
export function familyParams(
  family: DashboardFamily,
  params: { get(name: string): string | null },
): Record<string, string | undefined> {
  const names: readonly string[] = DASHBOARD_FAMILIES[family].params;
  return Object.fromEntries(names.map((n) => [n, params.get(n) || undefined]));
}

/**
 * The react-query key and the API URL of a family for the filters and the URL's own parameters:
 * the server prefetch and the client hook both build their request here, so the keys match.
 */
export function familyRequest(
  family: DashboardFamily,
  filters: DashboardFilters,
  params: { get(name: string): string | null },
) {
  const extra = familyParams(family, params);
  const search = filtersToSearch(filters, extra);
  return { queryKey: dashboardKey(family, filters, extra), search, url: `${familyPath(family)}${search}` };
}
