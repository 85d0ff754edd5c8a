/**
 * The Ceiling-risk dashboard from loaded data (SPEC "IC-ceiling risk"): the scored ICs of the
 * level history (lib/dal/dashboards/level-history.ts) restricted to one unit, under the privacy floor.
 */
import {
  DEFAULT_CEILING_RISK_WEIGHTS,
  type CeilingRiskReason,
  type CeilingRiskWeights,
  findDepartmentCeilings,
  type IcCeilingRisk,
} from '@/lib/metrics/ceiling-risk';
import { divideOrNull, roundTo } from '@/lib/metrics/numbers';
import {
  familyShown,
  guardGroup,
  guardRow,
  isGroupHidden,
  type ScopedViewContext,
  type Suppressed,
  type ViewContext,
} from './context';
import type { ReaderFloor } from './floor';
import { describeScope, type DashboardScope } from './ladder';
import { RISK_OPTIONS, type LadderHistory } from './ladder-history';
import {
  buildNextStepContext,
  buildReasonContext,
  describeReason,
  suggestNextStep,
  suggestUnitStep,
} from './risk-reasons';
import { computeUnitLadderSeries, type UnitLadderSeries } from './unit-ladder-series';
import type { Ladder } from '@/lib/ladders/types';
import type { PromotionSample } from '@/lib/metrics/time-in-level';

/** Aggregate risk of a group of declared ICs. */
export interface RiskGroup {
  ics: number;
  meanScore: number | null;
  atCeiling: number;
  shareAtCeiling: number | null;
  highRisk: number;
}

export interface HeatmapColumn {
  /** level code, '' for unlevelled, '*' for all levels */
  key: string;
  label: string;
}

export interface HeatmapCell {
  department: string | null;
  column: string;
  value: RiskGroup | Suppressed;
}

export interface RiskPerson {
  employeeId: string;
  name: string | null;
  title: string | null;
  department: string | null;
  level: string | null;
  monthsInLevel: number | null;
  score: number;
  reasons: CeilingRiskReason[];
  /** the reasons in plain words, with the person's own figures */
  reasonText: string[];
  /** a next step a leader could take, phrased as a suggestion */
  nextStep: string;
}

export interface LeaverBucket {
  ics: number;
  leavers: number;
  leaverRate: number | null;
}

export interface CeilingLeaversRow {
  asOf: string;
  from: string;
  atCeiling: LeaverBucket | Suppressed;
  notAtCeiling: LeaverBucket | Suppressed;
}

export interface CeilingRiskDashboard {
  asOf: string;
  scope: DashboardScope;
  weights: CeilingRiskWeights;
  highRiskScore: number;
  historyFrom: string | null;
  summary: RiskGroup | Suppressed;
  heatmap: { departments: Array<string | null>; columns: HeatmapColumn[]; cells: HeatmapCell[] };
  /** null for viewers: named people are never sent to them */
  people: RiskPerson[] | null;
  /** ICs in the unit with a score above 0 (the list may be cut to PEOPLE_LIMIT) */
  peopleTotal: number | null;
  /** per department with ICs at its ceiling (shown cells only): a suggested next step */
  unitSteps: Array<{ department: string; atCeiling: number; text: string }>;
  leavers: CeilingLeaversRow[] | Suppressed;
  /**
   * Over the whole series: IC-snapshots and leavers summed per group, so the rate is the average
   * share of that group leaving between two snapshots. Suppressed when the group was under the
   * minimum in any snapshot.
   */
  leaversTotal: { atCeiling: LeaverBucket | Suppressed; notAtCeiling: LeaverBucket | Suppressed } | null;
}

/** Most people sent in one response; the rest are counted in peopleTotal. */
export const PEOPLE_LIMIT = 2000;

export function aggregate(people: readonly IcCeilingRisk[]): RiskGroup {
  const sums = { ics: people.length, total: 0, atCeiling: 0, highRisk: 0 };
  for (const p of people) {
    sums.total += p.score;
    if (p.reasons.includes('atUnitCeiling')) sums.atCeiling++;
    if (p.score >= RISK_OPTIONS.highRiskScore) sums.highRisk++;
  }
  return riskGroup(sums);
}

/** A risk summary from its sums (the one definition of the mean score and the share at the ceiling). */
export function riskGroup(sums: {
  ics: number;
  total: number;
  atCeiling: number;
  highRisk: number;
}): RiskGroup {
  const { ics, total, atCeiling, highRisk } = sums;
  return {
    ics,
    meanScore: ics === 0 ? null : roundTo(total / ics, 1),
    atCeiling,
    shareAtCeiling: divideOrNull(atCeiling, ics),
    highRisk,
  };
}

