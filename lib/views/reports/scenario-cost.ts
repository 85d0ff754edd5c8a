/**
 * A scenario's cost in the planning pack and workbook (issue #14 "Cost"): the unit's cost before,
 * after and the difference; the cost that moves (removed people, people who start or stop
 * managing, planned positions); for hr and admin the managers' cost by layer and managerial level
 * and the people behind each change. It lays out what lib/dal/scenario-cost.ts let this reader see:
 * a hidden part arrives as a suppression marker and is said so, never guessed.
 */
import type { ReportBlock, ReportCell, ReportTable, ValueFormat } from '@/lib/export/report-model';
import { COST_LEVELS, type CostGroup, type UnitCost } from '@/lib/metrics/cost';
import type { CostChange, CostSideView, ScenarioCostView } from '@/lib/scenarios';
import { isSuppressed, type Suppressed } from '../context';

const LEVEL_LABELS: Record<(typeof COST_LEVELS)[number], string> = {
  executive: 'Executives',
  managerOfManagers: 'Managers of managers',
  managerOfIcs: 'Managers of ICs',
};

const CHANGE_LABELS: Record<CostChange['change'], string> = {
  removed: 'Removed',
  'became-manager': 'Starts managing',
  'stopped-managing': 'Stops managing',
};

function hiddenNote(cost: ScenarioCostView, min: number): string | null {
  if (cost.hiddenReason === 'partial-coverage')
    return 'Someone in this unit has no cost on record, so money figures are not shown for your role.';
  if (cost.hiddenReason === 'few-people-changed')
    return `One group whose cost moves (removed positions, people who start or stop managing) has fewer than ${min} people with a cost, so the after side and the difference are not shown for your role.`;
  return null;
}

/** after minus before, to 4 decimals (never -0, which would print as "-0.0%"). */
export function diff(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  const d = Math.round((b - a) * 10000) / 10000;
  return d === 0 ? 0 : d;
}

const side = (s: CostSideView | Suppressed) => (isSuppressed(s) ? null : s);
/** A figure, or null where the reader's floor suppresses it. */
const shown = (v: number | Suppressed | null | undefined): number | null =>
  v === null || v === undefined || isSuppressed(v) ? null : v;
const groupCells = (g: CostGroup | Suppressed): ReportCell[] =>
  isSuppressed(g) ? [null, null, null] : [g.people, g.costed, g.cost];

/** The cost blocks of a scenario (none when the result has no cost). */
export function scenarioCostBlocks(
  id: number,
  cost: ScenarioCostView | undefined,
  nameOf: (id: string | null) => string,
  minGroupSize: number,
): ReportBlock[] {
  if (!cost) return [];
  const key = `scenario-${id}-cost`;
  const blocks: ReportBlock[] = [];
  const b = side(cost.before);
  const a = side(cost.after);
  const note = hiddenNote(cost, minGroupSize);
  if (!b) {
    blocks.push({
      kind: 'suppressed',
      text: note ?? `Cost figures for this unit are not shown for your role.`,
    });
    return blocks;
  }
  const change = isSuppressed(cost.difference) ? null : cost.difference;
  const rows: Array<[string, number | null, number | null, number | null, ValueFormat]> = [
    ['Total cost', b.total, a?.total ?? null, change?.total ?? null, 'int'],
    ['Management cost', shown(b.management), shown(a?.management), shown(change?.management), 'int'],
    ['IC cost', shown(b.ic), shown(a?.ic), shown(change?.ic), 'int'],
    ['Management share of cost', b.managementShare, a?.managementShare ?? null, null, 'percent'],
    ['Cost per IC', b.costPerIc, a?.costPerIc ?? null, null, 'int'],
    ['Management cost per IC', b.managementCostPerIc, a?.managementCostPerIc ?? null, null, 'int'],
    ['People with a cost (coverage)', b.coverage, a?.coverage ?? null, null, 'percent'],
  ];
  blocks.push({
    kind: 'table',
    table: {
      id: key,
      title: 'Cost, before and after',
      note:
        note ??
        'Annual cost of the people in the unit; planned positions are priced apart (below). Difference = after minus before; for shares, in percentage points.',
      columns: [
        { key: 'metric', label: 'Metric', format: 'text' },
        { key: 'before', label: 'Before', format: 'int' },
        { key: 'after', label: 'After', format: 'int' },
        { key: 'difference', label: 'Difference', format: 'int' },
      ],
      rows: rows.map(([label, x, y, given, format]) => {
        const d = given ?? (a ? diff(x, y) : null);
        if (format !== 'int') return [label, x, y, d];
        // amounts print in whole units from 1,000 on, the difference as precise as its figures
        const whole = Math.max(Math.abs(x ?? 0), Math.abs(y ?? 0)) >= 1000;
        const money = (v: number | null) => (v === null || !whole ? v : Math.round(v) || 0);
        return [label, money(x), money(y), money(d)];
      }),
      rowFormats: rows.map((r) => r[4]),
    },
  });
  blocks.push({
    kind: 'table',
    table: {
      id: `${key}-moves`,
      title: 'Cost that moves',
      note: `Planned positions: ${cost.planned.positions.length}, of them ${cost.planned.notCosted} not costed (no cost given and no level median to price them).`,
      columns: [
        { key: 'group', label: 'Group', format: 'text' },
        { key: 'people', label: 'People or positions', format: 'int' },
        { key: 'costed', label: 'With a cost', format: 'int' },
        { key: 'cost', label: 'Annual cost', format: 'int' },
      ],
      rows: [
        ['Removed', ...groupCells(cost.removed)],
        ['Start managing', ...groupCells(cost.becameManagers)],
        ['Stop managing', ...groupCells(cost.stoppedManaging)],
        [
          'Planned positions',
          cost.planned.positions.length,
          cost.planned.positions.length - cost.planned.notCosted,
          cost.planned.cost,
        ],
      ],
    },
  });
  if (cost.detail) blocks.push(...detailTables(key, cost.detail));
  if (cost.people && cost.people.length > 0)
    blocks.push({
      kind: 'table',
      table: detailPeople(key, cost.people, nameOf),
    });
  return blocks;
}

