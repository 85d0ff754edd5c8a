import 'server-only';
import { can } from '@/lib/auth/permissions';
import { isPointWithin, type StoredUnitPoint } from '@/lib/metrics/unit-points';
import type { FloorDepartments } from '@/lib/views/context';
import { floorMarks, floorMarksKey } from '@/lib/views/floor';
import { NotFoundError } from '../errors';
import { rawQuery } from '../raw-query';
import type { DashboardContext, DashboardHead, DashboardRequest } from './context';
import { FLOOR_FAMILY, storeMarks } from './floor';
import { readUnitPoints } from './unit-series';

/**
 * Whether the reader's stored floor marks (lib/views/floor.ts FloorMarks) show the unit rooted at
 * `root` (null = the reader's top, which follows the total), or with `department` the unit of that
 * department at the reader's top (its topDepartments), with the floor's department plan when the
 * marks hold one; null when no marks are stored, or none for a department. The test runs in the
 * database, so the list of shown ids does not travel.
 */
export async function storedShown(
  snapshotId: number,
  key: string,
  root: string | null,
  department: string | null,
): Promise<{
  shown: boolean;
  departments: ReadonlySet<string> | undefined;
  icFloor: { shown: boolean; departments: ReadonlySet<string> } | null;
} | null> {
  const rows = await rawQuery<{
    shown: boolean | null;
    departments: unknown;
    ic_shown: boolean | null;
    ic_departments: unknown;
  }>(
    `select case when $4::text is not null then (data->'topDepartments') ? $4::text
                 when $3::text is null then (data->>'total')::boolean else (data->'shown') ? $3::text end as shown,
            data->'departments' as departments,
            case when $3::text is null then (data->>'icTotal')::boolean else (data->'icShown') ? $3::text end as ic_shown,
            data->'icDepartments' as ic_departments
     from metric_results where snapshot_id = $1 and family = '${FLOOR_FAMILY}' and scope_type = 'org' and scope_key = $2
       and ($4::text is null or data ? 'topDepartments')`,
    [snapshotId, key, root, department],
  );
  const r = rows[0];
  if (r === undefined) return null;
  const departments = stringSet(r.departments);
  const icDepartments = stringSet(r.ic_departments);
  return {
    shown: r.shown === true,
    departments,
    icFloor: icDepartments === undefined ? null : { shown: r.ic_shown === true, departments: icDepartments },
  };
}

/** A stored jsonb list of names as a set, or undefined when it is not one. */
function stringSet(value: unknown): ReadonlySet<string> | undefined {
  const names = Array.isArray(value) ? (value as unknown[]) : null;
  return names !== null && names.every((d) => typeof d === 'string') ? new Set(names as string[]) : undefined;
}

/**
 * The full context of a leader's or viewer's request whose floor marks are not stored in this
 * snapshot (a reader added since the import, or beyond the scopes it plans), or stored without the
 * department plan: the tree answers, and its floor's marks are kept for the reader's next request.
 */
async function plannedOnTree(
  head: DashboardHead,
  tree: () => Promise<DashboardContext>,
): Promise<DashboardContext> {
  const full = await tree();
  if (full.floor !== null)
    storeMarks(
      head.ref,
      floorMarksKey(head.actor.scopeEmployeeId, head.settings.minGroupSize),
      floorMarks(full.floor, full.snap.tree),
    );
  return full;
}

