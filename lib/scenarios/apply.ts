/**
 * Applies scenario operations to a copy of a snapshot's records (the importer's OrgRecord, what
 * prepareSnapshot consumes). Pure: the input is never changed, so undo is applying the list
 * without its last operation. An operation that cannot apply refuses the whole list, naming it.
 */
import type { OrgRecord } from '@/lib/metrics/types';
import { diffRecords, type ScenarioChanges } from './changes';
import { describeOp, type ScenarioOp } from './operations';

export type RefusalReason =
  | 'unknown-id'
  | 'not-a-position'
  | 'into-own-subtree'
  | 'id-exists'
  | 'root-without-reports-to'
  | 'same-person'
  | 'outside-scope';

export interface ScenarioRefusal {
  /** 0-based index of the operation in the list */
  index: number;
  op: ScenarioOp;
  reason: RefusalReason;
  /** names the operation: `operation #2 move {...} refused: ...` */
  message: string;
}

export type ApplyResult =
  { ok: true; records: OrgRecord[]; changes: ScenarioChanges } | { ok: false; refusal: ScenarioRefusal };

export interface ApplyOptions {
  /** A leader's subtree root: every person an operation changes must sit strictly below it, every target at or below it. */
  scopeRoot?: string;
  /** The scenario's effective date: becomes the level start date of people whose level changes (else unknown, null). */
  effectiveDate?: string;
}

class Refused extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** A records array's first row per id and direct reports per manager id (row indices, file order). */
interface BaseIndex {
  rowById: Map<string, number>;
  /** 1 on a later row of an id already seen (dropped from the working copy) */
  repeated: Uint8Array;
  reports: Map<string, number[]> | null;
}

/**
 * Indexes of the records a scenario starts from, built once per records array (a prepared
 * snapshot's records stay the same array while it is cached), so each operation appended to a
 * scenario costs its own work, not a pass over every record.
 */
const baseIndexes = new WeakMap<readonly OrgRecord[], BaseIndex>();

function baseIndexOf(records: readonly OrgRecord[]): BaseIndex {
  let b = baseIndexes.get(records);
  if (!b) {
    const rowById = new Map<string, number>();
    const repeated = new Uint8Array(records.length);
    records.forEach((r, i) => {
      if (!rowById.has(r.employeeId)) rowById.set(r.employeeId, i);
      else repeated[i] = 1;
    });
    b = { rowById, repeated, reports: null };
    baseIndexes.set(records, b);
  }
  return b;
}

function reportsIndexOf(records: readonly OrgRecord[], b: BaseIndex): Map<string, number[]> {
  if (b.reports) return b.reports;
  const reports = new Map<string, number[]>();
  records.forEach((r, i) => {
    if (r.managerId === null || b.rowById.get(r.employeeId) !== i) return;
    const list = reports.get(r.managerId);
    if (list) list.push(i);
    else reports.set(r.managerId, [i]);
  });
  return (b.reports = reports);
}

/**
 * The working copy, copy-on-write over the starting records: the records an operation changed
 * (or removed: null) are kept apart, every other one is read from the starting array. File order,
 * added positions last.
 */
class Org {
  private readonly base: BaseIndex;
  /** new versions of starting records (null = removed) and added positions, in the order added */
  readonly written = new Map<string, OrgRecord | null>();
  /** ids written with a manager, by that manager id (candidates for reportsOf) */
  private readonly writtenReports = new Map<string, Set<string>>();
  constructor(
    readonly records: readonly OrgRecord[],
    /** with a leader's scope, an unknown id is refused exactly like one outside it (no existence leak) */
    readonly scopeRoot?: string,
  ) {
    this.base = baseIndexOf(records);
  }

