'use client';

import { Day } from '@/app/_components/ui/day';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { filtersToSearch, readFilters, type DashboardFilters } from '@/lib/query/dashboard';
import { isSuppressed } from '@/lib/query/suppressed';
import { useDashboard } from '@/lib/query/use-dashboard';
import { ErrorCard, Skeleton, SuppressedNote } from '@/app/_components/ui/states';
import { CostSection } from './cost-card';
import { DepartmentTable } from './department-table';
import { NarrowSpanCard } from './narrow-span-card';
import { OrgViews } from './org-views';
import { PyramidCard } from './pyramid-card';
import { SpanBandsCard, SpanHistogramCard } from './span-cards';
import { SummaryCards } from './summary-cards';
import styles from './structure.module.css';

/** The Structure dashboard body (client; first data from the server prefetch). */
export function StructureView({
  canSeePeople,
  minGroupSize,
}: {
  canSeePeople: boolean;
  minGroupSize: number;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const q = useDashboard('structure');
  const setFilter = useCallback(
    (patch: Partial<DashboardFilters>) =>
      router.push(`${pathname}${filtersToSearch({ ...readFilters(params), ...patch })}`, { scroll: false }),
    [router, pathname, params],
  );
  const onScope = useCallback((id: string) => setFilter({ subtree: id }), [setFilter]);
  const onDept = useCallback((department: string) => setFilter({ department }), [setFilter]);
  if (q.isPending) return <Skeleton height={400} label="Loading the structure dashboard" />;
  if (q.error) return <ErrorCard message={q.error.message} />;
  const d = q.data;
  const scope = [d.scope.department, d.scope.subtreeName ?? d.scope.subtree].filter(Boolean).join(' · ');
  return (
    <div data-testid="structure" aria-busy={q.isFetching || undefined}>
      <p className="muted" data-chart-scope>
        As of{' '}
        <strong>
          <Day iso={d.asOf} />
        </strong>
        {scope ? ` — ${scope}` : ' — whole organisation'}
      </p>
      {isSuppressed(d.summary) ? <SuppressedNote marker={d.summary} /> : <SummaryCards s={d.summary} />}
      <div className="two-col">
        {isSuppressed(d.bands) ? (
          <SuppressedNote marker={d.bands} />
        ) : (
          <SpanBandsCard bands={d.bands} asOf={d.asOf} />
        )}
        {isSuppressed(d.histogram) ? (
          <SuppressedNote marker={d.histogram} />
        ) : isSuppressed(d.archetypes) ? (
          <SuppressedNote marker={d.archetypes} />
        ) : (
          <SpanHistogramCard histogram={d.histogram} archetypes={d.archetypes} asOf={d.asOf} />
        )}
      </div>
      {isSuppressed(d.pyramid) ? (
        <SuppressedNote marker={d.pyramid} />
      ) : (
        <PyramidCard pyramid={d.pyramid} asOf={d.asOf} fromUnitTop={d.layersFromUnitTop} />
      )}
      {d.cost && (
        <CostSection
          cost={d.cost}
          asOf={d.asOf}
          fromUnitTop={d.layersFromUnitTop}
          minGroupSize={minGroupSize}
        />
      )}
      <DepartmentTable rows={d.departments} asOf={d.asOf} onFilter={onDept} />
      <NarrowSpanCard narrow={d.narrowSpan} asOf={d.asOf} minGroupSize={minGroupSize} onScope={onScope} />
      <section className={`card ${styles.explorerCard}`} aria-labelledby="org-explorer-h">
        <h2 id="org-explorer-h">Org explorer</h2>
        <OrgViews canSeePeople={canSeePeople} minGroupSize={minGroupSize} />
      </section>
    </div>
  );
}
