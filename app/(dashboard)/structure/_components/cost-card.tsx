'use client';

import type { CostCard as CostCardData, CostRow } from '@/lib/views/cost';
import { isSuppressed } from '@/lib/query/suppressed';
import { ChartCard } from '@/app/_components/charts/chart-card';
import { SimpleBarChart } from '@/app/_components/charts/bar-chart';
import { FigureCards } from '@/app/_components/ui/figure-cards';
import { SuppressedNote } from '@/app/_components/ui/states';

const LEVEL_LABEL = {
  executive: 'Executives',
  managerOfManagers: 'Managers of managers',
  managerOfIcs: 'Managers of ICs',
} as const;

const money = (v: number | null) =>
  v === null ? '—' : v.toLocaleString('en', { maximumFractionDigits: v >= 1000 ? 0 : 2 });
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const HIDDEN = 'hidden';

/** A row's cost for a table or CSV: the amount, or "hidden" where the floor suppresses it. */
const cellCost = (r: CostRow) => (isSuppressed(r.cost) ? HIDDEN : r.cost);

/**
 * The Cost card (issue #14): the unit's annual cost, management cost and share, cost per IC and
 * coverage, then managers' cost by layer and by managerial level (chart, table and CSV each).
 * Amounts are in the currency of the imported file.
 */
export function CostSection({
  cost,
  asOf,
  fromUnitTop,
  minGroupSize,
}: {
  cost: CostCardData;
  asOf: string;
  fromUnitTop: boolean;
  minGroupSize: number;
}) {
  const cov = cost.coverage;
  const coverageNote =
    cov.juniorFte > 0
      ? `${cov.costed.toLocaleString('en')} of ${cov.headcount.toLocaleString('en')} people · ${cov.juniorFteCosted.toLocaleString('en')} of ${cov.juniorFte.toLocaleString('en')} junior FTE`
      : `${cov.costed.toLocaleString('en')} of ${cov.headcount.toLocaleString('en')} people have a cost`;
  const m = cost.management;
  const ic = cost.ic;
  const cards = [
    {
      key: 'costTotal',
      label: 'Annual cost',
      value: isSuppressed(cost.total) ? HIDDEN : money(cost.total),
      definition:
        'Sum of the annual cost of everyone in the unit who has one (junior staff: cost per FTE x FTE); vacant posts cost nothing here. In the currency of the imported file.',
    },
    {
      key: 'costManagement',
      label: 'Management cost',
      value: isSuppressed(m) ? HIDDEN : money(m.cost),
      definition: 'Sum of the annual cost of the managers (people with at least one direct report).',
      note: isSuppressed(m) ? undefined : `${pct(m.share)} of the total`,
    },
    {
      key: 'costPerIc',
      label: 'Cost per IC',
      value: isSuppressed(ic) ? HIDDEN : money(ic.costPerIc),
      definition:
        'Annual cost of the whole unit / ICs (individual contributors plus junior staff FTE): what each IC carries, management included.',
      note: isSuppressed(m) ? undefined : `management ${money(m.perIc)} per IC`,
    },
    {
      key: 'costCoverage',
      label: 'Cost coverage',
      value: pct(cov.share),
      definition:
        'People with an annual cost / headcount: how much of the unit the cost figures cover. A partial file gives partial totals.',
      note: coverageNote,
    },
  ];
  const layerRows = isSuppressed(cost.byLayer) ? null : cost.byLayer;
  const levelRows = isSuppressed(cost.byLevel) ? null : cost.byLevel;
  return (
    <section aria-label="Cost" data-testid="cost-card">
      <h2>Cost</h2>
      {cost.hiddenReason === 'partial-coverage' ? (
        <p className="suppressed" role="note" data-testid="cost-partial">
          Not everyone in your scope has an annual cost, so cost totals are hidden: a difference of two totals
          could reveal the cost of a few people.
        </p>
      ) : (
        isSuppressed(cost.total) && <SuppressedNote minGroupSize={minGroupSize} />
      )}
      <FigureCards label="Cost figures" cards={cards} />
      {(layerRows || levelRows) && (
        <div className="two-col">
          {layerRows && (
            <ChartCard
              title="Management cost by layer"
              definition={`Annual cost of the managers in each layer (${fromUnitTop ? 'layer 1 = the top of this subtree' : 'root = layer 1'}). Rows of fewer than ${minGroupSize} managers are hidden for leaders and viewers.`}
              rows={layerRows}
              filename={`management-cost-by-layer-${asOf}`}
              columns={[
                { key: 'layer', label: 'Layer', value: (r) => r.layer, numeric: true },
                { key: 'managers', label: 'Managers', value: (r) => r.managers, numeric: true },
                { key: 'costed', label: 'Managers with a cost', value: (r) => r.costed, numeric: true },
                { key: 'cost', label: 'Annual cost', value: cellCost, numeric: true },
              ]}
            >
              <SimpleBarChart
                data={layerRows.map((r) => ({
                  layer: `Layer ${r.layer}`,
                  cost: isSuppressed(r.cost) ? 0 : r.cost,
                }))}
                x="layer"
                series={[{ key: 'cost', label: 'Management cost' }]}
                xLabel="Layer"
              />
            </ChartCard>
          )}
          {levelRows && (
            <ChartCard
              title="Management cost by managerial level"
              definition={`Annual cost of executives (managers in the top layers), managers of managers and managers of ICs. Rows of fewer than ${minGroupSize} managers are hidden for leaders and viewers.`}
              rows={levelRows}
              filename={`management-cost-by-level-${asOf}`}
              columns={[
                { key: 'level', label: 'Managerial level', value: (r) => LEVEL_LABEL[r.level] },
                { key: 'managers', label: 'Managers', value: (r) => r.managers, numeric: true },
                { key: 'costed', label: 'Managers with a cost', value: (r) => r.costed, numeric: true },
                { key: 'cost', label: 'Annual cost', value: cellCost, numeric: true },
              ]}
            >
              <SimpleBarChart
                data={levelRows.map((r) => ({
                  level: LEVEL_LABEL[r.level],
                  cost: isSuppressed(r.cost) ? 0 : r.cost,
                }))}
                x="level"
                series={[{ key: 'cost', label: 'Management cost' }]}
                xLabel="Managerial level"
              />
            </ChartCard>
          )}
        </div>
      )}
    </section>
  );
}
