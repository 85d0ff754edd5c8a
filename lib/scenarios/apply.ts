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

/** The working copy: records by id in file order, and the walk up the reporting line. */
class Org {
  readonly byId = new Map<string, OrgRecord>();
  /** direct reports by manager id, kept with every write, so removals and merges need no scan */
  private readonly children = new Map<string, Set<string>>();
  constructor(
    records: readonly OrgRecord[],
    /** with a leader's scope, an unknown id is refused exactly like one outside it (no existence leak) */
    readonly scopeRoot?: string,
  ) {
    for (const r of records) {
      if (this.byId.has(r.employeeId)) continue;
      this.byId.set(r.employeeId, r);
      this.link(r, true);
    }
  }

  private link(r: OrgRecord, add: boolean): void {
    if (r.managerId === null) return;
    let set = this.children.get(r.managerId);
    if (!set) this.children.set(r.managerId, (set = new Set()));
    if (add) set.add(r.employeeId);
    else set.delete(r.employeeId);
  }

  /** The position with this id (not an aggregated row), or a refusal. */
  position(id: string, role: string): OrgRecord {
    const r = this.byId.get(id);
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
    for (let v: string | null = id; v !== null && !seen.has(v); v = this.byId.get(v)?.managerId ?? null) {
      if (v === ancestor) return true;
      seen.add(v);
    }
    return false;
  }

  /** The records reporting directly to id (aggregated rows too: they belong to the post). */
  reportsOf(id: string): OrgRecord[] {
    const out: OrgRecord[] = [];
    for (const c of this.children.get(id) ?? []) {
      const r = this.byId.get(c);
      if (r) out.push(r);
    }
    return out;
  }

  /** The operation being applied, and the last operation that changed each id. */
  op = -1;
  readonly touched = new Map<string, number>();

  /** Stores a new version of a record (or forgets it) and notes the operation that did it. */
  write(id: string, r: OrgRecord | null): void {
    const old = this.byId.get(id);
    if (old) this.link(old, false);
    if (r) {
      this.byId.set(id, r);
      this.link(r, true);
    } else this.byId.delete(id);
    this.touched.set(id, this.op);
  }

  /** Sets a record's manager. */
  setManager(r: OrgRecord, managerId: string | null): void {
    this.write(r.employeeId, { ...r, managerId });
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
      if (org.byId.has(op.id)) throw new Refused('id-exists', `${op.id} already exists`);
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
  const after = [...org.byId.values()];
  return { ok: true, records: after, changes: diffRecords(records, after, org.touched) };
}
