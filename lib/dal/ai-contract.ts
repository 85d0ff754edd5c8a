import 'server-only';
import { computeAiMetrics } from '@/lib/metrics/ai';
import { buildAiRollup, unitAiTotals } from '@/lib/metrics/ai-rollup';
import type { Actor } from './actor';
import {
  listAiMonths,
  listCurrentSnapshots,
  loadAiAggregates,
  loadIdentityIndex,
  loadManualMap,
  snapshotInForce,
} from './ai-data';
import { aiUnitNodes, resolveAiWindow, type AiWindow } from './dashboards/ai-window';
import { NotFoundError } from './errors';

/** The command-line contract of `ai-metrics` (SPEC "Command-line contract"); null where the inputs lack it. */
export interface AiMetricsContract {
  adoption: number | null;
  acceptanceRateByCount: number | null;
  acceptanceRateByLines: number | null;
  aiAssistedPrShare: number | null;
  throughputPerEngineerWeek: number | null;
  spendPerEngineerMonth: number | null;
  costPerMergedPr: number | null;
  unmatchedShare: number | null;
}

/**
 * AI metrics of the organisation (or one subtree / department) for a period: --from/--to, else the
 * newest month with data. People are placed in the snapshot in force at the period's end.
 */
export async function getAiMetricsContract(
  actor: Actor,
  q: { from?: string; to?: string; subtree?: string; department?: string },
): Promise<{ window: AiWindow; contract: AiMetricsContract }> {
  const months = await listAiMonths(actor.orgId);
  const params = new URLSearchParams();
  if (q.from) params.set('from', q.from);
  if (q.to) params.set('to', q.to);
  const window = resolveAiWindow(params, months, null);
  if (!window) throw new NotFoundError('No AI usage has been imported yet.');
  const snapshots = await listCurrentSnapshots(actor.orgId);
  const snap = snapshotInForce(snapshots, window.to);
  if (!snap) throw new NotFoundError('No org snapshot has been imported yet.');
  const index = await loadIdentityIndex(snap.id);
  const subtree = q.subtree ?? null;
  if (subtree !== null && !index.tree.indexById.has(subtree))
    throw new NotFoundError(`Employee ${subtree} is not in the ${snap.asOf} snapshot.`);
  const nodes = aiUnitNodes(index.tree, {
    scopeRoot: actor.scopeEmployeeId,
    subtree,
    department: q.department ?? null,
  });
  if (actor.scopeEmployeeId && nodes?.length === 0)
    throw new NotFoundError('That person is not in your scope.');
  const rollup = buildAiRollup(
    index,
    await loadAiAggregates(actor.orgId, window.from, window.to, false),
    await loadManualMap(actor.orgId),
  );
  const m = computeAiMetrics(unitAiTotals(rollup, nodes), rollup.coverage);
  return {
    window,
    contract: {
      adoption: m.adoption,
      acceptanceRateByCount: m.acceptanceRateByCount,
      acceptanceRateByLines: m.acceptanceRateByLines,
      aiAssistedPrShare: m.aiAssistedPrShare,
      throughputPerEngineerWeek: m.throughputPerEngineerWeek,
      spendPerEngineerMonth: m.spendPerEngineerMonth,
      costPerMergedPr: m.costPerMergedPr,
      unmatchedShare: rollup.unmatchedShare,
    },
  };
}
