'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import type { PersonOption } from '@/app/_components/ui/person-combobox';
import { PersonField } from '@/app/_components/ui/person-field';
import { SnapshotSelect, useSnapshotOptions } from '@/app/_components/ui/snapshot-select';
import { ErrorCard, Skeleton } from '@/app/_components/ui/states';
import { TableCard, type TableColumn } from '@/app/_components/ui/table-card';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { withOrg } from '@/lib/query/org';
import styles from './scenarios.module.css';
import { STATUS_LABELS, type ScenarioDto, type ScenarioListItem } from './types';

const COLUMNS: TableColumn<ScenarioListItem>[] = [
  {
    key: 'name',
    label: 'Name',
    value: (s) => s.name,
    display: (s) => <Link href={withOrg(`/scenarios/${s.id}`)}>{s.name}</Link>,
  },
  { key: 'owner', label: 'Owner', value: (s) => s.ownerEmail },
  { key: 'from', label: 'From snapshot', value: (s) => s.fromAsOf },
  { key: 'unit', label: 'Unit', value: (s) => s.unitLabel ?? s.unitRootId ?? 'Whole organisation' },
  { key: 'effective', label: 'Effective date', value: (s) => s.effectiveDate },
  { key: 'ops', label: 'Operations', value: (s) => s.ops.length, numeric: true },
  {
    key: 'status',
    label: 'Status',
    value: (s) => STATUS_LABELS[s.status],
    display: (s) => (
      <span className={`badge ${s.status === 'approved' ? 'ok' : ''}`}>{STATUS_LABELS[s.status]}</span>
    ),
  },
];

/** The scenarios the user may see and the form that starts a new one. */
export function ScenarioList({ scoped }: { scoped: boolean }) {
  const list = useQuery({
    queryKey: queryKeys.scenarios,
    queryFn: () => fetchJson<{ scenarios: ScenarioListItem[] }>('/api/scenarios'),
  });
  return (
    <div className={styles.listLayout}>
      {list.isPending ? (
        <Skeleton label="Loading scenarios" />
      ) : list.isError ? (
        <ErrorCard message={list.error.message} />
      ) : (
        <TableCard
          title="Scenarios"
          rows={list.data.scenarios}
          columns={COLUMNS}
          filename="scenarios"
          empty="No scenarios yet: start one with the form below."
          testId="scenario-list"
        />
      )}
      <NewScenarioForm scoped={scoped} />
    </div>
  );
}

function NewScenarioForm({ scoped }: { scoped: boolean }) {
  const id = useId();
  const router = useRouter();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [asOf, setAsOf] = useState('');
  const [unit, setUnit] = useState<PersonOption | null>(null);
  const [effectiveDate, setEffectiveDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const snapshots = useSnapshotOptions();
  const all = snapshots.data?.snapshots ?? [];
  const create = useMutation({
    mutationFn: () =>
      fetchJson<{ scenario: ScenarioDto }>('/api/scenarios', {
        method: 'POST',
        body: JSON.stringify({
          name,
          asOf: asOf || undefined,
          unit: unit?.id ?? null,
          effectiveDate: effectiveDate || undefined,
        }),
      }),
    onSuccess: async ({ scenario }) => {
      await qc.invalidateQueries({ queryKey: queryKeys.scenarios });
      router.push(withOrg(`/scenarios/${scenario.id}`));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setProblem('Give the scenario a name.');
    setProblem(null);
    create.mutate();
  };
  const error = problem ?? (create.isError ? create.error.message : null);
  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
      <h2 id={`${id}-h`}>New scenario</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          className={styles.wide}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={200}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-asof`}>From snapshot</label>
        <SnapshotSelect id={`${id}-asof`} className={styles.wide} value={asOf} onChange={setAsOf} all={all} />
      </div>
      <PersonField
        label="Unit"
        hint={scoped ? 'default: your subtree' : 'default: the whole organisation'}
        asOf={asOf || undefined}
        value={unit}
        onChange={setUnit}
        describe={(p) => (
          <>
            Subtree of <strong>{p.name ?? p.id}</strong> ({p.id})
          </>
        )}
        empty={scoped ? 'Your subtree.' : 'The whole organisation.'}
      />
      <div className="field">
        <label htmlFor={`${id}-eff`}>
          Effective date <span className="hint">(default: the snapshot&apos;s date)</span>
        </label>
        <input
          id={`${id}-eff`}
          type="date"
          value={effectiveDate}
          onChange={(e) => setEffectiveDate(e.target.value)}
        />
      </div>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={create.isPending}>
        {create.isPending ? 'Creating…' : 'Create scenario'}
      </button>
    </form>
  );
}
