/**
 * Structural health flags of a scenario's unit, before and after (issue #14 "Before and after"):
 * - deepChain: a chain of reports deeper than the layer target: every end of a chain (a position
 *   with no person-level reports) on a layer past the unit's maximum, layers counted from the
 *   unit's root as the targets page counts them (lib/views/unit-target.ts);
 * - narrowSpan: structural managers with one or two direct reports;
 * - wideSpan: structural managers with more direct reports than the span target's maximum;
 * - levelInversion: a manager at the same or a lower level than one of their direct reports, by
 *   the ladder's IC-equivalent rank (lib/metrics/levels.ts; unlevelled people are not compared);
 * - ceilingDown (after only): declared ICs whose unit ceiling (the highest IC level held in their
 *   department, as ceiling risk's "atUnitCeiling" reads it) is lower after than before.
 * And the targets checked on the result: the unit's median span against the span range and its
 * depth against the layer maximum, before and after. Pure: snapshots, units and targets in.
 */
import { NodeKind } from '@/lib/metrics/roles';
import { isManager, isPerson, type PreparedSnapshot } from '@/lib/metrics/snapshot';
import { classifyLayers, classifySpan, type TargetStatus } from '@/lib/metrics/targets';
import { TrackCode } from '@/lib/metrics/tracks';
import { scenarioCeilings } from '@/lib/scenarios';
import { visitUnit, type Unit } from './unit';
import type { UnitTarget } from './unit-target';

export type HealthKind = 'deepChain' | 'narrowSpan' | 'wideSpan' | 'levelInversion' | 'ceilingDown';

/** Most people listed per flag (the count is always whole). */
export const HEALTH_ITEM_CAP = 100;

export interface HealthItem {
  id: string;
  name: string | null;
  /** the figure behind the flag in plain words, e.g. "span 1" or "layer 5 of at most 4" */
  detail: string;
}

export interface HealthFlag {
  kind: HealthKind;
  label: string;
  /** null when the flag cannot be checked (no target set; ceilingDown before the scenario) */
  count: number | null;
  items: HealthItem[];
}

export interface HealthSide {
  flags: HealthFlag[];
}

export interface TargetCheck {
  /** the figure checked: the unit's median span, or its depth in layers */
  value: number | null;
  status: TargetStatus | null;
  pass: boolean | null;
}

export interface ScenarioTargets {
  target: UnitTarget | null;
  span: { before: TargetCheck; after: TargetCheck };
  layers: { before: TargetCheck; after: TargetCheck };
}

export interface ScenarioHealth {
  before: HealthSide;
  after: HealthSide;
  targets: ScenarioTargets;
}

/** One side of the scenario: its snapshot, the unit in it and the target that applies to the unit. */
export interface HealthInput {
  snap: PreparedSnapshot;
  unit: Unit;
  target: UnitTarget | null;
  /** the unit's figures from its metrics document */
  medianSpan: number | null;
  depth: number;
}

export const HEALTH_LABELS: Record<HealthKind, string> = {
  deepChain: 'Chains deeper than the layer target',
  narrowSpan: 'Managers with one or two reports',
  wideSpan: 'Managers above the span target',
  levelInversion: 'Managers at the same or a lower level than a report',
  ceilingDown: 'ICs whose unit ceiling moves down',
};

