'use client';

import { toolName } from '@/lib/ai-tool-names';
import { formatDay } from '@/lib/dates';
import { costHeading } from '@/lib/cost-format';
import type { AiDashboard } from '@/lib/dal/dashboards/ai';
import { toCsv } from '@/lib/export/csv';
import { isSuppressed } from '@/lib/query/suppressed';
import { downloadText } from '@/app/_components/ui/data-table';
import { formatValue } from '@/app/_components/charts/value-format';
import { SuppressedNote } from '@/app/_components/ui/states';
import styles from './ai.module.css';

/**
 * Seat utilisation from the seat listings in force: assigned, active and idle seats and what the
 * idle ones cost. hr and admin also get the idle seats person by person; others get the counts only.
 */
export function SeatsCard({ d }: { d: AiDashboard }) {
  const seats = d.seats;
  return (
    <section className="card" aria-labelledby="ai-seats-h" data-testid="ai-seats">
      <h2 id="ai-seats-h">Seats</h2>
      <p className="definition">
        A seat is idle when it shows no activity in the 30 days before its listing date. Costs are monthly
        list prices (Copilot Business 19 USD, Enterprise 39 USD); seats without a known price are counted, not
        priced.
      </p>
      {seats === null ? (
        <p className="muted">
          No seat listing has been uploaded (GitHub Copilot billing/seats or Cursor team members).
        </p>
      ) : isSuppressed(seats) ? (
        <SuppressedNote marker={seats} />
      ) : (
        <>
          <p className="muted">
            Listing{seats.listings.length > 1 ? 's' : ''}:{' '}
            {seats.listings.map((l) => `${toolName(l.tool)} as of ${formatDay(l.asOf)}`).join(', ')}
          </p>
          <ul className={styles.stats} aria-label="Seat utilisation">
            <li data-testid="seats-assigned">
              <span className={styles.value}>{seats.utilisation.assigned.toLocaleString('en')}</span>
              <span className={styles.label}>assigned</span>
            </li>
            <li data-testid="seats-active">
              <span className={styles.value}>{seats.utilisation.active.toLocaleString('en')}</span>
              <span className={styles.label}>active (last 30 days)</span>
            </li>
            <li data-testid="seats-idle">
              <span className={styles.value}>{seats.utilisation.idle.toLocaleString('en')}</span>
              <span className={styles.label}>
                idle ({formatValue(seats.utilisation.idleShare, 'percent')})
              </span>
            </li>
            <li data-testid="seats-cost">
              <span className={styles.value}>{formatValue(seats.utilisation.monthlyCostUsd, 'usd')}</span>
              <span className={styles.label}>per month, all seats</span>
            </li>
            <li data-testid="seats-idle-cost">
              <span className={styles.value}>{formatValue(seats.utilisation.idleMonthlyCostUsd, 'usd')}</span>
              <span className={styles.label}>per month on idle seats</span>
            </li>
          </ul>
          {seats.utilisation.unpriced > 0 && (
            <p className="muted">{seats.utilisation.unpriced} seat(s) have no known price.</p>
          )}
          {seats.unmatchedSeats > 0 && (
            <p className={styles.unmatched}>
              {seats.unmatchedSeats} seat(s) belong to nobody in the org chart (counted above for the whole
              organisation only).
            </p>
          )}
        </>
      )}
      {d.idleSeats !== null && d.idleSeats.length > 0 && <IdleSeatList seats={d.idleSeats} />}
    </section>
  );
}

function IdleSeatList({ seats }: { seats: NonNullable<AiDashboard['idleSeats']> }) {
  const header = [
    'Person',
    'Employee ID',
    'Department',
    'Tool',
    'Login or email',
    'Plan',
    'Last activity',
    'Days idle',
    costHeading('Cost', { currency: 'USD', per: 'seat', period: 'month' }),
  ];
  const rows = seats.map((s) => [
    s.name ?? 'not in the org chart',
    s.employeeId,
    s.department,
    s.tool,
    s.githubLogin ?? s.email,
    s.plan,
    s.lastActivityAt ?? 'never',
    s.daysSinceActivity,
    s.monthlyCostUsd,
  ]);
  return (
    <>
      <div className={styles.tableHead}>
        <h3 style={{ margin: 0 }}>Idle seats ({seats.length})</h3>
        <button
          type="button"
          className="secondary"
          onClick={() => downloadText('ai-idle-seats.csv', toCsv(header, rows))}
        >
          Download CSV
        </button>
      </div>
      <p className="muted">Visible to HR and admins only.</p>
      <div className="table-wrap" tabIndex={0} style={{ maxHeight: 360, overflowY: 'auto' }}>
        <table className="data" data-testid="ai-idle-seats">
          <caption className="visually-hidden">Idle seats, most expensive first</caption>
          <thead>
            <tr>
              {header.map((h) => (
                <th
                  key={h}
                  scope="col"
                  className={h.startsWith('Days') || h.startsWith('Cost') ? 'num' : undefined}
                >
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {seats.slice(0, 500).map((s, i) => (
              <tr key={`${s.tool}-${s.githubLogin ?? s.email ?? i}`}>
                <td>{s.name ?? <em>not in the org chart</em>}</td>
                <td>{s.employeeId ?? '—'}</td>
                <td>{s.department ?? '—'}</td>
                <td>{toolName(s.tool)}</td>
                <td>{s.githubLogin ?? s.email ?? '—'}</td>
                <td>{s.plan ?? '—'}</td>
                <td>{s.lastActivityAt ? formatDay(s.lastActivityAt.slice(0, 10)) : 'never'}</td>
                <td className="num">{s.daysSinceActivity ?? '—'}</td>
                <td className="num">{formatValue(s.monthlyCostUsd, 'usd')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
