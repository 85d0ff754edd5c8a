/**
 * Ladder steps (issue #13): the level history stored one snapshot at a time, so importing snapshot
 * N reads what N-1 stored instead of folding every earlier snapshot's people, and the ladder and
 * ceiling-risk dashboards rebuild the history of any snapshot from stored rows plus that one tree.
 *
 * A step of snapshot N holds (1) the level state after N: each person's current level spell start,
 * whether it is censored, and how many consecutive snapshots they have been seen in, in canonical
 * record order (by file row, then employee id: the same whatever order the records were read in);
 * (2) what happened between the previous snapshot and N: promotions (and the samples of months in
 * level they gave), IC <-> manager moves, and ICs who left, as preorder positions, so a subtree's
 * counts are ranges against the unit points (lib/metrics/unit-points.ts) of the same import.
 * `prevId` names the snapshot folded before; a step whose chain does not match the current series
 * (an older snapshot imported later, one deleted) is stale, and the history is folded again.
 */
import { findUnitCeilings } from '@/lib/metrics/ceiling-risk';
import { compareSnapshots, type SnapshotChanges } from '@/lib/metrics/history';
import { isPerson, type PreparedSnapshot } from '@/lib/metrics/snapshot';
import {
  addSnapshotLevels,
  createLevelHistory,
  type LevelHistory,
  type LevelSpell,
  type PromotionSample,
} from '@/lib/metrics/time-in-level';
import { TrackCode } from '@/lib/metrics/tracks';
import type { OrgRecord } from '@/lib/metrics/types';

export const LADDER_STEP_FORMAT = 1;

export interface StoredLadderStep {
  format: number;
  /** the snapshot folded just before this one (null: this is the first of its series) */
  prevId: number | null;
  /** this snapshot's date, and the previous one's */
  asOf: string;
  from: string | null;
  /** snapshots folded so far, this one included */
  snapshots: number;
  firstAsOf: string;
  /** level state after this snapshot, per record in canonical order (base64 typed arrays) */
  sinceDates: string[];
  /** Int32: index into sinceDates, -1 = no spell (not a person) */
  since: string;
  /** Uint8: 1 = the spell began before the first snapshot */
  censored: string;
  /** Int32: consecutive snapshots seen in */
  seenIn: string;
  /** ids promoted in this snapshot (their last promotion is this date) */
  promoted: string[];
  /** promotion samples that showed in this snapshot, and the promoted person's preorder position */
  samples: PromotionSample[];
  samplePre: number[];
  /** preorder positions in this snapshot of the people who moved IC -> manager / manager -> IC */
  icToManager: number[];
  managerToIc: number[];
  /** the same people by id (a unit of one record is matched by id) */
  icToManagerIds: string[];
  managerToIcIds: string[];
  /** declared ICs at their unit's ceiling in this snapshot, by id */
  atCeilingIds: string[];
  /** filled people in this snapshot (the org's headcount) */
  headcount: number;
  /** preorder positions in the previous snapshot of declared ICs who left; 1 = at their unit's ceiling */
  leaverPre: number[];
  leaverAtCeiling: number[];
}

