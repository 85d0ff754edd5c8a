/**
 * The changed copy's IC-ceiling risk without scoring every IC again: computeCeilingRisk(after,
 * history).people, exactly (tests/unit/scenarios/ceiling-risk.property.test.ts), from the starting
 * snapshot's scores. An IC keeps their starting score when nothing it is computed from changed:
 * their row's kind, weight, level, track and declared track, department and level start date, and
 * their department's IC ceiling (recomputed only for a department with such a changed, removed or
 * added row). Everyone else is scored with the same rules, their level spell and snapshot count
 * read from the history by their starting row rather than by a string lookup of every id.
 */
import {
  ceilingRiskRules,
  findDepartmentCeilings,
  isScoredIc,
  scoreIc,
  type CeilingRiskOptions,
  type IcCeilingRisk,
} from '@/lib/metrics/ceiling-risk';
import { computeLadderMetrics } from '@/lib/metrics/ladder';
import { NodeKind } from '@/lib/metrics/roles';
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { monthsInLevel, spellsOf, type LevelHistory } from '@/lib/metrics/time-in-level';
import { departmentIndex, groupRows } from '@/lib/metrics/record-columns';
import { startingRows } from './prepare';

/** Whether row j of `after` gives every ceiling-risk input row i of `from` gives. */
function sameInputs(from: PreparedSnapshot, i: number, after: PreparedSnapshot, j: number): boolean {
  const a = from.tree;
  const b = after.tree;
  const la = from.levels;
  const lb = after.levels;
  if (a.kind[i] !== b.kind[j] || a.aggregated[i] !== b.aggregated[j] || a.weight[i] !== b.weight[j])
    return false;
  if (la.declared[i] !== lb.declared[j] || la.levelTrack[i] !== lb.levelTrack[j]) return false;
  if ((la.code[i] ?? null) !== (lb.code[j] ?? null) || !Object.is(la.rank[i], lb.rank[j])) return false;
  const r = a.records[i];
  const s = b.records[j];
  if (r === s) return true;
  return (
    r !== undefined &&
    s !== undefined &&
    r.employeeId === s.employeeId &&
    r.department === s.department &&
    r.levelStartDate === s.levelStartDate
  );
}

const startingCeilings = new WeakMap<PreparedSnapshot, Map<string | null, number | null>>();

function ceilingsOf(snap: PreparedSnapshot): Map<string | null, number | null> {
  let out = startingCeilings.get(snap);
  if (!out) startingCeilings.set(snap, (out = findDepartmentCeilings(snap)));
  return out;
}

/** Position of each starting row's score in the starting list (-1 for rows not scored), per list. */
const positions = new WeakMap<readonly IcCeilingRisk[], Int32Array>();

function positionsOf(from: PreparedSnapshot, people: readonly IcCeilingRisk[]): Int32Array | null {
  let out = positions.get(people);
  if (!out) {
    out = new Int32Array(from.tree.size).fill(-1);
    let k = 0;
    for (let i = 0; i < from.tree.size; i++) if (isScoredIc(from, i)) out[i] = k++;
    if (k !== people.length) return null;
    positions.set(people, out);
  }
  return out;
}

/** What the changed copy shares with its starting snapshot, as ceiling risk and health flags read it. */
export interface ScenarioCeilings {
  from: PreparedSnapshot;
  /** each row of the copy -> the starting row of its id (-1 for a new id) */
  fromRow: Int32Array;
  /** 1 where a row gives every ceiling-risk input its starting row gives */
  same: Uint8Array;
  /** the departments' IC ceiling ranks, before and after */
  starting: ReadonlyMap<string | null, number | null>;
  ceilings: ReadonlyMap<string | null, number | null>;
  /** row j of the copy -> its department */
  departmentOf: (j: number) => string | null;
}

const diffs = new WeakMap<PreparedSnapshot, ScenarioCeilings>();

/**
 * The copy's rows matched with the starting ones and its departments' IC ceilings (exactly
 * findDepartmentCeilings(after)): recomputed only for a department with a changed, removed or
 * added row. Kept per copy.
 */
