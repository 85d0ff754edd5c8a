/**
 * The scenario editor's tables from its result (issue #14 "Before and after"): every structure,
 * ladder and ceiling-risk figure of the unit before and after with the difference, and the people
 * affected in plain words. Pure: plain data in, rows out (the page renders, the CSV downloads them).
 */
import { SPAN_BANDS } from '@/lib/metrics/spans';
import type { ScenarioChanges } from '@/lib/scenarios/changes';
import type { MetricsDocument } from './metrics-document';
import { isSuppressed, type Suppressed } from './context';

export type FigureValue = number | string | boolean | null;

export interface FigureRow {
  group: string;
  figure: string;
  before: FigureValue;
  after: FigureValue;
  /** after minus before, when both are numbers */
  difference: number | null;
  /** how the numbers read: counts, decimals (spans, ratios such as ICs per manager) or a share in % */
  format: 'int' | 'decimal' | 'percent';
}

/** The ceiling-risk summary as the result carries it (lib/views/ceiling-risk.ts RiskGroup). */
export interface RiskSummary {
  ics: number;
  meanScore: number | null;
  atCeiling: number;
  shareAtCeiling: number | null;
  highRisk: number;
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

type Format = FigureRow['format'];

function row(
  group: string,
  figure: string,
  before: FigureValue,
  after: FigureValue,
  format: Format,
): FigureRow {
  const difference = typeof before === 'number' && typeof after === 'number' ? round(after - before) : null;
  return { group, figure, before, after, difference, format };
}

/** Every figure of the two documents, in the SPEC document's order, then the ceiling-risk summary. */
export function beforeAfterRows(
  before: MetricsDocument,
  after: MetricsDocument,
  risk?: { before: RiskSummary | Suppressed; after: RiskSummary | Suppressed },
): FigureRow[] {
  const rows: FigureRow[] = [];
  const s = 'Structure';
  const add = (
    group: string,
    figure: string,
    pick: (d: MetricsDocument) => FigureValue | undefined,
    format: Format = 'int',
  ) => rows.push(row(group, figure, pick(before) ?? null, pick(after) ?? null, format));
  add(s, 'Headcount', (d) => d.headcount);
  if (before.fte !== undefined || after.fte !== undefined) {
    // one decimal, as FTE reads everywhere else (lib/fte-format.ts): 'decimal' printed 303.46 beside
    // the Structure page's 303.5
    add(s, 'FTE (people and junior staff)', (d) => d.fte, 'int');
    add(s, 'Junior staff FTE', (d) => d.juniorFte, 'int');
  }
  add(s, 'Managers', (d) => d.managers);
  add(s, 'Individual contributors', (d) => d.ics);
  add(s, 'Open positions', (d) => d.openPositions);
  add(s, 'Depth (layers)', (d) => d.depth);
  add(s, 'Management layers', (d) => d.managementLayers);
  add(s, 'Manager ratio', (d) => d.managerRatio, 'percent');
  add(s, 'ICs per manager', (d) => d.icsPerManager, 'decimal');
  add(s, 'Middle managers', (d) => d.middleManagers);
  add(s, 'Roots', (d) => d.roots);
  add(s, 'Orphans', (d) => d.orphans);
  const sp = 'Span of control';
  add(sp, 'Mean span', (d) => d.span.mean, 'decimal');
  add(sp, 'Median span', (d) => d.span.median, 'decimal');
  add(sp, 'Span p10', (d) => d.span.p10, 'decimal');
  add(sp, 'Span p90', (d) => d.span.p90, 'decimal');
  for (const b of SPAN_BANDS) add(sp, `Managers with span ${b}`, (d) => d.span.bands[b]);
  const ml = 'Managerial levels';
  add(ml, 'Executives', (d) => d.managerialLevels.executive);
  add(ml, 'Managers of managers', (d) => d.managerialLevels.managerOfManagers);
  add(ml, 'Managers of ICs', (d) => d.managerialLevels.managerOfIcs);
  add(ml, 'Individual contributors', (d) => d.managerialLevels.ic);
  const layers = Math.max(before.pyramid.length, after.pyramid.length);
  for (let k = 0; k < layers; k++) {
    const layer = before.pyramid[k]?.layer ?? after.pyramid[k]?.layer ?? k + 1;
    const at = (d: MetricsDocument) => d.pyramid.find((p) => p.layer === layer);
    const g = `Layer ${layer}`;
    add(g, 'Headcount', (d) => at(d)?.headcount ?? 0);
    add(g, 'Managers', (d) => at(d)?.managers ?? 0);
    add(g, 'Individual contributors', (d) => at(d)?.ics ?? 0);
  }
  const departments = [
    ...new Set([...before.ladder.departments, ...after.ladder.departments].map((d) => d.department)),
  ].sort((a, b) => a.localeCompare(b));
  for (const name of departments) {
    const of = (d: MetricsDocument) => d.ladder.departments.find((r) => r.department === name);
    const g = `Ladder: ${name}`;
    add(g, 'IC ladder depth', (d) => of(d)?.icLadderDepth);
    add(g, 'IC ceiling', (d) => of(d)?.icCeiling);
    add(g, 'Short ladder', (d) => of(d)?.shortLadder);
    add(g, 'Parity gap', (d) => of(d)?.parityGap);
    add(g, 'Senior IC share', (d) => of(d)?.seniorIcShare, 'percent');
  }
  if (risk) {
    const g = 'IC-ceiling risk';
    const pick = (v: RiskSummary | Suppressed, f: (r: RiskSummary) => number | null): FigureValue =>
      isSuppressed(v) ? 'hidden' : f(v);
    const riskRow = (figure: string, f: (r: RiskSummary) => number | null, format: Format = 'int') =>
      rows.push(row(g, figure, pick(risk.before, f), pick(risk.after, f), format));
    riskRow('Declared ICs scored', (r) => r.ics);
    riskRow('Mean risk score', (r) => r.meanScore, 'decimal');
    riskRow('ICs at their unit ceiling', (r) => r.atCeiling);
    riskRow('Share at the unit ceiling', (r) => r.shareAtCeiling, 'percent');
    riskRow('High-risk ICs', (r) => r.highRisk);
  }
  return rows;
}

/** Rows of one group, in the order given. */
export interface FigureGroup {
  group: string;
  rows: FigureRow[];
}

/** Consecutive rows of one group together (the rows come grouped from beforeAfterRows). */
export function groupFigureRows(rows: readonly FigureRow[]): FigureGroup[] {
  const groups: FigureGroup[] = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    if (last && last.group === r.group) last.rows.push(r);
    else groups.push({ group: r.group, rows: [r] });
  }
  return groups;
}

