import 'server-only';
import { isGroupHidden } from '@/lib/views/context';
import { assembleTrends, trendHiddenPoints, trendUnitSize, type Trends } from '@/lib/views/trends';
import { loadScopeNotes } from '../scope-marks';
import { readTargets } from '../targets';
import type { DashboardRequest } from './context';
import { hiddenSnapshots } from './floor';
import { loadDelayering } from './delayering';
import { loadUnitSeries } from './unit-series';
import { loadUnitRoot } from './unit-root';

export type {
  DelayeredManager,
  DelayeringRow,
  DelayeringStep,
  TrendMetricDef,
  Trends,
} from '@/lib/views/trends';

/**
 * Trends, from stored rows (no tree when the request was resolved from them): every structure and ladder metric of the unit over the snapshot series (stored rows
 * where available), each with change since the previous snapshot and since the peak of earlier
 * snapshots; delayering events on a timeline; the unit's span and layer targets. For leaders and
 * viewers a snapshot where the unit had fewer than min_group_size people is hidden before any
 * change is computed, so no hidden value can be recovered from a difference.
 */
export async function buildTrends(ctx: DashboardRequest): Promise<Trends> {
  const { unit, settings } = ctx;
  const points = await loadUnitSeries(
    ctx.actor,
    ctx.ref,
    { department: unit.department ?? undefined, subtree: unit.subtree ?? undefined },
    unit,
    settings.execLayers,
  );
  // A snapshot is hidden when the unit was under the minimum then, or its floor hid the unit then.
  const hidden = trendHiddenPoints(ctx, points, await hiddenSnapshots(ctx));
  const scope = await loadScopeNotes(points, hidden);
  const steps = isGroupHidden(ctx, trendUnitSize(ctx, points)) ? null : await loadDelayering(ctx);
  const { targets } = await readTargets(ctx.ref.orgId);
  const root = await loadUnitRoot(ctx, targets);
  return assembleTrends(ctx, { points, hidden, scope, steps, ...root });
}
