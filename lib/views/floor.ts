/**
 * The reader's privacy floor (SPEC "Privacy") on one loaded tree: which units may show figures.
 */
import { NodeKind } from '@/lib/metrics/roles';
import { collectSubtree, type OrgTree } from '@/lib/metrics/tree';
import { planDepartments } from '@/lib/privacy/crossing';
import type { Unit } from './unit';
import { planPartition } from '@/lib/privacy/floor';
import { headcountSums, icSums, intersectPlans, planTree, type TreePlan } from '@/lib/privacy/tree-plan';

/**
 * The reader's privacy floor for one snapshot (SPEC "Privacy"): which manager subtrees may show
 * figures, planned once from the reader's top (their scope root, else the whole organisation) so
 * every answer they can ask for shows the same units. Figures about individual contributors (the
 * ceiling-risk dashboard) also need a plan on IC counts: a unit shows them only when both plans do.
 */
export interface ReaderFloor {
  /** the plan on headcount: figures about people */
  plan: TreePlan;
  /** the plan on headcount and on ICs together: figures about individual contributors */
  icPlan: TreePlan;
  /** the reader's top record, -1 = whole organisation */
  top: number;
  headcount: Float64Array;
  min: number;
  /** departments (null department as '') that may show figures about people, in any scope */
  departments: ReadonlySet<string>;
  /** departments that may also show figures about their individual contributors */
  icDepartments: ReadonlySet<string>;
}

const plans = new WeakMap<OrgTree, Map<string, ReaderFloor>>();

/** The floor for a reader whose scope root is `scopeEmployeeId` (null = whole organisation). */
export function readerFloor(t: OrgTree, scopeEmployeeId: string | null, min: number): ReaderFloor {
  const key = `${scopeEmployeeId ?? ''}|${min}`;
  let byKey = plans.get(t);
  if (byKey === undefined) {
    byKey = new Map();
    plans.set(t, byKey);
  }
  const hit = byKey.get(key);
  if (hit) return hit;
  const top = scopeEmployeeId === null ? -1 : (t.indexById.get(scopeEmployeeId) ?? -1);
  const headcount = headcountSums(t);
  const plan = planTree(t, top, headcount, min);
  const icPlan = intersectPlans(plan, planTree(t, top, icSums(t), min));
  const floor = { plan, icPlan, top, headcount, min, ...planReaderDepartments(t, top, plan, icPlan, min) };
  byKey.set(key, floor);
  return floor;
}

/** True when the subtree rooted at record i may show figures (the reader's top follows the total). */
export function isUnitShown(floor: ReaderFloor, i: number): boolean {
  if (i < 0 || i === floor.top) return floor.plan.totalVisible;
  return floor.plan.visible[i] === 1;
}

/**
 * Whether a unit filtered by department (and optionally a subtree) may show figures: the subtree
 * must be shown, and the department must be shown in the flat partition of that subtree (or the
 * reader's top) into departments, with its total.
 */
export function isDepartmentShown(floor: ReaderFloor, t: OrgTree, root: number, department: string): boolean {
  return isUnitShown(floor, root) && shownDepartmentsAt(floor, t, root).has(department);
}

/**
 * The departments (null department as '') isDepartmentShown shows below `root` (-1 = the reader's
 * top): those of the floor's department plan that the flat partition of the root's headcount into
 * departments, with its total, shows. Whether the root itself is shown is not asked here.
 */
export function shownDepartmentsAt(floor: ReaderFloor, t: OrgTree, root: number): Set<string> {
  const sizes = departmentSizes(t, root < 0 ? floor.top : root);
  const names = [...sizes.keys()];
  const total = [...sizes.values()].reduce((s, x) => s + x, 0);
  const plan = planPartition([...sizes.values()], total, floor.min);
  return new Set(names.filter((d, k) => floor.departments.has(d) && plan.visible[k] === 1));
}

/** Headcount per department below `root` (-1 = whole organisation). */
export function departmentSizes(t: OrgTree, root: number): Map<string, number> {
  const out = new Map<string, number>();
  const add = (i: number) => {
    const d = t.records[i]?.department ?? '';
    out.set(d, (out.get(d) ?? 0) + (t.weight[i] ?? 0));
  };
  if (root < 0) for (let i = 0; i < t.size; i++) add(i);
  else for (const i of collectSubtree(t, root)) add(i);
  return out;
}

/**
 * The floor for figures about another population counted per record (AI engineers): units the
 * reader's floor shows that also pass a plan on that population's subtree sums.
 */
export function populationFloor(
  t: OrgTree,
  scopeEmployeeId: string | null,
  min: number,
  subtreeCount: (i: number) => number,
): ReaderFloor {
  const base = readerFloor(t, scopeEmployeeId, min);
  const sizes = new Float64Array(t.size);
  for (let i = 0; i < t.size; i++) {
    const hasReports = (t.childOffsets[i + 1] ?? 0) > (t.childOffsets[i] ?? 0);
    if (hasReports || (t.parent[i] ?? -1) < 0) sizes[i] = subtreeCount(i);
  }
  return { ...base, plan: intersectPlans(base.plan, planTree(t, base.top, sizes, min)) };
}

