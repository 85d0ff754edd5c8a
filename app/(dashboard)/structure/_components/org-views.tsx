'use client';

import dynamic from 'next/dynamic';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { filtersToSearch, readFilters } from '@/lib/query/dashboard';
import { snapshotTreeLoader } from '@/app/_components/org-chart/use-org-tree';
import { Skeleton } from '@/app/_components/ui/states';
import { Tabs } from '@/app/_components/ui/tabs';
import { OrgExplorer } from './org-explorer';

// The chart (React Flow, d3-hierarchy) is fetched only when its tab is opened.
const OrgChart = dynamic(() => import('@/app/_components/org-chart/org-chart').then((m) => m.OrgChart), {
  ssr: false,
  loading: () => <Skeleton height={420} label="Loading the org chart" />,
});

const VIEWS = [
  { id: 'explorer', label: 'Explorer' },
  { id: 'chart', label: 'Chart' },
] as const;
type ViewId = (typeof VIEWS)[number]['id'];

/**
 * The org, as the explorer (an accessible tree, the default) or as a visual chart of boxes and
 * lines; both fetch the same /api/org/tree, so they show the same people to the same user.
 */
export function OrgViews({ canSeePeople, minGroupSize }: { canSeePeople: boolean; minGroupSize: number }) {
  const [view, setView] = useState<ViewId>('explorer');
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const asOf = readFilters(params).asOf;
  const load = useMemo(() => snapshotTreeLoader(asOf), [asOf]);
  const scope = useCallback(
    (id: string) =>
      router.push(`${pathname}${filtersToSearch({ ...readFilters(params), subtree: id })}`, {
        scroll: false,
      }),
    [router, pathname, params],
  );
  const peopleHint = canSeePeople ? 'anyone in your scope' : `managers of teams of ${minGroupSize} or more`;
  return (
    <Tabs tabs={VIEWS} value={view} onChange={setView} label="Org view" idPrefix="org-">
      {view === 'explorer' ? (
        <OrgExplorer key={asOf ?? 'latest'} canSeePeople={canSeePeople} minGroupSize={minGroupSize} />
      ) : (
        <OrgChart
          key={asOf ?? 'latest'}
          load={load}
          search={{
            asOf,
            hint: peopleHint,
            placeholder: canSeePeople ? 'Name, employee id or title' : undefined,
          }}
          onOpen={scope}
          openLabel="Scope here"
          label="Org chart (visual; the Explorer tab has the same tree for keyboard and screen readers)"
        />
      )}
    </Tabs>
  );
}