/** Record indices sorted by (file row, employee id): an order that does not depend on how they were read. */
export function canonicalOrder(records: readonly OrgRecord[]): Int32Array {
  const order = new Int32Array(records.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const before = (a: OrgRecord | undefined, b: OrgRecord | undefined) =>
    (a?.row ?? 0) - (b?.row ?? 0) || ((a?.employeeId ?? '') < (b?.employeeId ?? '') ? -1 : 1);
  let sorted = true;
  for (let i = 1; i < records.length && sorted; i++)
    if (before(records[i - 1], records[i]) > 0) sorted = false;
  if (!sorted) order.sort((a, b) => before(records[a], records[b]));
  return order;
}

const b64 = (a: Int32Array | Uint8Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function int32(s: string): Int32Array {
  const b = Buffer.from(s, 'base64');
  const out = new Int32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}
const uint8 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

/** The level state of `history` (whose latest snapshot is `snap`) in canonical order. */
function encodeState(snap: PreparedSnapshot, history: LevelHistory) {
  const order = canonicalOrder(snap.tree.records);
  const n = order.length;
  const since = new Int32Array(n).fill(-1);
  const censored = new Uint8Array(n);
  const seenIn = new Int32Array(n);
  const dates = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    const i = order[k] ?? 0;
    const spell = history.spells.byIndex[i];
    seenIn[k] = history.spells.seenIn[i] ?? 0;
    if (spell === undefined) continue;
    let d = dates.get(spell.since);
    if (d === undefined) dates.set(spell.since, (d = dates.size));
    since[k] = d;
    censored[k] = spell.censored ? 1 : 0;
  }
  return { sinceDates: [...dates.keys()], since: b64(since), censored: b64(censored), seenIn: b64(seenIn) };
}

/**
 * The level history after `snap` from its stored step and the promotions of the steps before it
 * (`steps`: the series' steps oldest first, the snapshot's own last): spells keyed by this tree's own records.
 */
export function restoreLevelHistory(
  snap: PreparedSnapshot,
  steps: readonly StoredLadderStep[],
): LevelHistory {
  const last = steps[steps.length - 1];
  if (last === undefined) return createLevelHistory();
  return restoreLevelHistoryOf(snap, last, steps.slice(0, -1));
}

/** What restoring a history reads of the steps before the last: the promotions they hold. */
export type StepPromotions = Pick<StoredLadderStep, 'asOf' | 'samples' | 'promoted'>;

/**
 * restoreLevelHistory from the snapshot's own step and only the promotions of the steps before it
 * (oldest first), so the import need not read those steps' level state.
 */
export function restoreLevelHistoryOf(
  snap: PreparedSnapshot,
  last: StoredLadderStep,
  before: readonly StepPromotions[],
): LevelHistory {
  const history = createLevelHistory();
  const { tree, levels } = snap;
  const order = canonicalOrder(tree.records);
  const since = int32(last.since);
  const censored = uint8(last.censored);
  const seen = int32(last.seenIn);
  const byIndex = new Array<LevelSpell | undefined>(tree.size).fill(undefined);
  const seenIn = new Int32Array(tree.size);
  // One spell object per (code, since, censored), as the fold shares them.
  const shared = new Map<string, LevelSpell>();
  for (let k = 0; k < order.length; k++) {
    const i = order[k] ?? 0;
    seenIn[i] = seen[k] ?? 0;
    const d = since[k] ?? -1;
    if (d < 0 || !isPerson(tree, i)) continue;
    const code = levels.code[i] ?? null;
    const key = `${code ?? ''}\u0000${d}\u0000${censored[k] ?? 0}`;
    let spell = shared.get(key);
    if (spell === undefined) {
      spell = { code, since: last.sinceDates[d] ?? snap.asOf, censored: censored[k] === 1 };
      shared.set(key, spell);
    }
    byIndex[i] = spell;
  }
  history.spells = { indexById: tree.indexById, byIndex, seenIn };
  history.snapshots = last.snapshots;
  history.firstAsOf = last.firstAsOf;
  for (const s of [...before, last]) {
    for (const sample of s.samples) history.samples.push(sample);
    for (const id of s.promoted) history.lastPromotion.set(id, s.asOf);
  }
  return history;
}

/**
 * Folds `curr` onto the previous snapshot's stored step and returns curr's step, or null when the
 * previous step is missing (the history must then be folded from the start, at view time).
 */
export function computeLadderStep(
  curr: PreparedSnapshot,
  previous: {
    id: number;
    snap: PreparedSnapshot;
    steps: readonly StoredLadderStep[];
    changes?: SnapshotChanges;
  } | null,
): StoredLadderStep | null {
  let history: LevelHistory;
  let changes: SnapshotChanges | null = null;
  if (previous === null) {
    history = createLevelHistory();
    addSnapshotLevels(history, null, curr, null);
  } else {
    if (previous.steps.length === 0) return null;
    history = restoreLevelHistory(previous.snap, previous.steps);
    history.samples = [];
    history.lastPromotion = new Map();
    changes = previous.changes ?? compareSnapshots(previous.snap, curr);
    addSnapshotLevels(history, previous.snap, curr, changes);
  }
  const pre = (id: string) => {
    const i = curr.tree.indexById.get(id);
    return i === undefined ? -1 : (curr.tree.preorderIndex[i] ?? -1);
  };
  const sorted = (ids: readonly string[]) =>
    ids
      .map(pre)
      .filter((p) => p >= 0)
      .sort((a, b) => a - b);
  const leaverPre: number[] = [];
  const leaverAtCeiling: number[] = [];
  if (previous !== null) {
    const prev = previous.snap;
    const ceilings = findUnitCeilings(prev);
    const gone: Array<[number, number]> = [];
    for (let i = 0; i < prev.tree.size; i++) {
      if (!isPerson(prev.tree, i) || prev.levels.declared[i] !== TrackCode.ic) continue;
      const id = prev.tree.records[i]?.employeeId ?? '';
      const j = curr.tree.indexById.get(id);
      if (j !== undefined && isPerson(curr.tree, j)) continue;
      gone.push([prev.tree.preorderIndex[i] ?? 0, ceilings[i] === 1 ? 1 : 0]);
    }
    gone.sort((a, b) => a[0] - b[0]);
    for (const [p, at] of gone) {
      leaverPre.push(p);
      leaverAtCeiling.push(at);
    }
  }
  return {
    format: LADDER_STEP_FORMAT,
    asOf: curr.asOf,
    prevId: previous?.id ?? null,
    from: previous?.snap.asOf ?? null,
    snapshots: history.snapshots,
    firstAsOf: history.firstAsOf ?? curr.asOf,
    ...encodeState(curr, history),
    promoted: changes?.promotions.map((p) => p.employeeId) ?? [],
    samples: history.samples,
    samplePre: history.samples.map((s) => pre(s.employeeId)),
    icToManager: sorted(changes?.icToManager ?? []),
    managerToIc: sorted(changes?.managerToIc ?? []),
    icToManagerIds: changes?.icToManager ?? [],
    managerToIcIds: changes?.managerToIc ?? [],
    atCeilingIds: atCeilingIds(curr),
    headcount: curr.structure.headcount,
    leaverPre,
    leaverAtCeiling,
  };
}

/** True when the steps (oldest first) chain exactly along the series ids. */
export function isStepChain(
  series: ReadonlyArray<{ id: number }>,
  steps: ReadonlyArray<StoredLadderStep | undefined>,
): steps is StoredLadderStep[] {
  return series.every((s, k) => {
    const step = steps[k];
    return (
      step !== undefined &&
      step.format === LADDER_STEP_FORMAT &&
      step.prevId === (k === 0 ? null : (series[k - 1]?.id ?? null))
    );
  });
}

/** Declared IC people at their unit's ceiling (the ceiling-risk reason "atUnitCeiling"). */
function atCeilingIds(snap: PreparedSnapshot): string[] {
  const at = findUnitCeilings(snap);
  const out: string[] = [];
  for (let i = 0; i < snap.tree.size; i++)
    if (at[i] === 1 && isPerson(snap.tree, i) && snap.levels.declared[i] === TrackCode.ic)
      out.push(snap.tree.records[i]?.employeeId ?? '');
  return out;
}
