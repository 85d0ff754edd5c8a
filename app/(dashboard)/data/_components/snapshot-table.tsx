'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { SnapshotDto } from '@/lib/dal/snapshot-list';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { orgHeaders } from '@/lib/query/org';
import { formatDateTime, formatDay } from '@/lib/dates';
import { DefinitionIcon } from '@/app/_components/ui/figure-cards';
import { ActionMenu } from '@/app/_components/ui/action-menu';
import { ConfirmDialog } from '@/app/_components/ui/confirm-dialog';

/**
 * Every snapshot version: as-of date, people, source, uploader, warnings, versions; mark a snapshot
 * "not comparable" (a change of scope: change-since-peak skips it); one action menu per row (open it
 * on the Overview, delete after a dialog naming the snapshot). Dates in the reader's locale.
 */
export function SnapshotTable() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: queryKeys.snapshots,
    queryFn: () => fetchJson<{ snapshots: SnapshotDto[] }>('/api/data/snapshots'),
  });
  const router = useRouter();
  const [deleting, setDeleting] = useState<SnapshotDto | null>(null);
  const del = useMutation({
    mutationFn: async (id: number) => {
      const res = await fetch(`/api/data/snapshots/${id}`, { method: 'DELETE', headers: orgHeaders() });
      if (!res.ok) throw new Error(`Could not delete the snapshot (${res.status}).`);
    },
    onSuccess: () => {
      setDeleting(null);
      return qc.invalidateQueries({ queryKey: queryKeys.snapshots });
    },
  });
  const mark = useMutation({
    mutationFn: async (v: { id: number; notComparable: boolean }) => {
      const res = await fetch(`/api/data/snapshots/${v.id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', ...orgHeaders() },
        body: JSON.stringify({ notComparable: v.notComparable }),
      });
      if (!res.ok) throw new Error(`Could not change the mark (${res.status}).`);
    },
    // Every dashboard's trends change with the mark.
    onSuccess: () => qc.invalidateQueries(),
  });
  return (
    <section className="card" aria-labelledby="snap-h">
      <h2 id="snap-h">Snapshots</h2>
      {q.isPending && <p>Loading…</p>}
      {q.error && <p className="alert error">{q.error.message}</p>}
      {mark.error && <p className="alert error">{mark.error.message}</p>}
      {del.error && <p className="alert error">{del.error.message}</p>}
      {q.data && q.data.snapshots.length === 0 && <p>No snapshot yet: upload an org export above.</p>}
      {q.data && q.data.snapshots.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data" data-testid="snapshot-table">
            <thead>
              <tr>
                <th scope="col">As of</th>
                <th scope="col">Version</th>
                <th scope="col" className="num">
                  People
                </th>
                <th scope="col">Source</th>
                <th scope="col">Uploaded</th>
                {/* two headers that may wrap, so the row's Actions stay in view at 1280 with long file names */}
                <th scope="col" className="num wrap">
                  Warnings
                </th>
                <th scope="col" className="wrap">
                  Not comparable{' '}
                  <DefinitionIcon definition='Mark a snapshot "not comparable" when its file covers a different scope (a department added or missing); change since previous and since peak then skip it.' />
                </th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {q.data.snapshots.map((s) => (
                <tr key={s.id}>
                  <td className="nowrap">
                    {formatDay(s.asOf)}
                    {s.label && s.label !== s.asOf ? <span className="muted"> ({s.label})</span> : null}
                  </td>
                  <td>
                    v{s.version} of {s.versions}{' '}
                    {s.isCurrent ? (
                      <span className="badge ok">current</span>
                    ) : (
                      <span className="badge">replaced</span>
                    )}
                  </td>
                  <td className="num">{s.headcount?.toLocaleString() ?? ''}</td>
                  <td>
                    {/* one file a line, never broken at its hyphens */}
                    {s.sourceFiles.map((f) => (
                      <span key={f} className="file-name">
                        {f}
                      </span>
                    ))}{' '}
                    <span className="muted">({s.format})</span>
                    {s.skipDuplicates ? (
                      <span className="badge warn">first row of duplicates kept</span>
                    ) : null}
                  </td>
                  {/* when and by whom in one column, so the row's actions stay in view at 1280 */}
                  <td>
                    {formatDateTime(s.uploadedAt)}
                    <br />
                    <span className="muted">by {s.uploadedBy}</span>
                  </td>
                  <td className="num">{s.warningCount}</td>
                  <td style={{ textAlign: 'center' }}>
                    <label>
                      <input
                        type="checkbox"
                        checked={s.notComparable}
                        disabled={mark.isPending}
                        data-testid={`not-comparable-${s.asOf}-v${s.version}`}
                        onChange={(e) => mark.mutate({ id: s.id, notComparable: e.target.checked })}
                      />
                      <span className="visually-hidden">
                        Snapshot {formatDay(s.asOf)} version {s.version} is not comparable
                      </span>
                    </label>
                  </td>
                  <td>
                    <ActionMenu
                      label={`Actions for snapshot ${formatDay(s.asOf)} version ${s.version}`}
                      actions={[
                        ...(s.isCurrent
                          ? [
                              {
                                label: 'Open in Overview',
                                onSelect: () => router.push(`/overview?asOf=${s.asOf}`),
                              },
                            ]
                          : []),
                        { label: 'Delete…', danger: true, onSelect: () => setDeleting(s) },
                      ]}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this snapshot?"
        confirmLabel="Delete snapshot"
        danger
        busy={del.isPending}
        onConfirm={() => deleting && del.mutate(deleting.id)}
        onCancel={() => setDeleting(null)}
      >
        {deleting && (
          <p>
            The snapshot of <strong>{formatDay(deleting.asOf)}</strong> ({deleting.asOf}), version{' '}
            {deleting.version} of {deleting.versions}
            {deleting.headcount !== null ? `, ${deleting.headcount.toLocaleString()} people` : ''}, from{' '}
            {deleting.sourceFiles.join(', ')}, is removed with its figures. This cannot be undone.
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
