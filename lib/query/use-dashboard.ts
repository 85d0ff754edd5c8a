'use client';

import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { dashboardKey, filtersToSearch, readFilters } from './dashboard';
import { fetchJson } from './fetch-json';

/** Client hook for a dashboard family: same key as the server prefetch, refetches when the URL filters change. */
export function useDashboard<T>(family: string, path: string) {
  const params = useSearchParams();
  const filters = readFilters(params);
  return useQuery({
    queryKey: dashboardKey(family, filters),
    queryFn: () => fetchJson<T>(`${path}${filtersToSearch(filters)}`),
  });
}