export function scenarioCeilings(from: PreparedSnapshot, after: PreparedSnapshot): ScenarioCeilings {
  const hit = diffs.get(after);
  if (hit && hit.from === from) return hit;
  const t = after.tree;
  const fromRow = startingRows(from.tree, t);
  const same = new Uint8Array(t.size);
  const reached = new Uint8Array(from.tree.size);
  const touched = new Set<string | null>();
  const fromRecords = from.tree.records;
  const fromKind = from.tree.kind;
  for (let j = 0; j < t.size; j++) {
    const i = fromRow[j] ?? -1;
    // the very same record object with the same kind gives the same inputs (levels and declared
    // track follow from the record, the ladder and the kind); only other rows are compared field by field
    if (
      i >= 0 &&
      ((fromRecords[i] === t.records[j] && fromKind[i] === t.kind[j]) || sameInputs(from, i, after, j))
    )
      same[j] = 1;
    else {
      touched.add(t.records[j]?.department ?? null);
      if (i >= 0) touched.add(from.tree.records[i]?.department ?? null);
    }
    if (i >= 0) reached[i] = 1;
  }
  for (let i = 0; i < from.tree.size; i++)
    if (reached[i] !== 1) touched.add(from.tree.records[i]?.department ?? null);
  const starting = ceilingsOf(from);
  const ceilings = new Map(starting);
  const departments = departmentIndex(t);
  const departmentOf = (j: number) => departments.names[departments.ids[j] ?? 0] ?? null;
  if (touched.size > 0) {
    // the touched departments' positions (vacant posts left out), grouped by department index
    const wanted = new Uint8Array(departments.names.length);
    departments.names.forEach((d, k) => {
      if (touched.has(d)) wanted[k] = 1;
    });
    const groups = new Map(
      groupRows(
        t.size,
        departments.ids,
        (j) => wanted[departments.ids[j] ?? 0] === 1 && t.kind[j] !== NodeKind.vacant,
      ),
    );
    for (const d of touched) {
      const k = departments.names.indexOf(d);
      const list = k >= 0 ? groups.get(k) : undefined;
      if (list !== undefined && list.length > 0)
        ceilings.set(d, computeLadderMetrics(t, after.levels, list).icCeilingRank);
      else ceilings.delete(d);
    }
  }
  const out = { from, fromRow, same, starting, ceilings, departmentOf };
  diffs.set(after, out);
  return out;
}

/**
 * Walks the scored ICs of `after` (prepared from `from`) in row order: `visit(j, keptAt, fresh)`
 * gets either the position in `fromPeople` of the starting score the IC keeps (fresh null) or
 * the IC's new score (keptAt -1). `fromPeople` = computeCeilingRisk(from, history,
 * options).people, with a history whose latest snapshot is `from`. False when the history is not
 * `from`'s (nothing visited; the caller then scores the whole copy).
 */
function eachAfterScore(
  from: PreparedSnapshot,
  fromPeople: readonly IcCeilingRisk[],
  after: PreparedSnapshot,
  history: LevelHistory,
  options: CeilingRiskOptions,
  visit: (j: number, keptAt: number, fresh: IcCeilingRisk | null) => void,
): boolean {
  const own = spellsOf(history, from);
  const at = own === null ? null : positionsOf(from, fromPeople);
  if (own === null || at === null || after.asOf !== from.asOf) return false;
  const t = after.tree;
  const { fromRow, same, starting, ceilings, departmentOf } = scenarioCeilings(from, after);
  const rules = ceilingRiskRules(after, history, options);
  // departments whose IC ceiling moved: their ICs are scored again even when their row is the same
  const moved = new Set<string | null>();
  for (const [d, c] of ceilings) if (c !== (starting.get(d) ?? null)) moved.add(d);
  for (const d of starting.keys()) if (!ceilings.has(d)) moved.add(d);
  for (let j = 0; j < t.size; j++) {
    if (!isScoredIc(after, j)) continue;
    const i = fromRow[j] ?? -1;
    if (same[j] === 1 && (moved.size === 0 || !moved.has(departmentOf(j)))) {
      const k = at[i] ?? -1;
      if (k >= 0 && k < fromPeople.length) {
        visit(j, k, null);
        continue;
      }
    }
    const r = t.records[j];
    const ceiling = ceilings.get(r?.department ?? null) ?? null;
    // the history's spell of this id: its row in `from` (findSpell's answer, without the lookup)
    const k = i >= 0 && own.byIndex[i] !== undefined ? i : -1;
    const months = monthsInLevel(after.asOf, r, own.byIndex[k]);
    const seen = own.seenIn[k] ?? 0;
    visit(j, -1, scoreIc(after, j, rules, history, { months, seen, ceiling }));
  }
  return true;
}

