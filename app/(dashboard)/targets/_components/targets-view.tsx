'use client';

import { useQuery } from '@tanstack/react-query';
import type { TargetsState } from '@/lib/dal/targets';
import { fetchJson } from '@/lib/query/fetch-json';
import { Skeleton, ErrorCard } from '@/app/_components/ui/states';
import { Day } from '@/app/_components/ui/day';
import { OffTargetView } from './off-target-view';
import { TargetsEditor, TARGETS_KEY } from './targets-editor';
import { TargetReferences } from './target-references';
import type { TargetReference } from '@/lib/views/target-references';

type TargetsAnswer = TargetsState & { references?: TargetReference[] };

/** The targets (editable by admins, read-only for everyone else) and what is off target. */
export function TargetsView({ canEdit }: { canEdit: boolean }) {
  const q = useQuery({ queryKey: TARGETS_KEY, queryFn: () => fetchJson<TargetsAnswer>('/api/targets') });
  return (
    <>
      {q.isPending ? (
        <Skeleton height={160} label="Loading the targets" />
      ) : q.error ? (
        <ErrorCard message={q.error.message} />
      ) : canEdit ? (
        <TargetsEditor state={q.data} />
      ) : (
        <TargetsSummary state={q.data} />
      )}
      <OffTargetView />
    </>
  );
}

function TargetsSummary({ state }: { state: TargetsAnswer }) {
  const t = state.targets;
  if (!t)
    return (
      <section className="card" data-testid="targets-summary">
        <h2>Targets</h2>
        <p className="muted">
          No targets are set yet: an administrator sets them on this page, from the reference values below or
          their own.
        </p>
        <TargetReferences references={state.references ?? []} />
      </section>
    );
  const rows = [
    { name: 'Organisation', ...t.org },
    ...Object.entries(t.departments)
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([name, d]) => ({ name, ...d })),
  ];
  return (
    <section className="card" data-testid="targets-summary" aria-labelledby="targets-h">
      <h2 id="targets-h">Targets</h2>
      <p className="definition">
        Set by an administrator
        {state.updatedAt ? (
          <>
            {' '}
            (last changed <Day iso={state.updatedAt.slice(0, 10)} />)
          </>
        ) : null}
        . Departments inherit the organisation&apos;s value where they have none of their own.
      </p>
      {/* relative: visually hidden cells must not escape the scroll box and widen the page */}
      <div className="table-wrap" tabIndex={0} style={{ position: 'relative' }}>
        <table className="data">
          <caption className="visually-hidden">Span and layer targets</caption>
          <thead>
            <tr>
              <th scope="col">Applies to</th>
              <th scope="col" className="num">
                Min span
              </th>
              <th scope="col" className="num">
                Max span
              </th>
              <th scope="col" className="num">
                Max layers
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td className="num">{r.spanMin ?? `${t.org.spanMin} (inherited)`}</td>
                <td className="num">{r.spanMax ?? `${t.org.spanMax} (inherited)`}</td>
                <td className="num">{r.maxLayers ?? `${t.org.maxLayers} (inherited)`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TargetReferences references={state.references ?? []} />
    </section>
  );
}
