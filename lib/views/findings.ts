import { findUnitCeilings } from '@/lib/metrics/ceiling-risk';
import { unitManagerSpans } from '@/lib/metrics/span-histogram';
import { partitionShown, type PrivacyContext, type ViewContext } from './context';
import type { Kpi } from './overview';
import type { UnitPoint } from './points';
import type { ScopeNotes } from './scope-notes';
import { visitUnit } from './unit';
import { computeUnitLadderTable } from './unit-metrics';

export interface Finding {
  kind: 'short-ladder' | 'flattening' | 'narrow-spans' | 'wide-spans' | 'parity-gap' | 'scope-change';
  /** higher = more notable; the top three are shown */
  weight: number;
  text: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`;

/**
 * What the findings read of a unit at one snapshot, apart from its series: its per-department
 * ladder rows with the declared ICs at each department's top, and its managers' spans (narrow:
 * 1-3 reports, wide: 17 or more). Computed from the tree, or stored at import with the unit's other
 * Overview facts (lib/views/overview-facts.ts): one definition either way.
 */
export interface FindingFacts {
  departments: Array<{
    department: string;
    people: number;
    shortLadder: boolean | null;
    icCeiling: string | null;
    parityGap: number | null;
    atTop: number;
  }>;
  managers: number;
  narrow: number;
  wide: number;
}

/** The finding facts of a unit from its tree (`ceilings`: findUnitCeilings of the snapshot, when known). */
export function unitFindingFacts(
  snap: ViewContext['snap'],
  unit: Pick<ViewContext['unit'], 'nodes'>,
  ceilings: Uint8Array = findUnitCeilings(snap),
): FindingFacts {
  const atTop = new Map<string, number>();
  visitUnit(snap.tree.size, unit.nodes, (i) => {
    if (ceilings[i] !== 1) return;
    const d = snap.tree.records[i]?.department;
    if (d) atTop.set(d, (atTop.get(d) ?? 0) + (snap.tree.weight[i] ?? 0));
  });
  const departments = computeUnitLadderTable(snap, { nodes: unit.nodes }).departments.map((d) => ({
    department: d.department,
    people: d.people,
    shortLadder: d.shortLadder,
    icCeiling: d.icCeiling,
    parityGap: d.parityGap,
    atTop: atTop.get(d.department) ?? 0,
  }));
  // The managers and spans of the span histogram (one walk, one manager test).
  const { spans } = unitManagerSpans(snap.tree, unit.nodes);
  return {
    departments,
    managers: spans.length,
    narrow: spans.filter((s) => s <= 3).length,
    wide: spans.filter((s) => s >= 17).length,
  };
}

/**
 * The most notable facts about the unit, in plain words: short IC ladders with the people at
 * their top, flattening since the peak, narrow or very wide spans, parity gaps. Departments under
 * the minimum group size are left out for leaders and viewers. A possible change of scope in the
 * series (> 25% move in headcount or managers, not marked "not comparable") always comes first:
 * every other trend finding reads differently once the scope changed.
 */
export function buildFindings(
  ctx: PrivacyContext,
  facts: FindingFacts,
  kpis: Kpi[],
  series: UnitPoint[],
  scope?: ScopeNotes,
): Finding[] {
  const out: Finding[] = [];
  const flagged = scope?.flagged ?? [];
  if (flagged.length > 0) {
    const dates = flagged.map((f) => f.asOf);
    out.push({
      kind: 'scope-change',
      weight: 1000,
      text:
        `Possible change of scope: headcount or managers moved more than 25% at ${dates.join(', ')}. ` +
        'Trends across those dates may compare different organisations; hr can mark a snapshot "not comparable" on the Data page.',
    });
  }
  const all = facts.departments;
  const shown = partitionShown(
    ctx,
    all.map((d) => d.people),
    all.reduce((s, d) => s + d.people, 0),
    all.map((d) => d.department),
  );
  const table = all.filter((_, k) => shown[k]);

  for (const d of table) {
    if (d.shortLadder && d.icCeiling) {
      const n = d.atTop;
      out.push({
        kind: 'short-ladder',
        weight: 50 + n,
        text: `${d.department}'s IC ladder stops at ${d.icCeiling}; ${n.toLocaleString('en')} IC${n === 1 ? '' : 's'} sit at its top.`,
      });
    } else if (d.parityGap !== null && d.parityGap >= 2 && d.icCeiling) {
      out.push({
        kind: 'parity-gap',
        weight: 20 + d.parityGap * 5,
        text: `In ${d.department}, managers climb ${d.parityGap} rungs higher than ICs can (IC ceiling ${d.icCeiling}).`,
      });
    }
  }

  const mm = kpis.find((k) => k.key === 'middleManagers');
  if (mm && mm.value !== null && mm.peak !== null && mm.peak > 0 && mm.value < mm.peak) {
    const drop = (mm.peak - mm.value) / mm.peak;
    const peakAt = series.find((p) => p.structure.middleManagers === mm.peak)?.asOf;
    out.push({
      kind: 'flattening',
      weight: 40 + drop * 400,
      text: `Middle managers are down ${pct(drop)} from their peak of ${mm.peak}${peakAt ? ` (${peakAt})` : ''}: ${mm.value} now.`,
    });
  }

  const { managers, narrow, wide } = facts;
  if (managers > 0 && narrow / managers >= 0.2) {
    out.push({
      kind: 'narrow-spans',
      weight: 30 + (narrow / managers) * 50,
      text: `${pct(narrow / managers)} of managers (${narrow} of ${managers}) have only 1-3 direct reports.`,
    });
  }
  if (wide > 0) {
    out.push({
      kind: 'wide-spans',
      weight: 25 + wide,
      text: `${wide} manager${wide === 1 ? ' has' : 's have'} 17 or more direct reports.`,
    });
  }
  return out.sort((a, b) => b.weight - a.weight).slice(0, 3);
}
