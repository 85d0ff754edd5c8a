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
import { loadAiPayoff } from './ai-payoff';
import { readSettings } from './settings';
import type { AiPayoff } from '@/lib/views/ai-payoff';
import type { DeliveryFigures } from '@/lib/metrics/ai-delivery';

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
  /** per tool; a tool used by fewer than the minimum group size has every value null */
  byTool: Record<string, ContractTool>;
  delivery: {
    prsMerged: number | null;
    prsPerEngineerWeek: number | null;
    medianCycleTimeHours: number | null;
    aiAssistedPrShare: number | null;
  };
  usersVsNonUsers: { users: ContractGroup; nonUsers: ContractGroup };
  /** the figures set to null because a group (or its complement) is under the minimum group size */
  suppressed: string[];
  /** the plain-words answer, as on the AI page */
  headline: string;
}

export interface ContractTool {
  activeUsers: number | null;
  linesAddedByAi: number | null;
  aiShareOfCode: number | null;
  /** null when no person row of the tool in the unit and period reports AI credits (Cursor, Claude Code, Windsurf) */
  aiCredits: number | null;
  spendUsd: number | null;
  costPerMergedPr: number | null;
}

export interface ContractGroup {
  engineers: number | null;
  prsPerEngineerWeek: number | null;
  medianCycleTimeHours: number | null;
}

const NULL_GROUP: ContractGroup = { engineers: null, prsPerEngineerWeek: null, medianCycleTimeHours: null };

/** The payoff part of the contract (the same AiPayoff the AI page shows). */
export function payoffContract(
  p: AiPayoff,
): Pick<AiMetricsContract, 'byTool' | 'delivery' | 'usersVsNonUsers' | 'suppressed' | 'headline'> {
  const byTool: Record<string, ContractTool> = {};
  for (const t of p.byTool)
    byTool[t.tool] =
      'suppressed' in t
        ? {
            activeUsers: null,
            linesAddedByAi: null,
            aiShareOfCode: null,
            aiCredits: null,
            spendUsd: null,
            costPerMergedPr: null,
          }
        : {
            activeUsers: t.activeUsers,
            linesAddedByAi: t.linesAddedByAi,
            aiShareOfCode: t.aiShareOfCode,
            aiCredits: t.aiCredits,
            spendUsd: t.spendUsd,
            costPerMergedPr: t.costPerMergedPr,
          };
  const group = (g: DeliveryFigures | null | undefined): ContractGroup =>
    g
      ? {
          engineers: g.engineers,
          prsPerEngineerWeek: g.prsPerEngineerWeek,
          medianCycleTimeHours: g.medianCycleTimeHours,
        }
      : NULL_GROUP;
  return {
    byTool,
    delivery: p.unit?.delivery ?? {
      prsMerged: null,
      prsPerEngineerWeek: null,
      medianCycleTimeHours: null,
      aiAssistedPrShare: null,
    },
    usersVsNonUsers: {
      users: group(p.unit?.usersVsNonUsers.users),
      nonUsers: group(p.unit?.usersVsNonUsers.nonUsers),
    },
    suppressed: p.suppressedFigures,
    headline: p.headline,
  };
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
  const manual = await loadManualMap(actor.orgId);
  const rollup = buildAiRollup(
    index,
    await loadAiAggregates(actor.orgId, window.from, window.to, false),
    manual,
  );
  const usage = unitAiTotals(rollup, nodes);
  const m = computeAiMetrics(usage, rollup.coverage);
  const settings = await readSettings(actor.orgId);
  const { payoff } = await loadAiPayoff({
    orgId: actor.orgId,
    from: window.from,
    to: window.to,
    index,
    nodes,
    manual,
    minGroupSize: settings.minGroupSize,
    execLayers: settings.execLayers,
    rollup,
  });
  // One definition per figure (lib/views/ai-figures.ts): the same numbers as the AI page's tiles.
  const f = payoff.figures;
  return {
    window,
    contract: {
      adoption: f?.adoption ?? null,
      acceptanceRateByCount: m.acceptanceRateByCount,
      acceptanceRateByLines: m.acceptanceRateByLines,
      aiAssistedPrShare: f?.aiAssistedPrShare ?? null,
      throughputPerEngineerWeek: f?.prsPerEngineerWeek ?? null,
      spendPerEngineerMonth: f?.spendPerEngineerMonth ?? null,
      costPerMergedPr: f?.costPerMergedPr ?? null,
      unmatchedShare: rollup.unmatchedShare,
      ...payoffContract(payoff),
    },
  };
}
