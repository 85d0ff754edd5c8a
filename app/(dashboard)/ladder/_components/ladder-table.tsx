'use client';

import { useMemo, useState } from 'react';
import type { LadderDashboard } from '@/lib/dal/dashboards/ladder';
import type { LadderGroup } from '@/lib/views/ladder-distribution';
import { isSuppressed } from '@/lib/query/suppressed';
import { hiddenCellText, hiddenText, isFoldable } from '@/lib/privacy/hidden-text';
import { PrivacyFold } from '@/app/_components/ui/privacy-fold';
import { SortableTable, type SortableColumn } from '@/app/_components/ui/sortable-table';
import { departmentLabel, formatShare } from './format';

interface Row {
  department: string;
  /** null when the privacy floor hides the department */
  g: LadderGroup | null;
  /** why it is hidden (lib/privacy/hidden-text.ts), '' when shown */
  hidden: string;
  /** the same in a few characters for the cell ("<5" or "hidden"); the full reason is its title and the CSV's */
  short: string;
}

const metric = (pick: (g: LadderGroup) => string | number | null) => (r: Row) => (r.g ? pick(r.g) : null);

const COLUMNS: SortableColumn<Row>[] = [
  { id: 'department', header: 'Department', value: (r) => r.department },
  {
    id: 'people',
    header: 'People',
    value: metric((g) => g.people),
    numeric: true,
    cell: (r) =>
      r.g ? (
        r.g.people.toLocaleString('en')
      ) : (
        <span className="badge" title={r.hidden}>
          {r.short}
        </span>
      ),
    csv: (r) => (r.g ? r.g.people : r.hidden),
  },
  { id: 'ics', header: 'ICs', value: metric((g) => g.ics), numeric: true },
  { id: 'managers', header: 'Managers', value: metric((g) => g.managers), numeric: true },
  { id: 'depth', header: 'IC ladder depth', value: metric((g) => g.metrics.icLadderDepth), numeric: true },
  { id: 'ceiling', header: 'IC ceiling', value: metric((g) => g.metrics.icCeiling) },
  {
    id: 'short',
    header: 'Short ladder',
    value: metric((g) => (g.metrics.shortLadder === null ? null : g.metrics.shortLadder ? 'Yes' : 'No')),
    cell: (r) =>
      r.g?.metrics.shortLadder ? (
        <span className="badge warn">Yes</span>
      ) : r.g?.metrics.shortLadder === false ? (
        'No'
      ) : (
        '—'
      ),
  },
  { id: 'topManager', header: 'Top manager level', value: metric((g) => g.topManagerLevel) },
  {
    id: 'parity',
    header: 'Parity gap',
    value: metric((g) => g.metrics.parityGap),
    numeric: true,
    cell: (r) => {
      const v = r.g?.metrics.parityGap;
      return v === null || v === undefined ? '—' : `${v > 0 ? '+' : ''}${v}`;
    },
  },
  {
    id: 'senior',
    header: 'Senior IC share',
    value: metric((g) => g.metrics.seniorIcShare),
    numeric: true,
    cell: (r) => formatShare(r.g?.metrics.seniorIcShare),
  },
];

/**
 * The ladder per department, sortable by any column; CSV of the rows in the order shown. Departments
 * the privacy floor hides are listed only on request when others show (about 100 organogram
 * departments read as five pages of "<5" for a viewer); the levels chart's note names them too.
 */
export function LadderTable({ data }: { data: LadderDashboard }) {
  const [withHidden, setWithHidden] = useState(false);
  // memoised: the table (TanStack) must not get a new array on every render
  const all: Row[] = useMemo(
    () =>
      data.departments.map((d) => ({
        department: departmentLabel(d.department),
        g: isSuppressed(d.group) ? null : d.group,
        hidden: isSuppressed(d.group) ? hiddenText(d.group) : '',
        short: isSuppressed(d.group) ? hiddenCellText(d.group) : '',
      })),
    [data.departments],
  );
  const hiddenCount = all.filter((r) => r.g === null).length;
  const rows = useMemo(
    () => (isFoldable(hiddenCount, all.length) && !withHidden ? all.filter((r) => r.g !== null) : all),
    [all, hiddenCount, withHidden],
  );
  return (
    <section className="card" aria-labelledby="ladder-table-h">
      <h2 id="ladder-table-h">Ladder by department</h2>
      <p className="definition">
        IC ladder depth = distinct IC levels held; IC ceiling = highest IC level held; short ladder = ceiling
        at or below the 3rd IC level; parity gap = rank of the highest manager level minus the IC ceiling
        (positive: managers climb higher); senior IC share = ICs at Staff-equivalent or above / all ICs. Sort
        by clicking a column header.
      </p>
      {(rows.length > 0 || all.length === 0) && (
        <SortableTable
          rows={rows}
          columns={COLUMNS}
          caption="Ladder by department"
          rowKey={(r) => r.department}
          initialSort={{ id: 'parity', desc: true }}
          // 25 departments a page: about 100 organogram departments made the Ladder page very long
          pageSize={25}
          csvFilename={`ladder-by-department-${data.asOf}`}
          testId="ladder-table"
        />
      )}
      <PrivacyFold
        hidden={hiddenCount}
        total={all.length}
        shown={withHidden}
        onToggle={() => setWithHidden((v) => !v)}
        noun="department"
        testId="ladder-table-hidden"
      />
    </section>
  );
}
