'use client';

import type { OrgTreeResponse } from '@/lib/views/org-tree';
import { fetchJson } from '@/lib/query/fetch-json';

/**
 * The scenario's after-state tree, level by level, in GET /api/org/tree's shape: what the React
 * Flow org chart (app/_components/org-chart/, built separately) loads when it is mounted here.
 */
export function scenarioTreeLoader(scenarioId: number) {
  return (params: { root?: string; offset?: number; depth?: number; reveal?: string }) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
    return fetchJson<OrgTreeResponse>(`/api/scenarios/${scenarioId}/tree?${q}`);
  };
}

/**
 * Section "Org chart" of the scenario editor: the visual org chart goes here, given
 * `load = scenarioTreeLoader(id)` and `onMove(id, toId)` (a drag adds a `move` operation). Until
 * that component lands the section renders nothing (no empty placeholder).
 */
export function OrgChartSlot(_props: { scenarioId: number; onMove: (id: string, toId: string) => void }) {
  return null;
}
