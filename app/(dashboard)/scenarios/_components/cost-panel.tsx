'use client';

import { hiddenCellText, hiddenText } from '@/lib/privacy/hidden-text';
import { useId } from 'react';
import { downloadRowsCsv, type Column } from '@/app/_components/ui/data-table';
import { TableCard, type TableColumn } from '@/app/_components/ui/table-card';
import { isSuppressed } from '@/lib/query/suppressed';
import {
  costFigureRows,
  costGroupRows,
  costHiddenText,
  costPeopleRows,
  type CostFigureRow,
  type CostGroupRow,
  type CostPersonRow,
  type CostValue,
} from '@/lib/views/scenario-cost-rows';
import { costHeading, formatAmount, unitPhrase, type CostUnit } from '@/lib/cost-format';
import { BeforeAfterTable } from './result-panels';
import styles from './scenarios.module.css';
import type { ScenarioView } from './types';

/** Scenario amounts: the imported file's currency, a year (lib/cost-format.ts). */
const YEAR: CostUnit = { currency: null, period: 'year' };
const PER_IC: CostUnit = { currency: null, per: 'IC', period: 'year' };
/** The unit each money row of the before/after table is in, said under its name. */
const ROW_UNIT: Record<string, CostUnit> = {
  'Cost per IC': PER_IC,
  'Management cost per IC': PER_IC,
};
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** A cost cell: the amount, a dash when there is none, or why it is hidden (never 0). */
function cell(v: CostValue, unit: 'money' | 'share' = 'money', sign = false, scale?: number): string {
  if (v === null) return '—';
  // short in the cell: the note above the table says why (18 cells read the whole sentence)
  if (isSuppressed(v)) return hiddenCellText(v);
  if (unit === 'money') return formatAmount(v, null, { scale, signed: sign });
  // a difference of two shares is in percentage points
  const text = sign ? `${(Math.abs(v) * 100).toFixed(1)} pts` : pct(Math.abs(v));
  if (!sign) return v < 0 ? `−${text}` : text;
  if (v === 0 || /^0\.0/.test(text)) return '0';
  return v > 0 ? `+${text}` : `−${text}`;
}

/** The CSV keeps raw numbers; a hidden value is written as its reason. */
const csv = (v: CostValue) => (v === null ? null : isSuppressed(v) ? `suppressed: ${hiddenText(v)}` : v);

const FIGURE_COLUMNS: Column<CostFigureRow>[] = [
  { key: 'figure', label: 'Figure', value: (r) => r.figure },
  { key: 'before', label: 'Before', value: (r) => csv(r.before) },
  { key: 'after', label: 'After', value: (r) => csv(r.after) },
  { key: 'difference', label: 'Difference', value: (r) => csv(r.difference) },
];

const GROUP_COLUMNS: TableColumn<CostGroupRow>[] = [
  { key: 'group', label: 'Change', value: (r) => r.group },
  {
    key: 'people',
    label: 'People',
    value: (r) => csv(r.people),
    display: (r) => cell(r.people),
    numeric: true,
  },
  {
    key: 'costed',
    label: 'With a cost',
    value: (r) => csv(r.costed),
    display: (r) => cell(r.costed),
    numeric: true,
  },
  {
    key: 'cost',
    label: costHeading('Cost', YEAR),
    value: (r) => csv(r.cost),
    display: (r) => cell(r.cost),
    numeric: true,
  },
  { key: 'effect', label: 'Effect', value: (r) => r.effect },
];

const PEOPLE_COLUMNS: TableColumn<CostPersonRow>[] = [
  { key: 'who', label: 'Person or position', value: (r) => (r.name ? `${r.name} (${r.id})` : r.id) },
  {
    key: 'cost',
    label: costHeading('Cost', YEAR),
    value: (r) => r.annualCost,
    display: (r) => cell(r.annualCost),
    numeric: true,
  },
  { key: 'change', label: 'Change', value: (r) => r.change },
  { key: 'priced', label: 'Priced by', value: (r) => r.pricedBy },
];

/**
 * Section "Cost" of the scenario editor: total, management and IC cost, the management share and
 * the per-IC figures before and after with the difference; the groups whose cost moves; for hr and
 * admin the people behind each change and how each planned position was priced.
 */
export function CostPanel({ view }: { view: ScenarioView }) {
  const id = useId();
  const c = view.cost;
  const file = `scenario-${view.scenario.id}-cost`;
  if (!c)
    return (
      <section className="card" aria-labelledby={`${id}-h`} data-testid="scenario-cost">
        <h2 id={`${id}-h`}>Cost</h2>
        <p className="muted" data-testid="cost-none">
          This snapshot has no costs. To see the scenario&apos;s cost, import the snapshot again with a cost
          column per person: Salary, Annual Cost or Total Compensation.
        </p>
      </section>
    );
  const rows = costFigureRows(c);
  const hidden = costHiddenText(c);
  const people = costPeopleRows(c);
  return (
    <>
      <section className="card" aria-labelledby={`${id}-h`} data-testid="scenario-cost">
        <div className="chart-head">
          <h2 id={`${id}-h`}>Cost</h2>
          <button
            type="button"
            className="secondary"
            onClick={() => downloadRowsCsv(file, FIGURE_COLUMNS, rows)}
          >
            Download CSV
          </button>
        </div>
        <p className="definition">
          Amounts a year, in the currency of the imported file. Removed positions save their cost; someone who
          starts or stops managing moves theirs between management and IC cost; planned positions add theirs.
        </p>
        {hidden && (
          <p className="suppressed" role="note" data-testid="cost-hidden">
            {hidden}
          </p>
        )}
        <BeforeAfterTable caption="Cost before and after" last="Difference">
          <tbody>
            {rows.map((r) => (
              <tr key={r.figure} data-cost={r.figure}>
                <th scope="row" className={styles.rowHead}>
                  {r.figure}
                  {r.unit === 'money' && (
                    <span className={styles.rowUnit} data-testid="cost-row-unit">
                      {unitPhrase(ROW_UNIT[r.figure] ?? YEAR)}
                    </span>
                  )}
                </th>
                <td className="num" data-value={typeof r.before === 'number' ? r.before : undefined}>
                  {cell(r.before, r.unit)}
                </td>
                <td className="num" data-value={typeof r.after === 'number' ? r.after : undefined}>
                  {cell(r.after, r.unit)}
                </td>
                <td className="num" data-value={typeof r.difference === 'number' ? r.difference : undefined}>
                  {cell(
                    r.difference,
                    r.unit,
                    true,
                    Math.max(...[r.before, r.after].map((x) => (typeof x === 'number' ? Math.abs(x) : 0))),
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </BeforeAfterTable>
      </section>
      <TableCard
        title="What moves the cost"
        rows={costGroupRows(c)}
        columns={GROUP_COLUMNS}
        filename={`${file}-changes`}
        testId="cost-groups"
      />
      {people.length > 0 && (
        <TableCard
          title={c.people ? 'Cost: people and planned positions' : 'Cost: planned positions'}
          rows={people}
          columns={PEOPLE_COLUMNS}
          filename={`${file}-people`}
          pageSize={10}
          testId="cost-people"
        />
      )}
    </>
  );
}
