'use client';

import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { dashboardKey, filtersToSearch, readFilters } from './dashboard';
import { fetchJson } from './fetch-json';

/** Reads a page's own URL parameters (e.g. from/to of a comparison), empty ones left out. */
export function readExtra(
  params: { get(name: string): string | null },
  names: readonly string[],
): Record<string, string | undefined> {
  return Object.fromEntries(names.map((n) => [n, params.get(n) || undefined]));
}

/**
 * useDashboard for a family with parameters of its own beside the global filters: they are part
 * of the react-query key (same key as prefetchDashboardWith) and of the API query string.
 */
export function useDashboardWith<T>(family: string, path: string, names: readonly string[]) {
  const params = useSearchParams();
  const filters = readFilters(params);
  const extra = readExtra(params, names);
  return useQuery({
    queryKey: dashboardKey(family, filters, extra),
    queryFn: () => fetchJson<T>(`${path}${filtersToSearch(filters, extra)}`),
  });
}
