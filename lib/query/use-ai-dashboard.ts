'use client';

import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { dashboardKey, filtersToSearch, readFilters } from './dashboard';
import { readAiPeriod } from './ai-period';
import { fetchJson } from './fetch-json';

/** Client hook of the AI dashboard: same key as the server prefetch, refetches when the URL changes. */
export function useAiDashboard<T>() {
  const params = useSearchParams();
  const filters = readFilters(params);
  const period = readAiPeriod(params);
  return useQuery({
    queryKey: dashboardKey('ai', filters, period),
    queryFn: () => fetchJson<T>(`/api/metrics/ai${filtersToSearch(filters, period)}`),
  });
}