function detailTables(key: string, detail: { before: UnitCost; after: UnitCost }): ReportBlock[] {
  const layers = [...new Set([...detail.before.byLayer, ...detail.after.byLayer].map((r) => r.layer))].sort(
    (x, y) => x - y,
  );
  const at = (u: UnitCost, layer: number) => u.byLayer.find((r) => r.layer === layer);
  const columns: ReportTable['columns'] = [
    { key: 'group', label: '', format: 'text' },
    { key: 'peopleBefore', label: 'Managers before', format: 'int' },
    { key: 'costBefore', label: 'Cost before', format: 'int' },
    { key: 'peopleAfter', label: 'Managers after', format: 'int' },
    { key: 'costAfter', label: 'Cost after', format: 'int' },
  ];
  return [
    {
      kind: 'table',
      table: {
        id: `${key}-layers`,
        title: "Managers' cost by layer",
        columns: [
          { ...columns[0], label: 'Layer (1 = top of the unit)' } as ReportTable['columns'][number],
          ...columns.slice(1),
        ],
        rows: layers.map((l) => [
          String(l),
          at(detail.before, l)?.people ?? 0,
          at(detail.before, l)?.cost ?? 0,
          at(detail.after, l)?.people ?? 0,
          at(detail.after, l)?.cost ?? 0,
        ]),
      },
    },
    {
      kind: 'table',
      table: {
        id: `${key}-levels`,
        title: "Managers' cost by managerial level",
        columns: [
          { ...columns[0], label: 'Managerial level' } as ReportTable['columns'][number],
          ...columns.slice(1),
        ],
        rows: COST_LEVELS.map((lv) => [
          LEVEL_LABELS[lv],
          detail.before.byLevel[lv].people,
          detail.before.byLevel[lv].cost,
          detail.after.byLevel[lv].people,
          detail.after.byLevel[lv].cost,
        ]),
      },
    },
  ];
}

function detailPeople(key: string, people: CostChange[], nameOf: (id: string | null) => string): ReportTable {
  return {
    id: `${key}-people`,
    title: 'People whose cost moves (confidential)',
    columns: [
      { key: 'change', label: 'Change', format: 'text' },
      { key: 'person', label: 'Person', format: 'text' },
      { key: 'cost', label: 'Annual cost', format: 'int' },
    ],
    rows: people.map((p) => [CHANGE_LABELS[p.change], nameOf(p.id), p.annualCost]),
    pdfRowLimit: 200,
  };
}