/**
 * The Ceiling-risk dashboard (SPEC "IC-ceiling risk"): a department x IC level heatmap (ICs, mean
 * score, share at the department's IC ceiling; cells under the minimum group size suppressed for
 * leaders and viewers), the named ICs with their score and reasons (hr/admin, and leaders inside
 * their scope; never viewers), and leavers among ICs at the ceiling vs the others per snapshot.
 */
export function assembleCeilingRisk(ctx: ScopedViewContext, lh: LadderHistory): CeilingRiskDashboard {
  const { snap, unit } = ctx;
  const inUnit = new Uint8Array(snap.tree.size);
  if (unit.nodes === null) inUnit.fill(1);
  else for (const i of unit.nodes) inUnit[i] = 1;
  const rankOf = new Map<string, number>();
  const people = lh.risk.people.filter((p) => {
    const i = snap.tree.indexById.get(p.employeeId) ?? -1;
    if (p.level !== null && i >= 0) rankOf.set(p.level, snap.levels.rank[i] ?? 0);
    return inUnit[i] === 1;
  });
  return ceilingRiskFrom(ctx, {
    people,
    personOf: (p) => {
      const i = snap.tree.indexById.get(p.employeeId) ?? -1;
      const r = snap.tree.records[i];
      return { name: r?.name ?? null, title: r?.title ?? null, rank: snap.levels.rank[i] ?? null };
    },
    rankOf,
    ceilings: findDepartmentCeilings(snap),
    ladder: snap.levels.ladder,
    samples: lh.history.samples,
    historyFrom: lh.series[0]?.asOf ?? null,
    unitSeries: computeUnitLadderSeries(ctx, lh),
    scope: describeScope(ctx),
  });
}

/** What the Ceiling-risk dashboard reads of its unit: from the snapshot's tree, or from stored rows. */
export interface CeilingRiskInput {
  /** the unit's scored ICs, in tree order */
  people: IcCeilingRisk[];
  /** a listed IC's name, title and level rank */
  personOf: (p: IcCeilingRisk) => { name: string | null; title: string | null; rank: number | null };
  /** the rank of each scored IC level of the snapshot (heatmap column order) */
  rankOf: ReadonlyMap<string, number>;
  /** every department's IC ceiling rank (findDepartmentCeilings) */
  ceilings: ReadonlyMap<string | null, number | null>;
  ladder: Ladder;
  /** the promotion samples of the snapshot's level history */
  samples: readonly PromotionSample[];
  historyFrom: string | null;
  unitSeries: UnitLadderSeries;
  scope: DashboardScope;
}

/** The reader's side: privacy settings and floor (with its IC-count plan), and who may see people. */
export type CeilingRiskReader = Pick<
  ViewContext,
  'suppress' | 'hidden' | 'icHidden' | 'canSeePeople' | 'settings' | 'ref'
> & { floor: Pick<ReaderFloor, 'departments' | 'icDepartments'> | null };

/**
 * The Ceiling-risk dashboard of a unit from its scored ICs and the snapshot's facts, whichever
 * path loaded them (one definition for the tree path and the stored one).
 */
