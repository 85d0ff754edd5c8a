'use client';

import { formatFte } from '@/lib/fte-format';
import type { CostCard as CostCardData, CostRow } from '@/lib/views/cost';
import { isSuppressed, type SuppressedMarker } from '@/lib/query/suppressed';
import { groupByHiddenText, hiddenRule, hiddenText } from '@/lib/privacy/hidden-text';
import { ChartCard } from '@/app/_components/charts/chart-card';
import { SimpleBarChart } from '@/app/_components/charts/bar-chart';
import { FigureCards } from '@/app/_components/ui/figure-cards';
import { SuppressedNote } from '@/app/_components/ui/states';
import {
  costHeading,
  exactAmount,
  formatAmount,
  formatCost,
  unitPhrase,
  type CostUnit,
} from '@/lib/cost-format';

/** Short level names for the chart's axis, legible at phone width (the table keeps the full ones). */
const LEVEL_SHORT = {
  executive: 'Exec',
  managerOfManagers: 'M of M',
  managerOfIcs: 'M of IC',
} as const;

const LEVEL_LABEL = {
  executive: 'Executives',
  managerOfManagers: 'Managers of managers',
  managerOfIcs: 'Managers of ICs',
} as const;
const LEVEL_LOWER = {
  executive: 'executives',
  managerOfManagers: 'managers of managers',
  managerOfIcs: 'managers of ICs',
} as const;

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const HIDDEN = 'hidden';
/** Amounts of the imported file: in its currency, a year (lib/cost-format.ts). */
const YEAR: CostUnit = { currency: null, period: 'year' };
const PER_IC: CostUnit = { currency: null, per: 'IC', period: 'year' };
/** Compact amounts for chart axes, from a thousand up: 2.5M, 640K. */
const compact = (v: number) => v.toLocaleString('en', { notation: 'compact', maximumFractionDigits: 1 });
/** A figure card's value: compact from a million up (47.6M), so it fits a phone-width card. */
const headline = (v: number) => formatAmount(v, null, { compact: true });
const ANNUAL = costHeading('Cost', YEAR);

/** The note under a breakdown chart naming the rows the floor hides (not drawn), each with why. */
function notDrawnNote(rows: Array<{ label: string; cost: CostRow['cost'] }>) {
  const why = groupByHiddenText(
    rows.flatMap((r) => (isSuppressed(r.cost) ? [{ label: r.label, marker: r.cost }] : [])),
    'managers',
  );
  if (why.length === 0) return undefined;
  return (
    <p className="muted">
      Not drawn: {why.map(([text, labels]) => `${labels.join(', ')} (${text})`).join('; ')}.
    </p>
  );
}

/** A row's cost for a table or CSV: the amount, or why the floor hides it. */
const cellCost = (r: CostRow) => (isSuppressed(r.cost) ? hiddenText(r.cost, 'managers') : r.cost);
/** The same on screen, as every amount reads (lib/cost-format.ts). */
const costCell = (r: CostRow) =>
  isSuppressed(r.cost) ? hiddenText(r.cost, 'managers') : formatAmount(r.cost, null);
