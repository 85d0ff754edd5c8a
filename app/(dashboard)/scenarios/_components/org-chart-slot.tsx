'use client';

import { useId, useMemo } from 'react';
import { OrgChart, type OrgTreeLoader } from '@/app/_components/org-chart/org-chart';
import type { OrgTreeResponse } from '@/lib/views/org-tree';
import { formatDay } from '@/lib/dates';
import { fetchJson } from '@/lib/query/fetch-json';

/**
 * The scenario's after-state tree, piece by piece, in GET /api/org/tree's shape
 * (GET /api/scenarios/[id]/tree); `version` (the scenario's last change) makes a new loader, so the
 * chart fetches again after each operation and keeps its open branches.
 */
export function scenarioTreeLoader(scenarioId: number, version: string): OrgTreeLoader {
  return (params) => {
    const q = new URLSearchParams({ v: version });
    for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
    return fetchJson<OrgTreeResponse>(`/api/scenarios/${scenarioId}/tree?${q}`);
  };
}

/**
 * Section "Org chart" of the scenario editor: the visual chart of the organisation after the
 * scenario, where dropping a box on another person adds a `move` operation (`onMove`; none when
 * the scenario can no longer change). The operation forms do the same by keyboard.
 */
export function ScenarioOrgChart({
  scenarioId,
  version,
  asOf,
  onMove,
}: {
  scenarioId: number;
  version: string;
  asOf: string;
  onMove?: (id: string, toId: string) => void;
}) {
  const id = useId();
  const load = useMemo(() => scenarioTreeLoader(scenarioId, version), [scenarioId, version]);
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Org chart</h2>
      <p className="muted">
        The organisation after this scenario&apos;s operations.
        {onMove ? ' Every move made by dragging is added to the operations, where it can be undone.' : ''}
      </p>
      <OrgChart
        load={load}
        search={{ asOf, hint: `people of the ${formatDay(asOf)} snapshot` }}
        onMove={onMove}
        label="Org chart of the scenario, after its operations (the operation forms do the same by keyboard)"
        height="min(70vh, 640px)"
      />
    </section>
  );
}
