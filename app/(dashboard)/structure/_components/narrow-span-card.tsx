'use client';

import { personName } from '@/lib/person-name';
import { hiddenText } from '@/lib/privacy/hidden-text';
import { useId, useState } from 'react';
import type { NarrowSpanManager, StructureDashboard } from '@/lib/dal/dashboards/structure';
import { toCsv } from '@/lib/export/csv';
import { isSuppressed } from '@/lib/query/suppressed';
import { downloadText } from '@/app/_components/ui/data-table';
import { SuppressedNote } from '@/app/_components/ui/states';
import styles from './structure.module.css';

const LEVEL: Record<NarrowSpanManager['level'], string> = {
  executive: 'Executive',
  managerOfManagers: 'Manager of managers',
  managerOfIcs: 'Manager of ICs',
};
const FIRST = 25;

/**
 * Managers with a span of 1-3 (SPEC bands "1" and "2-3"): the count for everyone; the list as the
 * API sends it (for viewers only managers named as the label of a unit at or above the minimum
 * group size, without titles; the others are counted in `unlabelled`).
 */
export function NarrowSpanCard({
  narrow,
  asOf,
  minGroupSize,
  onScope,
}: {
  narrow: StructureDashboard['narrowSpan'];
  asOf: string;
  minGroupSize: number;
  onScope: (id: string) => void;
}) {
  const id = useId();
  const [all, setAll] = useState(false);
  const list = narrow.managers;
  const count = narrow.count;
  const shown = list ? (all ? list : list.slice(0, FIRST)) : [];
  // viewers get no titles (a single person's attribute), so the column goes
  const titles = list?.some((m) => m.title !== null) ?? false;
  // hr and admin get each manager's annual cost when the snapshot has costs
  const costs = list?.some((m) => m.annualCost !== undefined) ?? false;
  const keep = <T,>(cells: T[]) => cells.filter((_, k) => (titles || k !== 2) && (costs || k !== 8));
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="narrow-span">
      <div className="chart-head">
        <h2 id={`${id}-h`}>Narrow-span managers (span 1-3)</h2>
        {list && list.length > 0 && (
          <div className="chart-actions">
            <button
              type="button"
              className="secondary"
              onClick={() =>
                downloadText(
                  `narrow-span-managers-${asOf}.csv`,
                  toCsv(
                    keep([
                      'Employee ID',
                      'Name',
                      'Title',
                      'Department',
                      'Layer',
                      'Span',
                      'Below',
                      'Managerial level',
                      'Annual cost',
                    ]),
                    list.map((m) =>
                      keep([
                        m.id,
                        m.name,
                        m.title,
                        m.department,
                        m.layer,
                        m.span,
                        m.subtreeSize,
                        LEVEL[m.level],
                        m.annualCost ?? null,
                      ]),
                    ),
                  ),
                )
              }
            >
              Download CSV
            </button>
          </div>
        )}
      </div>
      <p className="definition">
        Managers with one to three direct reports. Narrow spans add layers and cost; some are deliberate (new
        teams, player-coaches). Layer and managerial level are org-wide.
      </p>
      {isSuppressed(count) ? (
        <SuppressedNote marker={count} />
      ) : (
        <p>
          <strong data-testid="narrow-span-count">{count.toLocaleString('en')}</strong>{' '}
          {count === 1 ? 'manager' : 'managers'} with a span of 1-3.
          {narrow.unlabelled > 0 && (
            <span data-testid="narrow-span-unlabelled">
              {' '}
              {narrow.unlabelled.toLocaleString('en')} of them lead a team of{' '}
              {hiddenText({ minGroupSize, reason: 'small' })} and are not named.
            </span>
          )}
        </p>
      )}
      {list && list.length > 0 && (
        <>
          <div className="table-wrap chart-table" tabIndex={0}>
            <table className="data" data-testid="narrow-span-table">
              <caption className="visually-hidden">Managers with a span of 1-3</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  {titles && <th scope="col">Title</th>}
                  <th scope="col">Department</th>
                  <th scope="col" className="num">
                    Layer
                  </th>
                  <th scope="col" className="num">
                    Span
                  </th>
                  <th scope="col" className="num">
                    Below
                  </th>
                  <th scope="col">Level</th>
                  {costs && (
                    <th scope="col" className="num">
                      Annual cost
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {shown.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <button
                        type="button"
                        className={`link ${styles.linkLeft}`}
                        onClick={() => onScope(m.id)}
                        title="Scope the dashboard to this subtree"
                      >
                        {personName(m)}
                      </button>
                    </td>
                    {titles && <td>{m.title ?? '—'}</td>}
                    <td>{m.department ?? '—'}</td>
                    <td className="num">{m.layer}</td>
                    <td className="num">{m.span.toLocaleString('en', { maximumFractionDigits: 2 })}</td>
                    <td className="num">
                      {m.subtreeSize === null
                        ? '—'
                        : m.subtreeSize.toLocaleString('en', { maximumFractionDigits: 2 })}
                    </td>
                    <td>{LEVEL[m.level]}</td>
                    {costs && (
                      <td className="num">
                        {m.annualCost == null
                          ? '—'
                          : m.annualCost.toLocaleString('en', { maximumFractionDigits: 0 })}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.length > FIRST && (
            <button type="button" className="secondary" onClick={() => setAll((a) => !a)} aria-expanded={all}>
              {all ? `Show the first ${FIRST}` : `Show all ${list.length.toLocaleString('en')}`}
            </button>
          )}
          {narrow.more > 0 && (
            <p className="muted">
              {narrow.more.toLocaleString('en')} more not listed (the {list.length.toLocaleString('en')}{' '}
              narrowest are shown); scope the dashboard to a smaller subtree or department to see them.
            </p>
          )}
        </>
      )}
    </section>
  );
}
