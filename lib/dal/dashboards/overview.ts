import 'server-only';
import { assembleOverview, type Overview } from '@/lib/views/overview';
import { smallPoints } from '@/lib/views/scope-notes';
import { loadScopeNotes } from '../scope-marks';
import type { DashboardRequest } from './context';
import { loadUnitSeries, unitStructureAt } from './unit-series';

export type { Kpi, Overview } from '@/lib/views/overview';

/** The Overview dashboard: loads the unit's structure, series and scope notes; lib/views/overview.ts computes. */
export async function buildOverview(req: DashboardRequest): Promise<Overview> {
  const ctx = await req.withTree();
  const { unit, settings } = ctx;
  const structure = await unitStructureAt(ctx.ref, unit, settings.execLayers);
  const series = await loadUnitSeries(
    ctx.actor,
    ctx.ref,
    { department: unit.department ?? undefined, subtree: unit.subtree ?? undefined },
    unit,
    settings.execLayers,
  );
  const scope = await loadScopeNotes(series, smallPoints(ctx, series));
  return assembleOverview(ctx, { structure, series, scope });
}