  /** The record with this id now, or undefined. */
  get(id: string): OrgRecord | undefined {
    const w = this.written.get(id);
    if (w !== undefined) return w ?? undefined;
    const i = this.base.rowById.get(id);
    return i === undefined ? undefined : this.records[i];
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** The position with this id (not an aggregated row), or a refusal. */
  position(id: string, role: string): OrgRecord {
    const r = this.get(id);
    if (!r && this.scopeRoot !== undefined)
      throw new Refused('outside-scope', `${id} is not inside the subtree of ${this.scopeRoot}`);
    if (!r) throw new Refused('unknown-id', `${role} ${id} is not in the snapshot`);
    if (r.aggregatedCount !== null)
      throw new Refused('not-a-position', `${role} ${id} is aggregated staff, not a position`);
    return r;
  }

  /** True when `id` is `ancestor` or sits below them. */
  isWithin(id: string, ancestor: string): boolean {
    const seen = new Set<string>();
    for (let v: string | null = id; v !== null && !seen.has(v); v = this.get(v)?.managerId ?? null) {
      if (v === ancestor) return true;
      seen.add(v);
    }
    return false;
  }

  /** The records reporting directly to id now (aggregated rows too: they belong to the post). */
  reportsOf(id: string): OrgRecord[] {
    const out: OrgRecord[] = [];
    const seen = new Set<string>();
    const take = (cid: string) => {
      if (seen.has(cid)) return;
      seen.add(cid);
      const r = this.get(cid);
      if (r && r.managerId === id) out.push(r);
    };
    for (const i of reportsIndexOf(this.records, this.base).get(id) ?? [])
      take(this.records[i]?.employeeId ?? '');
    for (const cid of this.writtenReports.get(id) ?? []) take(cid);
    return out;
  }

  /** The operation being applied, and the last operation that changed each id. */
  op = -1;
  readonly touched = new Map<string, number>();

  /** Stores a new version of a record (or forgets it) and notes the operation that did it. */
  write(id: string, r: OrgRecord | null): void {
    if (r === null && !this.base.rowById.has(id)) this.written.delete(id);
    else this.written.set(id, r);
    if (r?.managerId) {
      let set = this.writtenReports.get(r.managerId);
      if (!set) this.writtenReports.set(r.managerId, (set = new Set()));
      set.add(id);
    }
    this.touched.set(id, this.op);
  }

  /** Sets a record's manager. */
  setManager(r: OrgRecord, managerId: string | null): void {
    this.write(r.employeeId, { ...r, managerId });
  }

  /** The records now: the starting ones in file order (first row per id), changed ones in place, added ones last. */
  result(): OrgRecord[] {
    const { rowById, repeated } = this.base;
    // the starting rows rewritten or removed, by row: one walk with a pointer, no lookup per record
    const rows: Array<[number, OrgRecord | null]> = [];
    for (const [id, w] of this.written) {
      const i = rowById.get(id);
      if (i !== undefined) rows.push([i, w]);
    }
    rows.sort((a, b) => a[0] - b[0]);
    // sized once: a list grown row by row leaves copies of a 100k-entry array behind on every operation
    const out = new Array<OrgRecord>(this.records.length + this.written.size);
    let size = 0;
    let k = 0;
    const n = this.records.length;
    for (let i = 0; i < n; i++) {
      if (repeated[i] === 1) continue;
      const next = rows[k];
      if (next !== undefined && next[0] === i) {
        k++;
        if (next[1] !== null) out[size++] = next[1];
      } else out[size++] = this.records[i] as OrgRecord;
    }
    for (const [id, w] of this.written) if (w !== null && !rowById.has(id)) out[size++] = w;
    out.length = size;
    return out;
  }

  /**
   * The net changes (as diffRecords gives them for the whole lists), from the touched ids alone:
   * a record no operation wrote is the same object before and after, so it cannot differ.
   */
  changes(): ScenarioChanges {
    const { rowById } = this.base;
    const rowOf = (id: string) => rowById.get(id) ?? Number.MAX_SAFE_INTEGER;
    const ids = [...this.touched.keys()];
    const kept = ids.filter((id) => rowById.has(id));
    const before = kept.map((id) => this.records[rowById.get(id) ?? -1]).filter((r) => r !== undefined);
    // diffRecords walks the after list in its order: starting rows in file order, then added ones.
    const added = [...this.written.keys()].filter((id) => !rowById.has(id) && this.touched.has(id));
    const after = [...kept.sort((a, b) => rowOf(a) - rowOf(b)), ...added]
      .map((id) => this.get(id))
      .filter((r) => r !== undefined);
    return diffRecords(
      before.sort((a, b) => rowOf(a.employeeId) - rowOf(b.employeeId)),
      after,
      this.touched,
    );
  }
}

/** Refuses a target that lies inside the subtree of the person being moved away from it. */
function notInside(org: Org, target: string, subject: string, what: string): void {
  if (org.isWithin(target, subject))
    throw new Refused(
      target === subject ? 'same-person' : 'into-own-subtree',
      target === subject
        ? `${what} ${target} is ${subject} themselves`
        : `${what} ${target} is inside ${subject}'s own subtree`,
    );
}

/** Leader scope: the person changed strictly below the root, the target at or below it. */
function checkScope(org: Org, root: string, changed: readonly string[], targets: readonly string[]): void {
  for (const id of changed)
    if (id === root || !org.isWithin(id, root))
      throw new Refused('outside-scope', `${id} is not inside the subtree of ${root}`);
  for (const id of targets)
    if (!org.isWithin(id, root))
      throw new Refused('outside-scope', `${id} is not inside the subtree of ${root}`);
}

function applyOne(org: Org, op: ScenarioOp, options: ApplyOptions): void {
  const scope = options.scopeRoot;
  switch (op.op) {
    case 'move': {
      const who = org.position(op.id, 'person');
      org.position(op.to, 'new manager');
      if (scope) checkScope(org, scope, [op.id], [op.to]);
      notInside(org, op.to, op.id, 'new manager');
      org.setManager(who, op.to);
      return;
    }
    case 'remove': {
      const who = org.position(op.id, 'position');
      const target = op.reportsTo ?? who.managerId;
      if (target === null)
        throw new Refused(
          'root-without-reports-to',
          `${op.id} is a root: say where the direct reports go (reportsTo)`,
        );
      org.position(target, 'reportsTo');
      if (scope) checkScope(org, scope, [op.id], [target]);
      notInside(org, target, op.id, 'reportsTo');
      for (const r of org.reportsOf(op.id)) org.setManager(r, target);
      org.write(op.id, null);
      return;
    }
    case 'merge': {
      org.position(op.from, 'from');
      org.position(op.into, 'into');
      if (scope) checkScope(org, scope, [op.from], [op.into]);
      notInside(org, op.into, op.from, 'into');
      for (const r of org.reportsOf(op.from)) org.setManager(r, op.into);
      return;
    }
    case 'add': {
      if (org.has(op.id)) throw new Refused('id-exists', `${op.id} already exists`);
      const manager = org.position(op.manager, 'manager');
      if (scope) checkScope(org, scope, [], [op.manager]);
      org.write(op.id, {
        row: 0,
        employeeId: op.id,
        managerId: op.manager,
        name: null,
        email: null,
        title: op.title ?? null,
        level: op.level ?? null,
        track: op.track ?? null,
        // A planned position sits in its manager's department until said otherwise.
        department: manager.department,
        location: null,
        costCenter: null,
        employmentType: null,
        hireDate: null,
        levelStartDate: null,
        githubLogin: null,
        status: 'vacant',
        aggregatedCount: null,
        annualCost: op.cost ?? null,
      });
      return;
    }
    case 'set-level': {
      const who = org.position(op.id, 'person');
      if (scope) checkScope(org, scope, [op.id], []);
      const levelChanged = who.level !== op.level;
      org.write(op.id, {
        ...who,
        level: op.level,
        track: op.track ?? who.track,
        levelStartDate: levelChanged ? (options.effectiveDate ?? null) : who.levelStartDate,
      });
      return;
    }
  }
}

/**
 * Applies the operations in order to a copy of the records: the new records (file order, added
 * positions last) and the net changes, or the first operation that cannot apply.
 */
export function applyOperations(
  records: readonly OrgRecord[],
  ops: readonly ScenarioOp[],
  options: ApplyOptions = {},
): ApplyResult {
  const org = new Org(records, options.scopeRoot);
  for (let index = 0; index < ops.length; index++) {
    const op = ops[index] as ScenarioOp;
    org.op = index;
    try {
      applyOne(org, op, options);
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      return {
        ok: false,
        refusal: {
          index,
          op,
          reason: err.reason,
          message: `operation ${describeOp(index, op)} refused: ${err.detail}`,
        },
      };
    }
  }
  return { ok: true, records: org.result(), changes: org.changes() };
}