export function ceilingRiskFrom(ctx: CeilingRiskReader, input: CeilingRiskInput): CeilingRiskDashboard {
  const { people, rankOf } = input;
  const summary = aggregate(people);
  // Figures about ICs: the unit counts as hidden when the floor on IC counts hides it.
  const icCtx = { ...ctx, hidden: ctx.hidden || ctx.icHidden };
  const guardIcs = <T>(ics: number, v: T) => guardGroup(icCtx, ics, v);

  const byCell = new Map<string, IcCeilingRisk[]>();
  const departments = new Set<string | null>();
  const levelKeys = new Set<string>();
  for (const p of people) {
    departments.add(p.department);
    const level = p.level ?? '';
    levelKeys.add(level);
    for (const column of [level, '*']) {
      const key = `${p.department ?? ''}\u0000${p.department === null ? 1 : 0}\u0000${column}`;
      const list = byCell.get(key);
      if (list) list.push(p);
      else byCell.set(key, [p]);
    }
  }
  const columns: HeatmapColumn[] = [...levelKeys]
    .sort((a, b) => (a === '' ? 1 : b === '' ? -1 : (rankOf.get(a) ?? 0) - (rankOf.get(b) ?? 0)))
    .map((key) => ({ key, label: key === '' ? 'Unlevelled' : key }));
  columns.push({ key: '*', label: 'All levels' });
  const deptList = [...departments].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  // Department rows partition the unit and level cells partition their row: one nested family
  // under the unit's total, so no hidden cell is a row minus its shown cells (SPEC "Privacy").
  const found: Array<{ department: string | null; column: string; list: IcCeilingRisk[]; parent: number }> =
    [];
  for (const department of deptList) {
    const row = found.length;
    for (const c of [...columns].reverse()) {
      const list = byCell.get(`${department ?? ''}\u0000${department === null ? 1 : 0}\u0000${c.key}`);
      if (list) found.push({ department, column: c.key, list, parent: c.key === '*' ? -1 : row });
    }
  }
  const floor = ctx.floor;
  const shown = familyShown(
    ctx,
    found.map((f) => f.parent),
    found.map((f) => f.list.length),
    people.length,
  ).map((v, k) => v && (floor === null || floor.icDepartments.has(found[k]?.department ?? '')));
  const cells: HeatmapCell[] = [];
  for (const department of deptList)
    for (const c of columns) {
      const k = found.findIndex((f) => f.department === department && f.column === c.key);
      const f = found[k];
      if (!f) continue;
      const value = guardRow(icCtx, f.list.length, shown[k] === true, aggregate(f.list));
      cells.push({ department, column: c.key, value });
    }

  // A suggested move names a department and its IC ceiling: for a reader under the floor, only
  // departments whose IC figures their floor shows (within their scope), never a hidden one.
  const all = input.ceilings;
  const ceilings = new Map(
    floor === null ? all : [...all].filter(([d]) => d === null || floor.icDepartments.has(d)),
  );
  const steps = buildNextStepContext(input.ladder, ceilings);
  const unitSteps: CeilingRiskDashboard['unitSteps'] = [];
  for (const c of cells) {
    if (c.column !== '*' || c.department === null || !('atCeiling' in c.value)) continue;
    const text = suggestUnitStep(c.department, c.value.atCeiling, steps);
    if (text !== null) unitSteps.push({ department: c.department, atCeiling: c.value.atCeiling, text });
  }
  unitSteps.sort((a, b) => b.atCeiling - a.atCeiling || a.department.localeCompare(b.department));

  let listed: RiskPerson[] | null = null;
  let peopleTotal: number | null = null;
  if (ctx.canSeePeople) {
    const rc = buildReasonContext(ctx.ref.asOf, input.historyFrom, input.samples);
    const scoring = people
      .filter((p) => p.score > 0)
      .sort(
        (a, b) =>
          b.score - a.score ||
          (b.pressure ?? 0) - (a.pressure ?? 0) ||
          (b.monthsInLevel ?? -1) - (a.monthsInLevel ?? -1) ||
          a.employeeId.localeCompare(b.employeeId),
      );
    peopleTotal = scoring.length;
    listed = scoring.slice(0, PEOPLE_LIMIT).map((p) => {
      const who = input.personOf(p);
      return {
        employeeId: p.employeeId,
        name: who.name,
        title: who.title,
        department: p.department,
        level: p.level,
        monthsInLevel: p.monthsInLevel,
        score: p.score,
        reasons: p.reasons,
        reasonText: p.reasons.map((reason) => describeReason(reason, p, rc)),
        nextStep: suggestNextStep(p, who.rank, steps),
      };
    });
  }

  const series = input.unitSeries;
  const pooled = (pick: (l: (typeof series.leavers)[number]) => LeaverBucket) => {
    let ics = 0;
    let leavers = 0;
    let smallest = Number.POSITIVE_INFINITY;
    for (const l of series.leavers) {
      const b = pick(l);
      ics += b.ics;
      leavers += b.leavers;
      smallest = Math.min(smallest, b.ics);
    }
    return guardIcs(smallest, { ics, leavers, leaverRate: divideOrNull(leavers, ics) });
  };
  const tooSmall = isGroupHidden(ctx, ctx.icHidden ? 0 : summary.ics);
  return {
    asOf: ctx.ref.asOf,
    scope: input.scope,
    weights: DEFAULT_CEILING_RISK_WEIGHTS,
    highRiskScore: RISK_OPTIONS.highRiskScore,
    historyFrom: input.historyFrom,
    summary: guardIcs(summary.ics, summary),
    heatmap: tooSmall
      ? { departments: [], columns: [], cells: [] }
      : { departments: deptList, columns, cells },
    people: listed,
    peopleTotal,
    unitSteps: tooSmall ? [] : unitSteps,
    leavers: guardIcs(
      summary.ics,
      series.leavers.map((l) => ({
        asOf: l.asOf,
        from: l.from,
        atCeiling: guardIcs(l.leavers.atCeiling.ics, l.leavers.atCeiling),
        notAtCeiling: guardIcs(l.leavers.notAtCeiling.ics, l.leavers.notAtCeiling),
      })),
    ),
    leaversTotal:
      series.leavers.length === 0 || tooSmall
        ? null
        : {
            atCeiling: pooled((l) => l.leavers.atCeiling),
            notAtCeiling: pooled((l) => l.leavers.notAtCeiling),
          },
  };
}
