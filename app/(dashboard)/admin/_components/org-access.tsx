'use client';

import { can } from '@/lib/auth/permissions';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OrganisationSummary } from '@/lib/dal/organisations';
import type { UserDto } from '@/lib/dal/users';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';

/** Which organisations each user sees (admins see all of them); a user with a scope sees one. */
export function OrgAccess({ orgs }: { orgs: OrganisationSummary[] }) {
  const users = useQuery({
    queryKey: queryKeys.users,
    queryFn: () => fetchJson<{ users: UserDto[] }>('/api/admin/users'),
  });
  return (
    <section className="card" aria-labelledby="org-access-h">
      <h2 id="org-access-h">Who sees which organisation</h2>
      {users.isPending && <p>Loading users…</p>}
      {users.error && <p className="alert error">{users.error.message}</p>}
      {users.data && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data" aria-label="Organisation access per user">
            <thead>
              <tr>
                <th scope="col">User</th>
                {orgs.map((o) => (
                  <th key={o.id} scope="col">
                    {o.name}
                  </th>
                ))}
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              {users.data.users.map((u) => (
                <AccessRow key={u.id} user={u} orgs={orgs} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AccessRow({ user, orgs }: { user: UserDto; orgs: OrganisationSummary[] }) {
  const qc = useQueryClient();
  const key = ['admin', 'user-orgs', user.id] as const;
  const url = `/api/admin/users/${user.id}/organisations`;
  const q = useQuery({ queryKey: key, queryFn: () => fetchJson<{ orgIds: number[] }>(url) });
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (orgIds: number[]) =>
      fetchJson<{ orgIds: number[] }>(url, { method: 'PUT', body: JSON.stringify({ orgIds }) }),
    onSuccess: (r) => {
      setError(null);
      qc.setQueryData(key, r);
    },
    onError: (e: Error) => setError(e.message),
  });
  const admin = can.seeEveryOrganisation(user);
  const chosen = new Set(q.data?.orgIds ?? []);
  return (
    <tr>
      <th scope="row">
        {user.email} <span className="muted">({user.role})</span>
      </th>
      {orgs.map((o) => (
        <td key={o.id}>
          <input
            type="checkbox"
            aria-label={`${user.email} sees ${o.name}`}
            checked={admin || chosen.has(o.id)}
            disabled={admin || q.isPending || save.isPending}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.target.checked) next.add(o.id);
              else next.delete(o.id);
              save.mutate([...next]);
            }}
          />
        </td>
      ))}
      <td>
        {admin ? (
          <span className="muted">admins see all</span>
        ) : (
          error && <span className="error">{error}</span>
        )}
      </td>
    </tr>
  );
}