/**
 * computeCeilingRisk(after, history, options).people for `after` prepared from `from`, given
 * `fromPeople` = computeCeilingRisk(from, history, options).people and a history whose latest
 * snapshot is `from`; `rows` holds each score's row in `after`. Null when the history is not
 * `from`'s (the caller then scores the whole copy).
 */
export function scenarioCeilingRisk(
  from: PreparedSnapshot,
  fromPeople: readonly IcCeilingRisk[],
  after: PreparedSnapshot,
  history: LevelHistory,
  options: CeilingRiskOptions = {},
): { people: IcCeilingRisk[]; rows: Int32Array } | null {
  const people: IcCeilingRisk[] = [];
  const rows = new Int32Array(after.tree.size);
  let n = 0;
  const ok = eachAfterScore(from, fromPeople, after, history, options, (j, keptAt, fresh) => {
    rows[n++] = j;
    people.push(fresh ?? (fromPeople[keptAt] as IcCeilingRisk));
  });
  return ok ? { people, rows: rows.slice(0, n) } : null;
}

/** Sums of a group of scores: what a risk summary is made of. */
export interface RiskTotals {
  ics: number;
  /** sum of the scores, in row order */
  total: number;
  atCeiling: number;
  highRisk: number;
}

/** Each starting score and whether it is at the unit ceiling, by position: kept per list of scores. */
const startingFacts = new WeakMap<readonly IcCeilingRisk[], { score: Float64Array; atCeiling: Uint8Array }>();

function factsOf(people: readonly IcCeilingRisk[]) {
  let out = startingFacts.get(people);
  if (!out) {
    const score = new Float64Array(people.length);
    const atCeiling = new Uint8Array(people.length);
    people.forEach((p, k) => {
      score[k] = p.score;
      if (p.reasons.includes('atUnitCeiling')) atCeiling[k] = 1;
    });
    startingFacts.set(people, (out = { score, atCeiling }));
  }
  return out;
}

/**
 * The totals of the scored ICs of `after` in a unit (`inUnit[j] === 1`; null = every row), as
 * summing scenarioCeilingRisk's list gives them, without building the list: a kept score is read
 * from the starting list's numbers. Null when scenarioCeilingRisk would be.
 */
export function scenarioRiskTotals(
  from: PreparedSnapshot,
  fromPeople: readonly IcCeilingRisk[],
  after: PreparedSnapshot,
  history: LevelHistory,
  options: CeilingRiskOptions,
  inUnit: Uint8Array | null,
  highRiskScore: number,
): RiskTotals | null {
  const facts = factsOf(fromPeople);
  const sums: RiskTotals = { ics: 0, total: 0, atCeiling: 0, highRisk: 0 };
  const ok = eachAfterScore(from, fromPeople, after, history, options, (j, keptAt, fresh) => {
    if (inUnit !== null && inUnit[j] !== 1) return;
    const score = fresh === null ? (facts.score[keptAt] ?? 0) : fresh.score;
    sums.ics++;
    sums.total += score;
    if (fresh === null ? facts.atCeiling[keptAt] === 1 : fresh.reasons.includes('atUnitCeiling'))
      sums.atCeiling++;
    if (score >= highRiskScore) sums.highRisk++;
  });
  return ok ? sums : null;
}
