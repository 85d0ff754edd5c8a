/**
 * The unit measured against the admin's span and layer targets (SPEC "Targets"), from the loaded
 * snapshot and targets.
 */
import { isManagerNode } from '@/lib/metrics/span-histogram';
import type { UnitColumns } from '@/lib/metrics/tree';
import { summarizeStructure } from '@/lib/metrics/structure';
import {
  classifyLayers,
  classifySpan,
  findOffTargetManagers,
  resolveTarget,
  type SpanLayerTarget,
  type TargetStatus,
  type Targets,
} from '@/lib/metrics/targets';
import {
  guardGroup,
  guardRow,
  partitionShown,
  type PrivacyContext,
  type Suppressed,
  type ViewContext,
} from './context';
import { visitUnit } from './unit';
import { mayLabelUnit, personAttribute } from './unit-labels';
import { targetForUnit, type UnitTarget } from './unit-target';

/** Off-target managers are listed up to this many (furthest outside the range first). */
export const OFF_TARGET_CAP = 200;

export interface DepartmentTargetRow {
  department: string;
  headcount: number;
  managers: number;
  medianSpan: number | null;
  depth: number;
  target: SpanLayerTarget;
  ownTarget: boolean;
  spanStatus: TargetStatus | null;
  layersStatus: TargetStatus | null;
  offTargetManagers: number;
}

export interface OffTargetManagerRow {
  id: string;
  name: string | null;
  title: string | null;
  department: string | null;
  layer: number;
  span: number;
  spanMin: number;
  spanMax: number;
  status: 'below' | 'above';
}

export interface OffTarget {
  asOf: string;
  targets: Targets | null;
  unitTarget: UnitTarget | null;
  departments: Array<DepartmentTargetRow | (Suppressed & { department: string })> | Suppressed;
  managers:
    | {
        total: number;
        managers: number;
        below: number;
        above: number;
        /** at most OFF_TARGET_CAP; for viewers only managers labelling a unit (../unit-labels.ts) */
        list?: OffTargetManagerRow[];
        /** how many of `total` lead a unit too small to be named for this actor (never listed) */
        unlabelled?: number;
      }
    | Suppressed;
  canSeePeople: boolean;
  listCap: number;
}

/**
 * The unit measured against the admin's targets: per department (the department's people inside
 * the unit, at org-wide layers) its median span against the span range and its depth against the
 * layer limit; and the managers whose span is outside their department's range. Departments
 * under min_group_size are hidden for leaders and viewers; viewers see names only as unit labels.
 */
export function assembleOffTarget(ctx: ViewContext, targets: Targets | null): OffTarget {
  const { snap, unit } = ctx;
  if (targets === null) return offTargetWithoutTargets(ctx);
  return offTargetFrom(ctx, targets, targetForUnit(targets, unit, snap), {
    t: snap.tree,
    nodes: unit.nodes,
    declared: snap.levels.declared,
  });
}

/** The view of an organisation without targets: nothing to measure, whatever the unit. */
export function offTargetWithoutTargets(ctx: Pick<OffTargetReader, 'ref' | 'canSeePeople'>): OffTarget {
  return {
    asOf: ctx.ref.asOf,
    targets: null,
    unitTarget: null,
    canSeePeople: ctx.canSeePeople,
    listCap: OFF_TARGET_CAP,
    departments: [],
    managers: { total: 0, managers: 0, below: 0, above: 0 },
  };
}

/** The reader's side: privacy settings, the floor's department plan, and who may see people. */
export type OffTargetReader = PrivacyContext & Pick<ViewContext, 'settings' | 'ref' | 'canSeePeople'>;

/** What the view reads of its unit's people: the snapshot's tree, or the unit's stored rows. */
export interface OffTargetUnit {
  /** the records' columns (lib/views/people-rows.ts unitColumnsOf for stored rows) */
  t: UnitColumns;
  /** the unit's records in `t` (null: every record) */
  nodes: Int32Array | null;
  /** declared tracks per record of `t` */
  declared: Uint8Array;
}

/**
 * The Off-target view of a unit whose target is `unitTarget`, measured against the organisation's
 * targets: one definition for the tree path and the stored one.
 */
export function offTargetFrom(
  ctx: OffTargetReader,
  targets: Targets,
  unitTarget: UnitTarget | null,
  unit: OffTargetUnit,
): OffTarget {
  const { settings } = ctx;
  const base = {
    asOf: ctx.ref.asOf,
    targets,
    unitTarget,
    canSeePeople: ctx.canSeePeople,
    listCap: OFF_TARGET_CAP,
  };
  const t = unit.t;
  let unitSize = 0;
  let managerCount = 0;
  const groups = new Map<string, number[]>();
  visitUnit(t.size, unit.nodes, (i) => {
    unitSize += t.weight[i] ?? 0;
    if (isManagerNode(t, i)) managerCount++;
    const d = t.records[i]?.department;
    if (!d) return;
    const g = groups.get(d);
    if (g) g.push(i);
    else groups.set(d, [i]);
  });

  const off = findOffTargetManagers(t, unit.nodes, targets);
  const offByDept = new Map<string, number>();
  for (const m of off) {
    const d = t.records[m.index]?.department;
    if (d) offByDept.set(d, (offByDept.get(d) ?? 0) + 1);
  }
  const names = [...groups.keys()].sort();
  const shown = partitionShown(
    ctx,
    names.map((d) => headcountOf(t, groups.get(d) ?? [])),
    unitSize,
    names,
  );
  const departments = names.map((department, k) => {
    const nodes = Int32Array.from(groups.get(department) ?? []);
    const s = summarizeStructure(
      t,
      { nodes, layerShift: 0, roots: 0, orphans: 0 },
      { execLayers: settings.execLayers, declaredTracks: unit.declared },
    );
    const target = resolveTarget(targets, department);
    const row: DepartmentTargetRow = {
      department,
      headcount: s.headcount,
      managers: s.managers,
      medianSpan: s.span.median,
      depth: s.depth,
      target,
      ownTarget: targets.departments[department] !== undefined,
      spanStatus: classifySpan(s.span.median, target),
      layersStatus: classifyLayers(s.depth, target),
      offTargetManagers: offByDept.get(department) ?? 0,
    };
    const r = guardRow(ctx, s.headcount, shown[k] === true, row);
    return 'suppressed' in r ? { ...r, department } : r;
  });
  const managers: Exclude<OffTarget['managers'], Suppressed> = {
    total: off.length,
    managers: managerCount,
    below: off.filter((m) => m.status === 'below').length,
    above: off.filter((m) => m.status === 'above').length,
  };
  const named = off.filter((m) => mayLabelUnit(ctx, t, m.index));
  managers.unlabelled = off.length - named.length;
  managers.list = named.slice(0, OFF_TARGET_CAP).map((m) => {
    const r = t.records[m.index];
    return {
      id: r?.employeeId ?? '',
      name: r?.name ?? null,
      title: personAttribute(ctx, r?.title),
      department: r?.department ?? null,
      layer: t.layer[m.index] ?? 0,
      span: m.span,
      spanMin: m.target.spanMin,
      spanMax: m.target.spanMax,
      status: m.status,
    };
  });
  return {
    ...base,
    departments: guardGroup(ctx, unitSize, departments),
    managers: guardGroup(ctx, unitSize, managers),
  };
}

/** Headcount of a list of records (vacant posts weigh 0, aggregated rows their FTE). */
function headcountOf(t: Pick<UnitColumns, 'weight'>, nodes: readonly number[]): number {
  return nodes.reduce((sum, i) => sum + (t.weight[i] ?? 0), 0);
}
