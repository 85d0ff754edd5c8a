/**
 * What a view computation needs, as plain data: the loaded snapshot, the unit, and the reader's
 * privacy settings (no actor, no session, no database). lib/dal's DashboardContext extends it with
 * the actor and the snapshot's database reference. Also the privacy helpers every view uses to
 * decide which of its groups may show figures (SPEC "Privacy").
 */
import type { PreparedSnapshot } from '@/lib/metrics/snapshot';
import { planFloor } from '@/lib/privacy/floor';
import { isSuppressed, type SuppressReason, type SuppressedMarker } from '@/lib/query/suppressed';
import type { ReaderFloor } from './floor';
import type { Unit } from './unit';

export interface ViewContext {
  settings: { minGroupSize: number; execLayers: number };
  /** the snapshot asked for (its as-of date) */
  ref: { asOf: string };
  snap: PreparedSnapshot;
  unit: Unit;
  /** leaders and viewers: groups under settings.minGroupSize are suppressed. */
  suppress: boolean;
  /** leaders and viewers: which units may show figures at all (the floor under subtraction). */
  floor: ReaderFloor | null;
  /** the unit asked for is hidden by the floor: every figure about it is suppressed. */
  hidden: boolean;
  /** the floor on IC counts hides the unit: figures about its ICs are suppressed. */
  icHidden: boolean;
  /** hr/admin anywhere, leaders inside their scope; never viewers. */
  canSeePeople: boolean;
  /** person-level annual cost: hr and admin only (can.seeCost); absent = no. */
  canSeeCost?: boolean;
}

/**
 * The privacy part of a view context: enough for the helpers below. Of the floor they read only
 * its department plan, so a view answered from stored floor marks passes that alone.
 */
export type PrivacyContext = Pick<ViewContext, 'suppress' | 'hidden'> & {
  floor: FloorDepartments | null;
  settings: { minGroupSize: number };
};

/** The reader's department plan (ReaderFloor.departments): all a breakdown by department reads of the floor. */
export type FloorDepartments = Pick<ReaderFloor, 'departments'>;

/** What guarding a whole group needs (no floor plan): a view answered without the tree has this. */
export type GroupPrivacy = Pick<PrivacyContext, 'suppress' | 'hidden' | 'settings'>;

export type Suppressed = SuppressedMarker;
export { isSuppressed };

/**
 * Returns the value, or a suppression marker when the group is too small for this actor or the
 * unit it belongs to is hidden by the privacy floor (a unit's figures are shown or hidden together).
 * The marker's reason: `small` when the group is under the minimum, else `complement` (the unit
 * was hidden by complementary suppression). A group of 0 is hidden like any small one here; rows
 * of a breakdown go through guardRow, which shows an empty row as 0.
 */
export function guardGroup<T>(ctx: GroupPrivacy, groupSize: number, value: T): T | Suppressed {
  return isGroupHidden(ctx, groupSize) ? hiddenMarker(ctx, reasonFor(ctx, groupSize)) : value;
}

/** Why a group of this size is hidden: `small` under the minimum, else `complement`. */
export function reasonFor(ctx: Pick<PrivacyContext, 'settings'>, groupSize: number): SuppressReason {
  return groupSize < ctx.settings.minGroupSize ? 'small' : 'complement';
}

/**
 * The one guard for a row or cell of a breakdown planned by the floor (departments, levels, heatmap
 * cells): `size` is the group's population and `planned` whether the floor plan shows it.
 * - an empty group (0 people) is shown as it is (its figures are zeros), unless the whole unit is
 *   hidden: a 0 says nothing about anyone, and showing it cannot let another hidden cell be
 *   derived, because a 0 adds nothing to any sum the plan keeps at 0 or at least the minimum;
 * - a group under the minimum is hidden as `small`;
 * - a group the plan hides although it has the minimum or more is hidden as `complement`.
 */
export function guardRow<T>(ctx: PrivacyContext, size: number, planned: boolean, value: T): T | Suppressed {
  if (!ctx.suppress) return value;
  if (size === 0 && !ctx.hidden) return value;
  if (ctx.hidden || !planned || size < ctx.settings.minGroupSize)
    return hiddenMarker(ctx, reasonFor(ctx, size));
  return value;
}

/** True when figures about a group of the unit are suppressed: too small, or the unit is hidden. */
export function isGroupHidden(ctx: GroupPrivacy, groupSize: number): boolean {
  return ctx.suppress && (ctx.hidden || groupSize < ctx.settings.minGroupSize);
}

/**
 * For a flat breakdown of the unit shown beside its total (departments, levels, bands): which rows
 * may show figures, so the hidden rows cannot be had as the total minus the shown ones.
 */
export function partitionShown(
  ctx: PrivacyContext,
  sizes: readonly number[],
  total: number | null,
  departments?: ReadonlyArray<string | null>,
  floor: FloorDepartments | null = ctx.floor,
): boolean[] {
  // Rows that are departments follow the reader's department plan (departments x subtrees), which
  // already keeps every department breakdown of a shown unit safe; a second plan would hide more.
  if (departments && floor !== null && ctx.suppress)
    return ctx.hidden ? sizes.map(() => false) : departments.map((d) => floor.departments.has(d ?? ''));
  return familyShown(ctx, new Array<number>(sizes.length).fill(-1), sizes, total);
}

/** The same for nested breakdowns (a department row and its level cells): parent index per row, -1 = top. */
export function familyShown(
  ctx: PrivacyContext,
  parent: readonly number[],
  sizes: readonly number[],
  total: number | null,
): boolean[] {
  if (!ctx.suppress) return sizes.map(() => true);
  if (ctx.hidden) return sizes.map(() => false);
  const plan = planFloor({ parent, size: sizes, total, min: ctx.settings.minGroupSize });
  return sizes.map((_, k) => plan.visible[k] === 1);
}

/** The marker shown in place of figures hidden for this actor, with why (see SuppressReason). */
export function hiddenMarker(ctx: Pick<PrivacyContext, 'settings'>, reason: SuppressReason): Suppressed {
  return { suppressed: true, minGroupSize: ctx.settings.minGroupSize, reason };
}

/** A view context that also knows the reader's scope root (views that re-resolve the unit over a series). */
export type ScopedViewContext = ViewContext & { actor: { scopeEmployeeId: string | null } };
