import { formatDaysIn } from '@/lib/dates';
import { useId, useMemo, useState } from 'react';
import type { CeilingRiskDashboard, RiskPerson } from '@/lib/dal/dashboards/ceiling-risk';
import { SortableTable, type SortableColumn } from '@/app/_components/ui/sortable-table';
import { departmentLabel, formatMonths } from '../../ladder/_components/format';
import { isSuppressed } from '@/lib/query/suppressed';
import styles from './ceiling-risk.module.css';

const reasonList = (p: RiskPerson) => (
  <>
    <ul className={styles.reasons}>
      {p.reasonText.map((t) => (
        <li key={t} suppressHydrationWarning>
          {formatDaysIn(t)}
        </li>
      ))}
    </ul>
    <p className={styles.nextStep}>{p.nextStep}</p>
  </>
);

// On a phone the department, level, months and reasons move under the name, so a row reads top
// to bottom without scrolling sideways; the CSV always has every column.
const COLUMNS: SortableColumn<RiskPerson>[] = [
  { id: 'employeeId', header: 'Employee ID', value: (p) => p.employeeId, hidden: true },
  {
    id: 'name',
    header: 'Name',
    value: (p) => p.name ?? p.employeeId,
    cell: (p) => (
      <div className={styles.person}>
        <span className={styles.personName}>{p.name ?? p.employeeId}</span>
        <span className={styles.personMeta}>
          {p.employeeId}
          {p.title ? ` · ${p.title}` : ''}
        </span>
        <div className={styles.narrowOnly}>
          <span className={styles.personMeta}>
            {departmentLabel(p.department)} · {p.level ?? 'Unlevelled'} · {formatMonths(p.monthsInLevel)}{' '}
            months in level
          </span>
          {reasonList(p)}
        </div>
      </div>
    ),
    csv: (p) => p.name,
  },
  { id: 'title', header: 'Title', value: (p) => p.title, hidden: true },
  {
    id: 'department',
    header: 'Department',
    value: (p) => departmentLabel(p.department),
    className: styles.wideOnly,
  },
  { id: 'level', header: 'Level', value: (p) => p.level, className: styles.wideOnly },
  {
    id: 'months',
    header: 'Months in level',
    value: (p) => p.monthsInLevel,
    numeric: true,
    cell: (p) => formatMonths(p.monthsInLevel),
    className: styles.wideOnly,
  },
  {
    id: 'score',
    header: 'Risk score',
    value: (p) => p.score,
    numeric: true,
    cell: (p) => (
      <span className={`badge ${p.score >= 60 ? 'danger' : p.score >= 40 ? 'warn' : ''}`}>
        {p.score.toFixed(1)}
      </span>
    ),
  },
  {
    id: 'reasons',
    header: 'Why',
    value: (p) => p.reasonText.map((t) => formatDaysIn(t)).join(' '),
    sortable: false,
    csv: (p) => p.reasonText.join(' | '),
    cell: reasonList,
    className: styles.wideOnly,
  },
  {
    id: 'nextStep',
    header: 'Suggested next step',
    value: (p) => p.nextStep,
    hidden: true,
  },
];

const THRESHOLDS = [
  { min: 60, label: '60 or more (high risk)' },
  { min: 50, label: '50 or more' },
  { min: 30, label: '30 or more' },
  { min: 0.1, label: 'any score above 0' },
];

/**
 * The named ICs with their score and reasons: only present in the API answer for hr/admin and for
 * leaders inside their scope. Viewers get null and this card says why.
 */
export function RiskPeopleCard({ data }: { data: CeilingRiskDashboard }) {
  const [min, setMin] = useState(60);
  const selectId = useId();
  const people = data.people;
  const shown = useMemo(() => (people ?? []).filter((p) => p.score >= min), [people, min]);
  const total = data.peopleTotal ?? 0;
  const ics = isSuppressed(data.summary) ? total : data.summary.ics;
  return (
    <section className="card" aria-labelledby="risk-people-h" data-testid="risk-people">
      <h2 id="risk-people-h">ICs at risk</h2>
      {people === null ? (
        <p className={styles.note} role="note" data-testid="people-hidden">
          Named people are not shown to your role: viewers see aggregated figures only. HR, admins and leaders
          (inside their own scope) see who is at risk and why.
        </p>
      ) : (
        <>
          <div className={styles.filterRow}>
            <div className="field">
              <label htmlFor={selectId}>Show ICs scoring</label>
              <select id={selectId} value={min} onChange={(e) => setMin(Number(e.target.value))}>
                {THRESHOLDS.map((t) => (
                  <option key={t.min} value={t.min}>
                    {t.label}
                  </option>
                ))}
              </select>
            </div>
            <p className="muted" aria-live="polite" data-testid="people-count">
              {shown.length.toLocaleString('en')} of {ics.toLocaleString('en')} declared ICs score {min} or
              more; {total.toLocaleString('en')} score above 0 and {(ics - total).toLocaleString('en')} score
              0
              {data.peopleTotal !== null && data.peopleTotal > people.length
                ? ` (the list holds the ${people.length.toLocaleString('en')} highest)`
                : ''}
              .
            </p>
          </div>
          {shown.length === 0 ? (
            <p className="muted">Nobody in this unit scores {min} or more.</p>
          ) : (
            <SortableTable
              rows={shown}
              columns={COLUMNS}
              caption="ICs at risk, with score and reasons"
              rowKey={(p) => p.employeeId}
              initialSort={{ id: 'score', desc: true }}
              pageSize={25}
              csvFilename={`ceiling-risk-people-${data.asOf}`}
              testId="risk-people-table"
            />
          )}
        </>
      )}
    </section>
  );
}