/** True when the floor hides the unit: its subtree, or its department inside the subtree or top. */
export function isUnitHidden(
  floor: ReaderFloor,
  tree: OrgTree,
  unit: Pick<Unit, 'department' | 'rootIndex'>,
): boolean {
  if (unit.department !== null) return !isDepartmentShown(floor, tree, unit.rootIndex, unit.department);
  return !isUnitShown(floor, unit.rootIndex);
}

/**
 * Departments crossed with the reader's subtrees: each record's region is the nearest shown unit at
 * or above it (else the top); departments are planned so no region x department cell, in people
 * (regions of the headcount plan) or in ICs (regions of the IC plan), can be derived under the
 * minimum (lib/privacy/crossing.ts).
 */
function planReaderDepartments(
  t: OrgTree,
  top: number,
  plan: TreePlan,
  icPlan: TreePlan,
  min: number,
): { departments: Set<string>; icDepartments: Set<string> } {
  const members = top < 0 ? Int32Array.from({ length: t.size }, (_, i) => i) : collectSubtree(t, top);
  const names = new Map<string, number>();
  const region = new Int32Array(t.size).fill(-1);
  const icRegion = new Int32Array(t.size).fill(-1);
  const department = new Int32Array(t.size).fill(-1);
  // preorder (or index order for the whole org) is not parents-first; breadth-first order is.
  const inTop = new Uint8Array(t.size);
  for (const i of members) inTop[i] = 1;
  for (const i of t.order) {
    if (inTop[i] !== 1) continue;
    const p = t.parent[i] ?? -1;
    const above = i === top || p < 0 || inTop[p] !== 1 ? t.size : (region[p] ?? t.size);
    region[i] = plan.visible[i] === 1 ? i : above;
    const icAbove = i === top || p < 0 || inTop[p] !== 1 ? t.size : (icRegion[p] ?? t.size);
    icRegion[i] = icPlan.visible[i] === 1 ? i : icAbove;
    const name = t.records[i]?.department ?? '';
    let d = names.get(name);
    if (d === undefined) names.set(name, (d = names.size));
    department[i] = d;
  }
  const byWeight = (regions: Int32Array, weight: ArrayLike<number>) =>
    planDepartments({ region: regions, department, weight, departments: names.size, min });
  const people = byWeight(region, t.weight);
  // IC weights of the members only: every other record has no region, so planDepartments skips it
  const icWeight = new Float64Array(t.size);
  for (const i of members) if (t.kind[i] === NodeKind.ic) icWeight[i] = t.weight[i] ?? 0;
  const ics = byWeight(icRegion, icWeight);
  const pick = (ok: (d: number) => boolean) =>
    new Set([...names].filter(([, d]) => ok(d)).map(([name]) => name));
  return {
    departments: pick((d) => people[d] === 1),
    icDepartments: pick((d) => people[d] === 1 && ics[d] === 1),
  };
}

/**
 * A reader's floor on one snapshot as stored (metric family 'reader-floor', key floorMarksKey):
 * whether the reader's top shows figures and the employee ids of the other units it shows. Ids,
 * not positions, so marks computed on any tree of the snapshot (in whatever record order) agree.
 * Trends ask "is this unit shown in each earlier snapshot" of these marks instead of loading every
 * snapshot's tree and planning its floor again. `departments` is the floor's department plan
 * (ReaderFloor.departments, sorted; null department as ''): the Overview's findings name only
 * these, so an Overview read from stored facts applies the very plan the tree path does.
 * `topDepartments` are the departments a unit filtered by department at the reader's top shows
 * (isDepartmentShown at the top; empty when the top is hidden), so such a unit's floor needs no
 * tree either. `icTotal`, `icShown` and `icDepartments` are the same for figures about individual
 * contributors (the plan on headcount and ICs, ReaderFloor.icPlan and icDepartments), so the
 * Ceiling risk of a subtree needs no tree. Marks stored before these existed have none (their
 * readers' views use the tree).
 */
export interface FloorMarks {
  total: boolean;
  shown: string[];
  departments?: string[];
  topDepartments?: string[];
  icTotal?: boolean;
  icShown?: string[];
  icDepartments?: string[];
}

/** The stored key of a reader's floor marks: their scope root ('' = whole organisation) and the minimum. */
export function floorMarksKey(scopeEmployeeId: string | null, min: number): string {
  return `${scopeEmployeeId ?? ''}|${min}`;
}

/** The marks of a floor planned on tree t (see FloorMarks). */
export function floorMarks(floor: ReaderFloor, t: OrgTree): FloorMarks {
  const shownBy = (plan: TreePlan) => {
    const ids: string[] = [];
    for (let i = 0; i < t.size; i++)
      if (i !== floor.top && plan.visible[i] === 1) ids.push(t.records[i]?.employeeId ?? '');
    return ids;
  };
  const top = floor.plan.totalVisible ? [...shownDepartmentsAt(floor, t, -1)].sort() : [];
  return {
    total: floor.plan.totalVisible,
    shown: shownBy(floor.plan),
    departments: [...floor.departments].sort(),
    topDepartments: top,
    icTotal: floor.icPlan.totalVisible,
    icShown: shownBy(floor.icPlan),
    icDepartments: [...floor.icDepartments].sort(),
  };
}
