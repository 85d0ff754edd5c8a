'use client';

import { snapshotText } from '@/lib/dates';
import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useId } from 'react';
import { filtersToSearch, readFilters, type DashboardFilters } from '@/lib/query/dashboard';
import { fetchJson } from '@/lib/query/fetch-json';
import { PersonCombobox } from './ui/person-combobox';

/**
 * Snapshot picker, department filter and subtree search, kept in the URL. A scoped user's search
 * covers only their subtree (the server enforces it; this only reflects it).
 */
export function DashboardControls({ scopeLabel }: { scopeLabel: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = readFilters(params);
  const set = (patch: Partial<DashboardFilters>) => {
    const next = { ...filters, ...patch };
    router.push(`${pathname}${filtersToSearch(next)}`);
  };
  const snapshots = useQuery({
    queryKey: ['snapshots', 'picker'],
    queryFn: () =>
      fetchJson<{ snapshots: Array<{ id: number; asOf: string; label: string | null }> }>('/api/snapshots'),
  });
  const departments = useQuery({
    queryKey: ['departments', filters.asOf ?? null],
    queryFn: () =>
      fetchJson<{ departments: Array<{ name: string; people: number }> }>(
        `/api/org/departments${filtersToSearch({ asOf: filters.asOf })}`,
      ),
  });
  return (
    <form className="controls" aria-label="Dashboard filters" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="f-asof">Snapshot</label>
        <select
          id="f-asof"
          value={filters.asOf ?? ''}
          onChange={(e) => set({ asOf: e.target.value || undefined })}
        >
          <option value="">Latest</option>
          {(snapshots.data?.snapshots ?? []).map((s) => (
            <option key={s.id} value={s.asOf} suppressHydrationWarning>
              {snapshotText(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-dept">Department</label>
        <select
          id="f-dept"
          value={filters.department ?? ''}
          onChange={(e) => set({ department: e.target.value || undefined })}
        >
          <option value="">All departments</option>
          {filters.department &&
            !departments.data?.departments.some((d) => d.name === filters.department) && (
              <option value={filters.department}>{filters.department}</option>
            )}
          {(departments.data?.departments ?? []).map((d) => (
            <option key={d.name} value={d.name}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <SubtreePicker
        asOf={filters.asOf}
        value={filters.subtree}
        scopeLabel={scopeLabel}
        onChange={(subtree) => set({ subtree })}
      />
    </form>
  );
}

function SubtreePicker({
  asOf,
  value,
  scopeLabel,
  onChange,
}: {
  asOf?: string;
  value?: string;
  scopeLabel: string | null;
  onChange: (id: string | undefined) => void;
}) {
  const id = useId();
  return (
    <div className="field combo">
      <label htmlFor={`${id}-in`}>
        Subtree {scopeLabel ? <span className="hint">(within {scopeLabel})</span> : null}
      </label>
      <div className="form-row" style={{ gap: '0.4rem', flexWrap: 'nowrap' }}>
        <PersonCombobox
          inputId={`${id}-in`}
          asOf={asOf}
          placeholder={value ? `Showing ${value}` : 'Search name, id or title'}
          onChoose={(p) => onChange(p.id)}
        />
        {value && (
          <button
            type="button"
            className="secondary"
            onClick={() => onChange(undefined)}
            aria-label="Clear the subtree filter"
          >
            Clear
          </button>
        )}
      </div>
    </div>
  );
}
