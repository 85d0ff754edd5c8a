'use client';

import { formatDateTime } from '@/lib/dates';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';

interface AuditEntry {
  id: number;
  at: string;
  actorEmail: string;
  action: string;
  target: string;
  details: unknown;
}

/** The audit log with filters by action, actor, text and date range. */
export function AuditPanel() {
  const [filter, setFilter] = useState<Record<string, string>>({});
  const q = useQuery({
    queryKey: queryKeys.audit(filter),
    queryFn: () =>
      fetchJson<{ entries: AuditEntry[]; actions: string[] }>(
        `/api/admin/audit?${new URLSearchParams(filter).toString()}`,
      ),
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const next: Record<string, string> = {};
    for (const k of ['action', 'actor', 'q', 'from', 'to']) {
      const v = String(f.get(k) ?? '').trim();
      if (v) next[k] = v;
    }
    setFilter(next);
  }

  return (
    <section className="card" aria-labelledby="audit-h">
      <h2 id="audit-h">Audit log</h2>
      <form onSubmit={onSubmit} className="form-row" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="af-action">Action</label>
          <select id="af-action" name="action" defaultValue="">
            <option value="">All actions</option>
            {(q.data?.actions ?? []).map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="af-actor">By</label>
          <input id="af-actor" name="actor" placeholder="email contains" />
        </div>
        <div className="field">
          <label htmlFor="af-q">Target</label>
          <input id="af-q" name="q" placeholder="text contains" />
        </div>
        <div className="field">
          <label htmlFor="af-from">From</label>
          <input id="af-from" name="from" type="date" />
        </div>
        <div className="field">
          <label htmlFor="af-to">To</label>
          <input id="af-to" name="to" type="date" />
        </div>
        <button type="submit">Filter</button>
      </form>
      {q.isPending && <p>Loading…</p>}
      {q.error && <p className="alert error">{q.error.message}</p>}
      {q.data && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">By</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {q.data.entries.length === 0 && (
                <tr>
                  <td colSpan={5}>No entries match.</td>
                </tr>
              )}
              {q.data.entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{e.actorEmail}</td>
                  <td>{e.action}</td>
                  <td>{e.target}</td>
                  <td>
                    <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                      {JSON.stringify(e.details)}
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
