'use client';

import { formatDateTime } from '@/lib/dates';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { IdentityReview as Review, ReviewIdentity } from '@/lib/dal/ai-identity';
import { toCsv } from '@/lib/export/csv';
import { fetchJson } from '@/lib/query/fetch-json';
import { downloadText } from '@/app/_components/ui/data-table';
import styles from '../../_components/ai.module.css';
import { PersonPicker, type PersonHit } from './person-picker';

const KEY = ['ai', 'identities'] as const;
const n = (v: number | null) => (v === null ? '—' : v.toLocaleString('en', { maximumFractionDigits: 2 }));

/**
 * Identities (GitHub logins, emails) that join no employee, or several, with how much activity
 * each carries; hr maps each to a person. Saved mappings win over automatic matching; every change
 * is audited and the dashboards use it at once.
 */
export function IdentityReview() {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: KEY, queryFn: () => fetchJson<Review>('/api/ai/identities') });
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: KEY });
    void qc.invalidateQueries({ queryKey: ['dashboard', 'ai'] });
  };
  const map = useMutation({
    mutationFn: (v: { identity: string; person: PersonHit }) =>
      fetchJson('/api/ai/identities', {
        method: 'POST',
        body: JSON.stringify({ identity: v.identity, employeeId: v.person.id }),
      }),
    onSuccess: (_r, v) => {
      setError(null);
      setMessage(`${v.identity} is now ${v.person.name ?? v.person.id} (${v.person.id}).`);
      refresh();
    },
    onError: (e) => setError(e instanceof Error ? e.message : 'The mapping was not saved.'),
  });
  const unmap = useMutation({
    mutationFn: (identity: string) =>
      fetchJson(`/api/ai/identities?identity=${encodeURIComponent(identity)}`, { method: 'DELETE' }),
    onSuccess: (_r, identity) => {
      setMessage(`The mapping of ${identity} was removed.`);
      refresh();
    },
  });

  const list = q.data?.identities ?? [];
  const download = () =>
    downloadText(
      'ai-identities-to-review.csv',
      toCsv(
        [
          'Identity',
          'GitHub login',
          'Email',
          'Employee ID',
          'Status',
          'Candidates',
          'Tools',
          'Active days',
          'Rows',
          'Suggestions',
          'Acceptances',
          'Spend (USD)',
          'First seen',
          'Last seen',
          'Seat',
        ],
        list.map((i) => [
          i.identity,
          i.githubLogin,
          i.email,
          i.employeeId,
          i.status,
          i.candidates.map((c) => `${c.name ?? ''} (${c.id})`).join('; '),
          i.tools.join(' '),
          i.activeDays,
          i.rows,
          i.suggestions,
          i.acceptances,
          i.spendUsd,
          i.firstSeen,
          i.lastSeen,
          i.seat ? `${i.seat.tool} ${i.seat.plan ?? ''}`.trim() : null,
        ]),
      ),
    );

  return (
    <section className="card" aria-labelledby="identity-review" data-testid="identity-review">
      <div className={styles.tableHead}>
        <h2 id="identity-review" style={{ margin: 0 }}>
          Identities to review {q.data && <span className="badge warn">{list.length}</span>}
        </h2>
        {list.length > 0 && (
          <button type="button" className="secondary" onClick={download}>
            Download CSV
          </button>
        )}
      </div>
      <p className="definition">
        AI-tool identities that match no one in the org chart (or several people), most active first. Map each
        to the person it belongs to; the mapping wins over automatic matching by GitHub login and email.
      </p>
      {message && (
        <p role="status" className="alert ok">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" className="alert error">
          {error}
        </p>
      )}
      {q.isPending && <p>Loading…</p>}
      {q.error && <p className="alert error">{q.error.message}</p>}
      {q.data && list.length === 0 && (
        <p data-testid="identity-review-empty">
          {q.data.matchedIdentities > 0
            ? `Every AI identity is joined to exactly one employee (${q.data.matchedIdentities.toLocaleString('en')} joined).`
            : 'No person-level AI data yet (team rows need no joining).'}
        </p>
      )}
      {list.length > 0 && (
        <div className="table-wrap" tabIndex={0} style={{ maxHeight: 520, overflowY: 'auto' }}>
          <table className="data" data-testid="identity-table">
            <caption className="visually-hidden">Unmatched and ambiguous AI identities</caption>
            <thead>
              <tr>
                <th scope="col">Identity</th>
                <th scope="col">Why</th>
                <th scope="col">Tools</th>
                <th scope="col" className="num">
                  Active days
                </th>
                <th scope="col" className="num">
                  Suggestions
                </th>
                <th scope="col" className="num">
                  Spend (USD)
                </th>
                <th scope="col">Last seen</th>
                <th scope="col">Map to</th>
              </tr>
            </thead>
            <tbody>
              {list.slice(0, 500).map((i) => (
                <IdentityRow
                  key={`${i.identity ?? i.employeeId}`}
                  item={i}
                  busy={map.isPending}
                  onPick={(person) => i.identity && map.mutate({ identity: i.identity, person })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {q.data && q.data.mappings.length > 0 && (
        <>
          <h3>Saved mappings ({q.data.mappings.length})</h3>
          <div className="table-wrap" tabIndex={0} style={{ maxHeight: 320, overflowY: 'auto' }}>
            <table className="data" data-testid="mapping-table">
              <thead>
                <tr>
                  <th scope="col">Identity</th>
                  <th scope="col">Employee</th>
                  <th scope="col">By</th>
                  <th scope="col">When</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {q.data.mappings.map((m) => (
                  <tr key={m.identity}>
                    <td>{m.identity}</td>
                    <td>
                      {m.name ?? <em>not in the latest snapshot</em>}{' '}
                      <span className="muted">({m.employeeId})</span>
                    </td>
                    <td>{m.createdBy}</td>
                    <td>{formatDateTime(m.createdAt)}</td>
                    <td>
                      <button
                        type="button"
                        className="link"
                        aria-label={`Remove the mapping of ${m.identity}`}
                        onClick={() => unmap.mutate(m.identity)}
                      >
                        remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function IdentityRow({
  item: i,
  busy,
  onPick,
}: {
  item: ReviewIdentity;
  busy: boolean;
  onPick: (p: PersonHit) => void;
}) {
  return (
    <tr data-testid={`identity-${i.identity ?? i.employeeId}`}>
      <td>
        <strong>{i.identity ?? i.employeeId}</strong>
        {i.githubLogin && i.email && <div className="muted">{i.email}</div>}
      </td>
      <td>
        {i.status === 'ambiguous' ? (
          <>
            <span className="badge warn">matches several people</span>
            <ul className={styles.candidates}>
              {i.candidates.map((c) => (
                <li key={c.id}>
                  {c.name ?? c.id} <span className="muted">({c.id})</span>
                </li>
              ))}
            </ul>
          </>
        ) : i.identity === null ? (
          <span className="badge danger">employee id {i.employeeId} is not in the org chart</span>
        ) : (
          <span className="badge" style={{ whiteSpace: 'nowrap' }}>
            no match
          </span>
        )}
      </td>
      <td>{i.tools.join(', ')}</td>
      <td className="num">{i.activeDays.toLocaleString('en')}</td>
      <td className="num">{n(i.suggestions)}</td>
      <td className="num">{n(i.spendUsd)}</td>
      <td>{i.lastSeen ?? '—'}</td>
      <td style={{ minWidth: '14rem' }}>
        {i.identity ? (
          <PersonPicker label={`Map ${i.identity} to an employee`} onPick={onPick} disabled={busy} />
        ) : (
          <span className="muted">fix the id in the file</span>
        )}
      </td>
    </tr>
  );
}