/**
 * A dashboard request resolved from stored rows, without the snapshot's tree (issue #13), or null
 * when stored rows cannot answer it exactly as resolveUnit and readerContext would on the tree:
 *
 * - the unit: the whole organisation and a department need nothing (resolveUnit checks neither);
 *   a manager's subtree (asked for, or a leader's scope root) needs its stored unit point in this
 *   snapshot, which also proves it is in the snapshot; a subtree inside a leader's scope is
 *   checked by preorder arithmetic on the scope root's point (pre[S] <= pre[X] < pre[S] + size[S]),
 *   the same test the stored trend series makes. A department inside a subtree, a person without
 *   reports (no point), a subtree left out of the points (too large to store) or a snapshot
 *   stored before points existed go to the tree;
 * - the privacy floor: hr and admin have none; for leaders and viewers, the org and a subtree are
 *   read from the reader's floor marks (stored at import or by an earlier request: whether the
 *   reader's top shows figures, which other units it shows, its department plan and the
 *   departments shown at its top), and so is a department of the whole organisation (a reader
 *   without a scope; a leader's department lies inside their scope, so goes to the tree as above);
 *   a snapshot without marks (or without the plan or the top's departments in them) goes to the
 *   tree, which then keeps the marks for the reader's next request.
 *
 * Outside the scope is NotFound (404) with the tree path's message. `tree` loads the full context
 * (once per request) for the families that still need the tree.
 */
export async function storedRequest(
  head: DashboardHead,
  tree: () => Promise<DashboardContext>,
): Promise<DashboardRequest | null> {
  const { actor, query, settings, ref } = head;
  const scope = actor.scopeEmployeeId;
  const department = query.department || null;
  const subtree = query.subtree || scope || null;
  if (subtree !== null && department !== null) return null;
  let rootPoint: StoredUnitPoint | undefined;
  if (subtree !== null) {
    const roots = scope !== null && scope !== subtree ? [subtree, scope] : [subtree];
    const points = await readUnitPoints([ref.id], roots);
    rootPoint = points.get(`${ref.id}:${subtree}`);
    if (rootPoint === undefined) return null;
    if (scope !== null && scope !== subtree) {
      const scopePoint = points.get(`${ref.id}:${scope}`);
      // A scope root without a point has no reports, or is not in this snapshot: the tree says which.
      if (scopePoint === undefined) return null;
      if (!isPointWithin(rootPoint, scopePoint)) throw new NotFoundError('That person is not in your scope.');
    }
  }
  const suppress = !can.seeSmallGroups(actor);
  let hidden = false;
  let floorDepartments: ReadonlySet<string> | undefined;
  let icFloor: DashboardRequest['icFloor'];
  if (suppress) {
    // isUnitShown: the reader's top (scope root, or the whole organisation) follows the total;
    // isDepartmentShown: a department at the top, its marks' topDepartments (subtree is null here).
    const shown = await storedShown(
      ref.id,
      floorMarksKey(scope, settings.minGroupSize),
      subtree === null || subtree === scope ? null : subtree,
      department,
    );
    if (shown === null || shown.departments === undefined) return plannedOnTree(head, tree);
    hidden = !shown.shown;
    floorDepartments = shown.departments;
    icFloor = shown.icFloor;
  }
  let full: Promise<DashboardContext> | null = null;
  const unit: DashboardRequest['unit'] =
    subtree !== null
      ? { stored: { scopeType: 'subtree', scopeKey: subtree }, department: null, subtree }
      : department !== null
        ? { stored: { scopeType: 'department', scopeKey: department }, department, subtree: null }
        : { stored: { scopeType: 'org', scopeKey: '' }, department: null, subtree: null };
  return {
    actor,
    settings,
    ref,
    dataVersion: head.dataVersion,
    unit,
    suppress,
    hidden,
    canSeePeople: can.seePeople(actor),
    canSeeCost: can.seeCost(actor),
    ...(rootPoint ? { rootPoint } : {}),
    ...(floorDepartments ? { floorDepartments } : {}),
    ...(icFloor !== undefined ? { icFloor } : {}),
    withTree: () => (full ??= tree()),
  };
}

/**
 * The reader's department plan for a view answered from stored rows (lib/views/context.ts
 * partitionShown reads only it): null for hr and admin (no floor), none for a unit the floor hides
 * (its breakdowns show nothing), else the plan stored with the reader's floor marks; undefined when
 * the request holds no stored plan (a context over the tree): the tree answers then.
 */
export function storedFloor(req: DashboardRequest): FloorDepartments | null | undefined {
  if (!req.suppress) return null;
  const departments = req.hidden ? new Set<string>() : req.floorDepartments;
  return departments === undefined ? undefined : { departments };
}
