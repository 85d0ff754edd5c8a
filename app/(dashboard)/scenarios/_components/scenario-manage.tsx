'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { withOrg } from '@/lib/query/org';
import styles from './scenarios.module.css';
import type { ScenarioDto } from './types';

/** Rename or delete a scenario (an approved one only by someone who may approve). Both are audited. */
export function ScenarioManage({ scenario, mayDelete }: { scenario: ScenarioDto; mayDelete: boolean }) {
  const id = useId();
  const qc = useQueryClient();
  const router = useRouter();
  const [name, setName] = useState(scenario.name);
  const rename = useMutation({
    mutationFn: () =>
      fetchJson<{ scenario: ScenarioDto }>(`/api/scenarios/${scenario.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ name }),
      }),
    onSuccess: async ({ scenario: s }) => {
      qc.setQueryData(queryKeys.scenario(s.id), s);
      await qc.invalidateQueries({ queryKey: queryKeys.scenarios, exact: true });
    },
  });
  const remove = useMutation({
    mutationFn: () => fetchJson<{ deleted: number }>(`/api/scenarios/${scenario.id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: queryKeys.scenarios, exact: true });
      router.push(withOrg('/scenarios'));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) rename.mutate();
  };
  const error = rename.error ?? remove.error;
  return (
    <details className={styles.manage}>
      <summary>Rename or delete</summary>
      <form onSubmit={submit} className="form-row" noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="secondary" disabled={rename.isPending || !name.trim()}>
          Rename
        </button>
        {mayDelete && (
          <button
            type="button"
            className="danger"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete the scenario "${scenario.name}"? This cannot be undone.`))
                remove.mutate();
            }}
          >
            Delete scenario
          </button>
        )}
      </form>
      {error && (
        <p className="alert error" role="alert">
          {error.message}
        </p>
      )}
    </details>
  );
}
