/** The global dashboard filters kept in the URL so a view can be shared and reloaded. */
export interface DashboardFilters {
  asOf?: string;
  department?: string;
  subtree?: string;
}

/** Reads the filters from URL search params. */
export function readFilters(params: { get(name: string): string | null }): DashboardFilters {
  const f: DashboardFilters = {};
  for (const k of ['asOf', 'department', 'subtree'] as const) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f;
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
    { asOf: f.asOf ?? null, department: f.department ?? null, subtree: f.subtree ?? null, ...extra },
  ] as const;
}
