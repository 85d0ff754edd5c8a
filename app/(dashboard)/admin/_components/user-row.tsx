'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLES, roleLabel, type Role } from '@/lib/auth/roles';
import type { UserDto } from '@/lib/dal/users';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { formatDateTime } from '@/lib/dates';
import { labelScope } from '@/lib/views/scope-label';
import { PersonField } from '@/app/_components/ui/person-field';
import type { PersonOption } from '@/app/_components/ui/person-combobox';

/** One user: inline edit of role and scope, enable/disable, password reset. */
export function UserRow({ user, isSelf }: { user: UserDto; isSelf: boolean }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [role, setRole] = useState<Role>(user.role);
  const initialScope: PersonOption | null = user.scopeEmployeeId
    ? { id: user.scopeEmployeeId, name: user.scopeName, title: null }
    : null;
  const [scope, setScope] = useState<PersonOption | null>(initialScope);
  const [password, setPassword] = useState('');
  const update = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      fetchJson(`/api/admin/users/${user.id}`, { method: 'PATCH', body: JSON.stringify(body) }),
    onSuccess: () => {
      setEditing(false);
      setPassword('');
      void qc.invalidateQueries({ queryKey: queryKeys.users });
    },
  });
  const label = user.email;

  return (
    <tr>
      <td>
        {user.email}
        {isSelf && <span className="muted"> (you)</span>}
      </td>
      <td>{user.name}</td>
      <td>
        {editing ? (
          <select
            aria-label={`Role for ${label}`}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        ) : (
          roleLabel(user.role)
        )}
      </td>
      <td data-testid="user-orgs">
        {user.role === 'admin' ? 'Every organisation' : (user.organisations ?? []).join(', ') || '—'}
      </td>
      <td>
        {editing ? (
          <PersonField
            label={`Scope for ${label}`}
            value={scope}
            onChange={setScope}
            empty="Whole organisation."
            describe={(p) => <>Subtree of {labelScope(p.id, p.name)}</>}
          />
        ) : user.scopeEmployeeId ? (
          `Subtree of ${labelScope(user.scopeEmployeeId, user.scopeName)}`
        ) : (
          'Whole organisation'
        )}
      </td>
      <td>
        {user.disabled ? (
          <span className="badge danger">Disabled</span>
        ) : (
          <span className="badge ok">Active</span>
        )}
      </td>
      <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'never'}</td>
      <td>
        {editing ? (
          <div className="form-row">
            <input
              aria-label={`New password for ${label}`}
              type="password"
              placeholder="new password (optional)"
              value={password}
              autoComplete="new-password"
              onChange={(e) => setPassword(e.target.value)}
            />
            <button
              type="button"
              onClick={() =>
                update.mutate({ role, scopeEmployeeId: scope?.id ?? null, ...(password ? { password } : {}) })
              }
            >
              Save
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setEditing(false);
                setScope(initialScope);
              }}
            >
              Cancel
            </button>
          </div>
        ) : (
          <div className="form-row">
            <button
              type="button"
              className="secondary"
              onClick={() => setEditing(true)}
              aria-label={`Edit ${label}`}
            >
              Edit
            </button>
            {!isSelf && (
              <button
                type="button"
                // one quiet button a row (a column of red buttons read as alarms); disabling asks first
                className="secondary"
                onClick={() => {
                  if (
                    user.disabled ||
                    window.confirm(`Disable ${label}? They can no longer sign in until enabled again.`)
                  )
                    update.mutate({ disabled: !user.disabled });
                }}
                aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${label}`}
              >
                {user.disabled ? 'Enable' : 'Disable'}
              </button>
            )}
          </div>
        )}
        {update.error && (
          <p role="alert" className="error-text">
            {update.error.message}
          </p>
        )}
      </td>
    </tr>
  );
}