class FlagList {
  count = 0;
  readonly items: HealthItem[] = [];
  constructor(private readonly snap: PreparedSnapshot) {}
  /** `detail` is only worked out for the first HEALTH_ITEM_CAP (a large unit can have thousands). */
  add(i: number, detail: () => string): void {
    this.count++;
    if (this.items.length >= HEALTH_ITEM_CAP) return;
    const r = this.snap.tree.records[i];
    this.items.push({ id: r?.employeeId ?? '', name: r?.name ?? null, detail: detail() });
  }
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** The level shown beside a rank: the level code when the ladder resolved one. */
function levelName(snap: PreparedSnapshot, i: number): string {
  return snap.levels.code[i] ?? snap.tree.records[i]?.level ?? 'unlevelled';
}

/** The four structural flags of one side. */
export function structuralFlags(side: HealthInput): HealthFlag[] {
  const { snap, unit, target } = side;
  const t = snap.tree;
  const deep = new FlagList(snap);
  const narrow = new FlagList(snap);
  const wide = new FlagList(snap);
  const inverted = new FlagList(snap);
  const rootLayer = unit.rootIndex >= 0 ? (t.layer[unit.rootIndex] ?? 1) : 1;
  // typed arrays held in locals: one pass over every position of the unit
  const { aggregated, childOffsets, children, layer: layers, span: spans } = t;
  const rank = snap.levels.rank;
  const nodes = unit.nodes;
  const count = nodes === null ? t.size : nodes.length;
  for (let k = 0; k < count; k++) {
    const i = nodes === null ? k : (nodes[k] ?? -1);
    if (aggregated[i] === 1) continue;
    const first = childOffsets[i] ?? 0;
    const end = childOffsets[i + 1] ?? 0;
    let personReports = 0;
    for (let e = first; e < end; e++) if (aggregated[children[e] ?? 0] !== 1) personReports++;
    const layer = (layers[i] ?? 1) - rootLayer + 1;
    if (target && personReports === 0 && layer > target.maxLayers)
      deep.add(i, () => `layer ${layer} of at most ${target.maxLayers}`);
    if (!isManager(t, i)) continue;
    const span = spans[i] ?? 0;
    if (span > 0 && span <= 2) narrow.add(i, () => `span ${fmt(span)}`);
    if (target && span > target.spanMax) wide.add(i, () => `span ${fmt(span)} above ${fmt(target.spanMax)}`);
    const own = rank[i] ?? Number.NaN;
    if (Number.isNaN(own)) continue;
    for (let e = first; e < end; e++) {
      const c = children[e] ?? 0;
      const theirs = rank[c] ?? Number.NaN;
      if (Number.isNaN(theirs) || theirs < own || !isPerson(t, c)) continue;
      const r = t.records[c];
      inverted.add(
        i,
        () =>
          `${levelName(snap, i)} manages ${r?.name ?? r?.employeeId ?? 'a report'} at ${levelName(snap, c)}`,
      );
    }
  }
  const flag = (kind: HealthKind, list: FlagList, checked = true): HealthFlag => ({
    kind,
    label: HEALTH_LABELS[kind],
    count: checked ? list.count : null,
    items: checked ? list.items : [],
  });
  return [
    flag('deepChain', deep, target !== null),
    flag('narrowSpan', narrow),
    flag('wideSpan', wide, target !== null),
    flag('levelInversion', inverted),
  ];
}

/**
 * The starting side's structural flags, kept per snapshot (a prepared snapshot never changes):
 * every operation a user adds re-checks the changed copy only.
 */
const startingFlags = new WeakMap<PreparedSnapshot, Map<string, HealthFlag[]>>();

function beforeFlags(side: HealthInput): HealthFlag[] {
  const key = JSON.stringify([
    side.unit.subtree,
    side.unit.department,
    side.unit.nodes?.length ?? -1,
    side.target,
  ]);
  let bySide = startingFlags.get(side.snap);
  if (!bySide) startingFlags.set(side.snap, (bySide = new Map()));
  let flags = bySide.get(key);
  if (!flags) bySide.set(key, (flags = structuralFlags(side)));
  return flags;
}

/**
 * Declared ICs of the after unit whose department's IC ceiling is lower than their department's
 * was before. The departments' ceilings and the rows matched with the starting ones come from
 * scenarioCeilings (the ceiling risk of the same copy shares them); an IC whose row and
 * department are unchanged is flagged exactly when their department's ceiling went down, so only
 * the changed rows are looked at one by one.
 */
export function ceilingDownFlag(before: PreparedSnapshot, after: HealthInput): HealthFlag {
  const { fromRow, same, starting: was, ceilings: now, departmentOf } = scenarioCeilings(before, after.snap);
  const lowered = new Set<string | null>();
  for (const [d, to] of now) {
    const from = was.get(d) ?? null;
    if (from !== null && to !== null && to < from) lowered.add(d);
  }
  const t = after.snap.tree;
  const list = new FlagList(after.snap);
  visitUnit(t.size, after.unit.nodes, (i) => {
    if (!isPerson(t, i) || after.snap.levels.declared[i] !== TrackCode.ic) return;
    if (same[i] === 1 && (lowered.size === 0 || !lowered.has(departmentOf(i)))) return;
    const r = t.records[i];
    const bi = fromRow[i] ?? -1;
    if (bi < 0 || before.tree.kind[bi] === NodeKind.vacant) return;
    const from = was.get(before.tree.records[bi]?.department ?? null) ?? null;
    const to = now.get(r?.department ?? null) ?? null;
    if (from === null || to === null || to >= from) return;
    list.add(i, () => `department ceiling from rank ${fmt(from)} to ${fmt(to)}`);
  });
  return { kind: 'ceilingDown', label: HEALTH_LABELS.ceilingDown, count: list.count, items: list.items };
}

function check(value: number | null, status: TargetStatus | null): TargetCheck {
  return { value, status, pass: status === null ? null : status === 'within' };
}

/** Health flags on both sides and the targets checked before and after. */
export function computeScenarioHealth(before: HealthInput, after: HealthInput): ScenarioHealth {
  const noCeiling: HealthFlag = {
    kind: 'ceilingDown',
    label: HEALTH_LABELS.ceilingDown,
    count: null,
    items: [],
  };
  const spanCheck = (s: HealthInput) =>
    check(s.medianSpan, s.target ? classifySpan(s.medianSpan, s.target) : null);
  const layerCheck = (s: HealthInput) => check(s.depth, s.target ? classifyLayers(s.depth, s.target) : null);
  return {
    before: { flags: [...beforeFlags(before), noCeiling] },
    after: { flags: [...structuralFlags(after), ceilingDownFlag(before.snap, after)] },
    targets: {
      target: after.target ?? before.target,
      span: { before: spanCheck(before), after: spanCheck(after) },
      layers: { before: layerCheck(before), after: layerCheck(after) },
    },
  };
}
