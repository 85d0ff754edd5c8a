'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { OrganisationSummary } from '@/lib/dal/organisations';
import { fetchJson } from '@/lib/query/fetch-json';
import { OrgAccess } from './org-access';

export const ORGS_KEY = ['admin', 'organisations'] as const;
type Message = { ok: boolean; text: string } | null;

/**
 * Organisations (SPEC "Organisations"): what each holds, rename, delete (confirmed by typing its
 * name), "Remove demo company", and which organisations each user sees.
 */
export function OrganisationsPanel() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ORGS_KEY,
    queryFn: () => fetchJson<{ organisations: OrganisationSummary[] }>('/api/admin/organisations'),
  });
  const [message, setMessage] = useState<Message>(null);
  const done = (text: string) => {
    setMessage({ ok: true, text });
    void qc.invalidateQueries({ queryKey: ORGS_KEY });
  };
  const fail = (e: Error) => setMessage({ ok: false, text: e.message });
  const create = useMutation({
    mutationFn: (name: string) =>
      fetchJson('/api/admin/organisations', { method: 'POST', body: JSON.stringify({ name }) }),
    onSuccess: () => done('Organisation created.'),
    onError: fail,
  });
  const removeDemo = useMutation({
    mutationFn: () =>
      fetchJson<{ removed: number }>('/api/admin/organisations/remove-demo', { method: 'POST' }),
    onSuccess: () => done('The demo company and everything in it were removed.'),
    onError: fail,
  });

  if (q.isPending) return <p>Loading organisations…</p>;
  if (q.error) return <p className="alert error">{q.error.message}</p>;
  const orgs = q.data.organisations;
  const demo = orgs.find((o) => o.isDemo);

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get('name') ?? '').trim();
    if (name) create.mutate(name);
  }

  return (
    <>
      <section className="card" aria-labelledby="orgs-h">
        <h2 id="orgs-h">Organisations</h2>
        <p className="muted">
          Every upload, snapshot, AI import, target and report belongs to one organisation. Nothing is shared
          or replaced across them.
        </p>
        {demo && (
          <p>
            <button
              type="button"
              className="danger"
              disabled={removeDemo.isPending}
              onClick={() => {
                if (window.confirm(`Remove "${demo.name}" and all of its data? This cannot be undone.`))
                  removeDemo.mutate();
              }}
            >
              Remove demo company
            </button>
          </p>
        )}
        <div className="table-wrap" tabIndex={0}>
          <table className="data" aria-label="Organisations and what each holds">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Snapshots</th>
                <th scope="col">AI imports</th>
                <th scope="col">Reports</th>
                <th scope="col">Users</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {orgs.map((o) => (
                <OrgRow key={o.id} org={o} onDone={done} onError={fail} />
              ))}
            </tbody>
          </table>
        </div>
        <form className="form-row" onSubmit={onCreate} style={{ marginTop: '0.75rem' }}>
          <div className="field">
            <label htmlFor="new-org">New organisation</label>
            <input id="new-org" name="name" maxLength={120} required />
          </div>
          <button type="submit" disabled={create.isPending}>
            Create
          </button>
        </form>
        {message && (
          <p role="status" className={`alert ${message.ok ? 'ok' : 'error'}`}>
            {message.text}
          </p>
        )}
      </section>
      <OrgAccess orgs={orgs} />
    </>
  );
}

function OrgRow({
  org,
  onDone,
  onError,
}: {
  org: OrganisationSummary;
  onDone: (text: string) => void;
  onError: (e: Error) => void;
}) {
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [text, setText] = useState('');
  const url = `/api/admin/organisations/${org.id}`;
  const rename = useMutation({
    mutationFn: () => fetchJson(url, { method: 'PATCH', body: JSON.stringify({ name: text }) }),
    onSuccess: () => {
      setMode('view');
      onDone('Organisation renamed.');
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: () => fetchJson(url, { method: 'DELETE', body: JSON.stringify({ confirm: text }) }),
    onSuccess: () => onDone(`"${org.name}" and everything in it were deleted.`),
    onError,
  });
  return (
    <tr>
      <th scope="row">
        {org.name} {org.isDemo && <span className="badge">demo</span>}
      </th>
      <td className="num">{org.snapshots}</td>
      <td className="num">{org.aiImports}</td>
      <td className="num">{org.reports}</td>
      <td className="num">{org.users}</td>
      <td>
        {mode === 'view' && (
          <div className="form-row" style={{ gap: '0.4rem' }}>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setText(org.name);
                setMode('rename');
              }}
            >
              Rename
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setText('');
                setMode('delete');
              }}
            >
              Delete
            </button>
          </div>
        )}
        {mode !== 'view' && (
          <form
            className="form-row"
            style={{ gap: '0.4rem' }}
            onSubmit={(e) => {
              e.preventDefault();
              if (mode === 'rename') rename.mutate();
              else remove.mutate();
            }}
          >
            <input
              id={`org-${org.id}-text`}
              aria-label={mode === 'rename' ? `New name for ${org.name}` : `Type ${org.name} to confirm`}
              value={text}
              placeholder={mode === 'delete' ? `Type "${org.name}" to confirm` : undefined}
              onChange={(e) => setText(e.target.value)}
              maxLength={120}
            />
            <button
              type="submit"
              className={mode === 'delete' ? 'danger' : undefined}
              disabled={mode === 'delete' && text.trim().toLowerCase() !== org.name.toLowerCase()}
            >
              {mode === 'rename' ? 'Save' : 'Delete for good'}
            </button>
            <button type="button" className="secondary" onClick={() => setMode('view')}>
              Cancel
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}