/** A hidden figure card's note: why it is hidden. */
const hiddenCardNote = (v: SuppressedMarker, noun: 'people' | 'managers' | 'ICs') => hiddenText(v, noun);

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
  const cov = isSuppressed(cost.coverage) ? null : cost.coverage;
  const coverageNote =
    cov === null
      ? undefined
      : cov.juniorFte > 0
        ? `${cov.costed.toLocaleString('en')} of ${cov.headcount.toLocaleString('en')} people · ${formatFte(cov.juniorFteCosted)} of ${formatFte(cov.juniorFte)} junior FTE`
        : `${cov.costed.toLocaleString('en')} of ${cov.headcount.toLocaleString('en')} people have a cost`;
  const m = cost.management;
  const ic = cost.ic;
  const cards = [
    {
      key: 'costTotal',
      label: 'Annual cost',
      value: isSuppressed(cost.total) ? HIDDEN : headline(cost.total),
      unit: isSuppressed(cost.total) ? undefined : unitPhrase(YEAR),
      note: isSuppressed(cost.total) ? hiddenCardNote(cost.total, 'people') : exactAmount(cost.total, null),
      definition:
        'Sum of the annual cost of everyone in the unit who has one (junior staff: cost per FTE x FTE); vacant posts cost nothing here. In the currency of the imported file.',
    },
    {
      key: 'costManagement',
      label: 'Management cost',
      value: isSuppressed(m) ? HIDDEN : headline(m.cost),
      unit: isSuppressed(m) ? undefined : unitPhrase(YEAR),
      definition: 'Sum of the annual cost of the managers (people with at least one direct report).',
      note: isSuppressed(m) ? hiddenCardNote(m, 'managers') : `${pct(m.share)} of the total`,
    },
    {
      key: 'costPerIc',
      label: 'Cost per IC',
      value: isSuppressed(ic) ? HIDDEN : ic.costPerIc === null ? '—' : headline(ic.costPerIc),
      unit: isSuppressed(ic) || ic.costPerIc === null ? undefined : unitPhrase(PER_IC),
      definition:
        'Annual cost of the whole unit / ICs (individual contributors plus junior staff FTE): what each IC carries, management included.',
      note: isSuppressed(ic)
        ? hiddenCardNote(ic, 'ICs')
        : isSuppressed(m)
          ? undefined
          : `management ${formatCost(m.perIc, PER_IC)}`,
    },
    {
      key: 'costCoverage',
      label: 'Cost coverage',
      value: cov === null ? HIDDEN : pct(cov.share),
      definition:
        'People with an annual cost / headcount: how much of the unit the cost figures cover. A partial file gives partial totals.',
      note: coverageNote,
    },
  ];
  const layerRows = isSuppressed(cost.byLayer) ? null : cost.byLayer;
  const levelRows = isSuppressed(cost.byLevel) ? null : cost.byLevel;
  return (
    <section aria-label="Cost" data-testid="cost-card">
      <h2 style={{ margin: '1.25rem 0 0.5rem' }}>Cost</h2>
      {cost.hiddenReason === 'partial-coverage' ? (
        <p className="suppressed" role="note" data-testid="cost-partial">
          Not everyone in your scope has an annual cost, so cost totals are hidden: a difference of two totals
          could reveal the cost of a few people.
        </p>
      ) : (
        isSuppressed(cost.total) && <SuppressedNote marker={cost.total} />
      )}
      <FigureCards label="Cost figures" cards={cards} />
      {(layerRows || levelRows) && (
        <div className="two-col">
          {layerRows && (
            <ChartCard
              title="Management cost by layer"
              definition={`Annual cost of the managers in each layer (${fromUnitTop ? 'layer 1 = the top of this subtree' : 'root = layer 1'}). ${hiddenRule(minGroupSize, 'managers', 'rows')} for leaders and viewers.`}
              rows={layerRows}
              filename={`management-cost-by-layer-${asOf}`}
              footer={notDrawnNote(layerRows.map((r) => ({ label: `layer ${r.layer}`, cost: r.cost })))}
              columns={[
                { key: 'layer', label: 'Layer', value: (r) => r.layer, numeric: true },
                { key: 'managers', label: 'Managers', value: (r) => r.managers, numeric: true },
                { key: 'costed', label: 'Managers with a cost', value: (r) => r.costed, numeric: true },
                { key: 'cost', label: ANNUAL, value: cellCost, display: costCell, numeric: true },
              ]}
            >
              <SimpleBarChart
                data={layerRows.flatMap((r) =>
                  isSuppressed(r.cost) ? [] : [{ layer: `Layer ${r.layer}`, cost: r.cost }],
                )}
                x="layer"
                series={[{ key: 'cost', label: 'Management cost a year' }]}
                xLabel="Layer"
                valueFormat={compact}
              />
            </ChartCard>
          )}
          {levelRows && (
            <ChartCard
              title="Management cost by managerial level"
              definition={`Annual cost of executives (Exec: managers in the top layers), managers of managers (M of M) and managers of ICs (M of IC). ${hiddenRule(minGroupSize, 'managers', 'rows')} for leaders and viewers.`}
              rows={levelRows}
              filename={`management-cost-by-level-${asOf}`}
              footer={notDrawnNote(levelRows.map((r) => ({ label: LEVEL_LOWER[r.level], cost: r.cost })))}
              columns={[
                { key: 'level', label: 'Managerial level', value: (r) => LEVEL_LABEL[r.level] },
                { key: 'managers', label: 'Managers', value: (r) => r.managers, numeric: true },
                { key: 'costed', label: 'Managers with a cost', value: (r) => r.costed, numeric: true },
                { key: 'cost', label: ANNUAL, value: cellCost, display: costCell, numeric: true },
              ]}
            >
              <SimpleBarChart
                data={levelRows.flatMap((r) =>
                  isSuppressed(r.cost) ? [] : [{ level: LEVEL_SHORT[r.level], cost: r.cost }],
                )}
                x="level"
                everyTick
                series={[{ key: 'cost', label: 'Management cost a year' }]}
                xLabel="Managerial level"
                valueFormat={compact}
              />
            </ChartCard>
          )}
        </div>
      )}
    </section>
  );
}
