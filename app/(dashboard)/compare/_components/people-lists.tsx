'use client';

import { personName } from '@/lib/person-name';
import { Day } from '@/app/_components/ui/day';
import { useState } from 'react';
import type { Compare, ListKey, PersonRow } from '@/lib/dal/dashboards/compare';
import { isSuppressed } from '@/lib/query/suppressed';
import { SuppressedNote } from '@/app/_components/ui/states';
import { TableCard } from '@/app/_components/ui/table-card';
import styles from './compare.module.css';

const LISTS: Array<{ key: ListKey; label: string; where: string; detail: string | null }> = [
  { key: 'joiners', label: 'Joiners', where: 'in the later snapshot, not the earlier', detail: null },
  { key: 'leavers', label: 'Leavers', where: 'in the earlier snapshot, not the later', detail: null },
  { key: 'movers', label: 'Movers', where: 'manager changed', detail: 'Manager (from → to)' },
  { key: 'promotions', label: 'Promotions', where: 'same declared track, higher level', detail: 'Level' },
  { key: 'icToManager', label: 'IC → manager', where: 'declared track moved to manager', detail: 'Level' },
  { key: 'managerToIc', label: 'Manager → IC', where: 'declared track moved to IC', detail: 'Level' },
  { key: 'departmentMoves', label: 'Department moves', where: 'department changed', detail: 'Department' },
  {
    key: 'delayered',
    label: 'Delayered managers',
    where: 'left or lost all reports as reports moved up',
    detail: 'What happened',
  },
];

/**
 * Counts of joiners, leavers, movers, promotions and track moves; for roles that may see people, a
 * tab per list with the people (capped by the API, paginated here). Viewers get the counts only.
 */
export function PeopleLists({ data }: { data: Compare }) {
  const [active, setActive] = useState<ListKey>('joiners');
  if (isSuppressed(data.lists)) return <SuppressedNote marker={data.lists} />;
  const lists = data.lists;
  const current = LISTS.find((l) => l.key === active) ?? LISTS[0];
  const list = current ? lists[current.key] : undefined;
  return (
    <section className="card" aria-labelledby="people-h" data-testid="people-lists">
      <h2 id="people-h">
        People changes, {data.from ? <Day iso={data.from} /> : '—'} → <Day iso={data.to} />
      </h2>
      <ul className={styles.counts} data-testid="people-counts">
        {LISTS.map((l) => (
          <li key={l.key} data-testid={`count-${l.key}`}>
            <strong>{lists[l.key].total.toLocaleString('en')}</strong> {l.label}
            <div className="muted" style={{ fontSize: '0.8rem' }}>
              {l.where}
            </div>
          </li>
        ))}
      </ul>
      {!data.canSeePeople ? (
        <p className="muted" data-testid="no-names">
          Your role sees counts only; names are not shown.
        </p>
      ) : (
        <>
          <div
            role="group"
            aria-label="Choose a list"
            className={styles.listTabs}
            style={{ marginTop: '1rem' }}
          >
            {LISTS.map((l) => (
              <button
                key={l.key}
                type="button"
                aria-pressed={l.key === active}
                className="secondary"
                onClick={() => setActive(l.key)}
              >
                {l.label} ({lists[l.key].total.toLocaleString('en')})
              </button>
            ))}
          </div>
          <div>
            {current && list && (
              <TableCard<PersonRow>
                key={current.key}
                title={current.label}
                headingLevel={3}
                testId="people-table"
                intro={
                  list.total > (list.rows?.length ?? 0)
                    ? `Showing the first ${(list.rows?.length ?? 0).toLocaleString('en')} of ${list.total.toLocaleString('en')} (alphabetical); narrow the view with the department or subtree filter.`
                    : undefined
                }
                rows={list.rows ?? []}
                filename={`${current.key}-${data.from}-${data.to}`}
                empty={`No ${current.label.toLowerCase()} in this view.`}
                columns={[
                  // an organogram's unnamed posts read their id twice; the id has its own column
                  { key: 'name', label: 'Name', value: (r) => personName(r, false) },
                  { key: 'id', label: 'Employee ID', value: (r) => r.id },
                  { key: 'title', label: 'Title', value: (r) => r.title },
                  { key: 'department', label: 'Department', value: (r) => r.department },
                  ...(current.detail
                    ? [{ key: 'detail', label: current.detail, value: (r: PersonRow) => r.detail }]
                    : []),
                ]}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}
