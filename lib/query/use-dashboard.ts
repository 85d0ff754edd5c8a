'use client';

import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { readFilters } from './dashboard';
import { fetchJson } from './fetch-json';
import { familyRequest, type DashboardFamily, type DashboardResponses } from './families';

/**
 * Client hook of a dashboard family (lib/query/families.ts): the global filters and the family's
 * own parameters from the URL, the same key as the server prefetch, refetches when they change.
 * The data is typed by the family: useDashboard('overview').data is an Overview.
 */
export function useDashboard<F extends DashboardFamily>(family: F) {
  const params = useSearchParams();
  const { queryKey, url } = familyRequest(family, readFilters(params), params);
  return useQuery({ queryKey, queryFn: () => fetchJson<DashboardResponses[F]>(url) });
}
