/** The global dashboard filters kept in the URL so a view can be shared and reloaded. */
export interface DashboardFilters {
  /** the organisation's id (SPEC "Organisations"); unset: the user's default organisation */
  org?: string;
  asOf?: string;
  department?: string;
  subtree?: string;
}

/** Reads the filters from URL search params. */
export function readFilters(params: { get(name: string): string | null }): DashboardFilters {
  const f: DashboardFilters = {};
  for (const k of ['org', 'asOf', 'department', 'subtree'] as const) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f;
}

/** A page's searchParams record (Next) read like URLSearchParams: the first value, empty = unset. */
export function paramsReader(params: URLSearchParams | Record<string, string | string[] | undefined>): {
  get(name: string): string | null;
} {
  if (params instanceof URLSearchParams) return params;
  return {
    get: (k) => {
      const v = params[k];
      const s = Array.isArray(v) ? v[0] : v;
      return s ? s : null;
    },
  };
}

/** The ?org= of a page's search params, as a filter (server prefetch keys match the client's). */
export function orgFilter(searchParams: Record<string, string | string[] | undefined>): { org?: string } {
  const { org } = readFilters(paramsReader(searchParams));
  return org ? { org } : {};
}

/** Query string for the filters (plus extra params), stable key order. */
export function filtersToSearch(f: DashboardFilters, extra: Record<string, string | undefined> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** react-query key for a dashboard family and filters (shared by server prefetch and the client). */
export function dashboardKey(
  family: string,
  f: DashboardFilters,
  extra: Record<string, string | undefined> = {},
) {
  return [
    'dashboard',
    family,
    {
      org: f.org ?? null,
      asOf: f.asOf ?? null,
      department: f.department ?? null,
      subtree: f.subtree ?? null,
      ...extra,
    },
  ] as const;
}