const LADDER_GROUP = 'Ladder: ';

/**
 * The groups a reader needs first, and the departments' ladder groups the scenario leaves exactly
 * as they were (on a real organogram about 100 departments of five rows each, which buried the
 * figures that change). A department whose ladder changes in any figure stays with the first.
 */
export function splitUnchangedLadders(groups: readonly FigureGroup[]): {
  shown: FigureGroup[];
  unchanged: FigureGroup[];
} {
  const shown: FigureGroup[] = [];
  const unchanged: FigureGroup[] = [];
  for (const g of groups) {
    const same = g.group.startsWith(LADDER_GROUP) && g.rows.every((r) => r.before === r.after);
    (same ? unchanged : shown).push(g);
  }
  return { shown, unchanged };
}

export type AffectedKind = 'moved' | 'removed' | 'added' | 'promoted' | 'level';

export interface AffectedRow {
  id: string;
  name: string | null;
  kind: AffectedKind;
  /** plain words: "Ben Lead (B) -> Cy Head (C)", "IC2 -> IC3" */
  from: string;
  to: string;
  /** 1-based number of the operation that made the change last */
  op: number;
}

/** How the people affected are named: "Ada Root (A)", or the id alone. */
export type PersonName = (id: string | null) => string;

export const AFFECTED_LABELS: Record<AffectedKind, string> = {
  moved: 'New manager',
  removed: 'Position removed',
  added: 'Position added',
  promoted: 'Promoted',
  level: 'Level or track changed',
};

/**
 * The people a scenario affects: moved (old and new manager), removed, added, promoted (`promoted`:
 * a higher rank on the ladder after than before) or otherwise changed level or track; by operation,
 * the position it removed or added first, then the people it moved.
 */
export function affectedPeople(
  changes: ScenarioChanges,
  nameOf: (id: string) => string | null,
  promoted: ReadonlySet<string> = new Set(),
): AffectedRow[] {
  const who: PersonName = (id) => {
    if (id === null) return 'nobody (a root)';
    const n = nameOf(id);
    return n ? `${n} (${id})` : id;
  };
  const rows: AffectedRow[] = [];
  for (const m of changes.moved)
    rows.push({
      id: m.id,
      name: nameOf(m.id),
      kind: 'moved',
      from: who(m.from),
      to: who(m.to),
      op: m.op + 1,
    });
  for (const r of changes.removed)
    rows.push({
      id: r.id,
      name: nameOf(r.id),
      kind: 'removed',
      from: `reported to ${who(r.manager)}`,
      to: '—',
      op: r.op + 1,
    });
  for (const a of changes.added)
    rows.push({
      id: a.id,
      name: null,
      kind: 'added',
      from: '—',
      to: `vacant${a.level ? ` ${a.level}` : ''} under ${who(a.manager)}`,
      op: a.op + 1,
    });
  for (const l of changes.levels) {
    const lvl = (level: string | null, track: string | null) =>
      `${level ?? 'unlevelled'}${track ? ` (${track})` : ''}`;
    rows.push({
      id: l.id,
      name: nameOf(l.id),
      kind: promoted.has(l.id) ? 'promoted' : 'level',
      from: lvl(l.fromLevel, l.fromTrack),
      to: lvl(l.toLevel, l.toTrack),
      op: l.op + 1,
    });
  }
  const order: Record<AffectedKind, number> = { removed: 0, added: 1, promoted: 2, level: 3, moved: 4 };
  return rows.sort((a, b) => a.op - b.op || order[a.kind] - order[b.kind] || a.id.localeCompare(b.id));
}
