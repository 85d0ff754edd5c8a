import { isManagerNode } from '@/lib/metrics/span-histogram';
import { hiddenText } from '@/lib/privacy/hidden-text';
import type { OrgTree, UnitColumns } from '@/lib/metrics/tree';
import { isUnitShown, type ReaderFloor } from './floor';

/**
 * The one rule for what a viewer sees of single persons (SPEC roles: "viewer: aggregated
 * dashboards only, no person-level data"). Every surface (org explorer, people search, structure
 * and AI tables, scope labels, the PDF/XLSX/CSV exports) asks these functions, never the role:
 *
 * - a unit is a manager and everyone below them; its size is its headcount (the manager included);
 * - a viewer sees a manager's name, and the employee id needed to scope a view to that unit, only
 *   as the label of a unit of at least min_group_size people; beside the label only the unit's own
 *   structure (department, layer, direct reports, headcount below, managerial level);
 * - a smaller unit has no label and no id ("a team of fewer than 5 people"), and an individual
 *   contributor is never named;
 * - no single person's attributes reach a viewer at all: title, grade or level, tenure, location,
 *   AI usage, cost, risk score;
 * - hr and admin (everywhere) and leaders (inside their scope) keep full person-level data.
 */
export interface LabelViewer {
  /** hr/admin anywhere, leaders inside their scope; never viewers */
  canSeePeople: boolean;
  settings: { minGroupSize: number };
}

/** Headcount of the unit rooted at record i: the record itself (if filled) and everyone below. */
export function unitHeadcount(tree: Pick<UnitColumns, 'weight' | 'subtreeSize'>, i: number): number {
  return (tree.weight[i] ?? 0) + (tree.subtreeSize[i] ?? 0);
}

/**
 * Whether `who` may see record i's name and employee id: always for people-seeing roles; for a
 * viewer only when i is a manager whose unit has at least min_group_size people.
 */
export function mayLabelUnit(
  who: LabelViewer,
  tree: Pick<UnitColumns, 'kind' | 'weight' | 'subtreeSize'>,
  i: number,
): boolean {
  if (who.canSeePeople) return true;
  if (i < 0 || !isManagerNode(tree, i)) return false;
  return unitHeadcount(tree, i) >= who.settings.minGroupSize;
}

/** The name of record i as `who` may see it: the person's name, or null (no label for this role). */
export function unitLabel(who: LabelViewer, tree: OrgTree, i: number): string | null {
  return i >= 0 && mayLabelUnit(who, tree, i) ? (tree.records[i]?.name ?? null) : null;
}

/** A single person's attribute (title, grade, ...) as `who` may see it: viewers never get one. */
export function personAttribute<T>(who: LabelViewer, value: T | null | undefined): T | null {
  return who.canSeePeople ? (value ?? null) : null;
}

/** What stands in for an unlabelled unit: "a team of fewer than 5 people", or "3 teams of ...". */
export function unlabelledTeams(count: number, minGroupSize: number): string {
  const n = count === 1 ? 'A team' : `${count.toLocaleString('en')} teams`;
  return `${n} of ${hiddenText({ minGroupSize, reason: 'small' })}`;
}

/** A reader of unit figures: the label rule plus the privacy floor of their scope (null: hr/admin). */
export interface CountViewer extends LabelViewer {
  floor: ReaderFloor | null;
}

/**
 * The headcount below record i as `who` may see it beside a label: for a viewer only where the
 * privacy floor shows the unit (else null), so no surface (explorer, narrow spans, AI table, people
 * search) lets a unit minus its shown children count a group under the minimum. Leaders see the
 * people of their scope by name, so their counts are not hidden.
 */
export function shownBelow(who: CountViewer, tree: OrgTree, i: number): number | null {
  const floor = who.floor;
  return shownCount(who, tree.subtreeSize[i] ?? 0, floor === null ? null : () => isUnitShown(floor, i));
}

/**
 * shownBelow's rule for a headcount `below` whose unit the floor shows when `isShown()` says so
 * (null: no floor, hr and admin): one rule for the tree and for a unit's stored rows.
 */
export function shownCount(
  who: Pick<LabelViewer, 'canSeePeople'>,
  below: number,
  isShown: (() => boolean) | null,
): number | null {
  if (who.canSeePeople || isShown === null) return below;
  return isShown() ? below : null;
}

/**
 * The junior-staff FTE below record i (organogram aggregated rows, SPEC "Posts, people and FTE")
 * as `who` may see it: null when the snapshot has no aggregated rows, and for a viewer null
 * wherever the privacy floor hides the unit, as for its headcount (a hidden unit shows no FTE).
 */
export function shownFte(who: CountViewer, tree: OrgTree, i: number): number | null {
  if (!tree.hasAggregated) return null;
  if (shownBelow(who, tree, i) === null) return null;
  return tree.juniorFteBelow[i] ?? 0;
}
