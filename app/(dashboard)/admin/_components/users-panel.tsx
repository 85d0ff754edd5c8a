'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ROLES, roleLabel, type Role } from '@/lib/auth/roles';
import { PersonField } from '@/app/_components/ui/person-field';
import type { PersonOption } from '@/app/_components/ui/person-combobox';
import type { UserDto } from '@/lib/dal/users';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { UserRow } from './user-row';

/** Create users and list them; each row edits role, scope, status and password. */
export function UsersPanel({ selfId }: { selfId: number | null }) {
  const qc = useQueryClient();
  const users = useQuery({
    queryKey: queryKeys.users,
    queryFn: () => fetchJson<{ users: UserDto[] }>('/api/admin/users'),
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [scope, setScope] = useState<PersonOption | null>(null);
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      fetchJson<{ user: UserDto }>('/api/admin/users', { method: 'POST', body: JSON.stringify(body) }),
    onSuccess: (r) => {
      setMessage({ ok: true, text: `Created ${r.user.email}.` });
      void qc.invalidateQueries({ queryKey: queryKeys.users });
    },
    onError: (e: Error) => setMessage({ ok: false, text: e.message }),
  });

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const form = e.currentTarget;
    create.mutate(
      {
        email: String(f.get('email') ?? ''),
        name: String(f.get('name') ?? ''),
        role: String(f.get('role') ?? 'viewer') as Role,
        scopeEmployeeId: scope?.id ?? null,
        password: String(f.get('password') ?? '') || undefined,
      },
      {
        onSuccess: () => {
          form.reset();
          setScope(null);
        },
      },
    );
  }

  return (
    <>
      <section className="card" aria-labelledby="new-user">
        <h2 id="new-user">Add a user</h2>
        <form onSubmit={onCreate} className="form-row">
          <div className="field">
            <label htmlFor="nu-email">Email</label>
            <input id="nu-email" name="email" type="email" required />
          </div>
          <div className="field">
            <label htmlFor="nu-name">Name</label>
            <input id="nu-name" name="name" />
          </div>
          <div className="field">
            <label htmlFor="nu-role">Role</label>
            <select id="nu-role" name="role" defaultValue="viewer">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
          </div>
          <PersonField
            label="Scope"
            hint="whose subtree they see; nobody = whole organisation; leaders need one"
            value={scope}
            onChange={setScope}
            empty="Whole organisation."
            describe={(p) => (
              <>
                Subtree of <strong>{p.name ?? p.id}</strong> ({p.id}){p.title ? `, ${p.title}` : ''}
              </>
            )}
          />
          <div className="field">
            <label htmlFor="nu-password">
              Password <span className="hint">(10+ characters; empty = SSO only)</span>
            </label>
            <input id="nu-password" name="password" type="password" autoComplete="new-password" />
          </div>
          <button type="submit" disabled={create.isPending}>
            Add user
          </button>
        </form>
        {message && (
          <p role="status" className={`alert ${message.ok ? 'ok' : 'error'}`}>
            {message.text}
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="user-list">
        <h2 id="user-list">Users</h2>
        {users.isPending && <p>Loading users…</p>}
        {users.error && <p className="alert error">{users.error.message}</p>}
        {users.data && (
          <div className="table-wrap" tabIndex={0}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Scope</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last sign-in</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {users.data.users.map((u) => (
                  <UserRow key={u.id} user={u} isSelf={u.id === selfId} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
