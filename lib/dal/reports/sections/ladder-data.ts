import {
  findUnitCeilings,
  type CeilingLeavers,
  type IcCeilingRisk,
  type UnitCeilingRisk,
} from '@/lib/metrics/ceiling-risk';
import { divideOrNull } from '@/lib/metrics/numbers';
import { findPerson, isPerson, type PreparedSnapshot } from '@/lib/metrics/snapshot';
import { TrackCode } from '@/lib/metrics/tracks';
import type { PromotionVelocityRow } from '@/lib/metrics/time-in-level';
import { NotFoundError } from '../../errors';
import { resolveUnit, type Unit } from '../../scope';
import { listSeries, loadPrepared, readStored } from '../../snapshot-data';
import type { ReportContext } from '../context';

/** Record indices of the unit (all records when the unit is the whole org). */
export function unitIndices(snap: PreparedSnapshot, unit: Unit): Iterable<number> {
  return unit.nodes ?? Array.from({ length: snap.tree.size }, (_, i) => i);
}

/** Stored named ICs scoring at or above the high-risk score, per department (score >= 60). */
export async function readRiskLists(ctx: ReportContext): Promise<Map<string, IcCeilingRisk[]>> {
  const { dash } = ctx;
  const depts = new Set<string>();
  for (const i of unitIndices(dash.snap, dash.unit)) {
    const d = dash.snap.tree.records[i]?.department;
    if (d) depts.add(d);
  }
  const out = new Map<string, IcCeilingRisk[]>();
  for (const d of depts) {
    const stored = await readStored<{ total: number; people: IcCeilingRisk[] }>(
      dash.ref.id,
      'ceiling-risk',
      'department',
      d,
    );
    if (stored) out.set(d, stored.people);
  }
  return out;
}

/**
 * IC-ceiling risk per department inside the unit. Whole departments use the rows stored at
 * import (they include the mean score). For a subtree the counts are taken over its own ICs: at
 * the ceiling from the tree, high risk from the stored per-department lists of named ICs scoring
 * 60 or more; the mean score is only kept for whole departments.
 */
export async function computeUnitRisk(ctx: ReportContext): Promise<UnitCeilingRisk[]> {
  const { dash } = ctx;
  const stored = await readStored<{ units: UnitCeilingRisk[] }>(dash.ref.id, 'ceiling-risk', 'org');
  if (dash.unit.subtree === null) {
    const units = stored?.units ?? [];
    return dash.unit.department === null ? units : units.filter((u) => u.department === dash.unit.department);
  }
  const { tree, levels } = dash.snap;
  const ceilings = findUnitCeilings(dash.snap);
  const lists = await readRiskLists(ctx);
  const inUnit = new Set<string>();
  const acc = new Map<string | null, { ics: number; atCeiling: number }>();
  for (const i of unitIndices(dash.snap, dash.unit)) {
    if (!isPerson(tree, i) || levels.declared[i] !== TrackCode.ic) continue;
    const r = tree.records[i];
    const d = r?.department ?? null;
    const a = acc.get(d) ?? { ics: 0, atCeiling: 0 };
    a.ics++;
    if (ceilings[i] === 1) a.atCeiling++;
    acc.set(d, a);
    if (r) inUnit.add(r.employeeId);
  }
  return [...acc.entries()]
    .sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))
    .map(([department, a]) => ({
      department,
      ics: a.ics,
      atCeiling: a.atCeiling,
      highRisk:
        department === null
          ? 0
          : (lists.get(department) ?? []).filter((p) => inUnit.has(p.employeeId)).length,
      meanScore: null,
    }));
}

/**
 * Leavers since the previous snapshot split by whether they sat at their department's IC ceiling,
 * over the unit as it was in the previous snapshot (stored for the whole org; computed otherwise).
 */
export async function computeUnitCeilingLeavers(ctx: ReportContext): Promise<CeilingLeavers | null> {
  const { dash } = ctx;
  if (dash.unit.stored?.scopeType === 'org') {
    const changes = await readStored<{ ceilingLeavers?: CeilingLeavers }>(dash.ref.id, 'changes', 'org');
    return changes?.ceilingLeavers ?? null;
  }
  const series = await listSeries(dash.ref.asOf);
  const prevRef = series.filter((s) => s.asOf < dash.ref.asOf).at(-1);
  if (!prevRef) return null;
  const prev = await loadPrepared(prevRef);
  let unit: Unit;
  try {
    unit = resolveUnit(dash.actor, prev, { department: dash.unit.department, subtree: dash.unit.subtree });
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
  const at = findUnitCeilings(prev);
  const counts = { at: { ics: 0, leavers: 0 }, notAt: { ics: 0, leavers: 0 } };
  for (const i of unitIndices(prev, unit)) {
    if (!isPerson(prev.tree, i) || prev.levels.declared[i] !== TrackCode.ic) continue;
    const bucket = at[i] === 1 ? counts.at : counts.notAt;
    bucket.ics++;
    if (findPerson(dash.snap, prev.tree.records[i]?.employeeId ?? '') < 0) bucket.leavers++;
  }
  const shape = (b: { ics: number; leavers: number }) => ({
    ...b,
    leaverRate: divideOrNull(b.leavers, b.ics),
  });
  return { atCeiling: shape(counts.at), notAtCeiling: shape(counts.notAt) };
}

/** Promotion velocity: stored for the whole organisation only. */
export async function readPromotionVelocity(ctx: ReportContext): Promise<PromotionVelocityRow[] | null> {
  if (ctx.dash.unit.stored?.scopeType !== 'org') return null;
  return readStored<PromotionVelocityRow[]>(ctx.dash.ref.id, 'promotion-velocity', 'org');
}
