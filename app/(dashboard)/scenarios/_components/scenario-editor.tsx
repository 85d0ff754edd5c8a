'use client';

import { labelScope } from '@/lib/views/scope-label';
import { formatDay } from '@/lib/dates';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useId, useState } from 'react';
import type { PersonOption } from '@/app/_components/ui/person-combobox';
import { ErrorCard, Skeleton } from '@/app/_components/ui/states';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { withOrg } from '@/lib/query/org';
import {
  describeOpInWords,
  type NameOf,
  type ScenarioOp,
  type ScenarioStatus,
} from '@/lib/scenarios/operations';
import { CostPanel } from './cost-panel';
import { OpForm } from './op-form';
import { ScenarioOrgChart } from './org-chart-slot';
import { ScenarioManage } from './scenario-manage';
import { BeforeAfter, HealthFlags, PeopleAffected, TargetsChecked } from './result-panels';
import styles from './scenarios.module.css';
import { Suggestions } from './suggestions';
import { STATUS_LABELS, type ScenarioDto, type ScenarioView } from './types';

/** The scenario editor: operations (undo = remove one), larger edits, before/after, people, health, status. */
export function ScenarioEditor({ id, canApprove }: { id: number; canApprove: boolean }) {
  const qc = useQueryClient();
  const scenario = useQuery({
    queryKey: queryKeys.scenario(id),
    queryFn: () => fetchJson<{ scenario: ScenarioDto }>(`/api/scenarios/${id}`).then((r) => r.scenario),
  });
  const version = scenario.data?.updatedAt ?? '';
  const result = useQuery({
    queryKey: [...queryKeys.scenarioResult(id), version],
    queryFn: () => fetchJson<ScenarioView>(`/api/scenarios/${id}/result`),
    enabled: scenario.isSuccess,
    placeholderData: (prev) => prev,
  });
  // Names of people chosen in the forms, so operations read in words before the result names them.
  const [picked, setPicked] = useState<Record<string, string>>({});
  const remember = useCallback((p: PersonOption) => {
    if (p.name) setPicked((m) => (m[p.id] === p.name ? m : { ...m, [p.id]: p.name as string }));
  }, []);
  const nameOf: NameOf = (pid) => result.data?.people[pid]?.name ?? picked[pid] ?? null;

  const [opError, setOpError] = useState<string | null>(null);
  const saveOps = useMutation({
    mutationFn: (ops: ScenarioOp[]) =>
      fetchJson<{ scenario: ScenarioDto }>(`/api/scenarios/${id}`, {
        method: 'PATCH',
        body: JSON.stringify({ ops }),
      }),
    onMutate: () => setOpError(null),
    onSuccess: ({ scenario: s }) => qc.setQueryData(queryKeys.scenario(id), s),
    onError: (e) => setOpError(e.message),
  });
  const setStatus = useMutation({
    mutationFn: (status: ScenarioStatus) =>
      fetchJson<{ scenario: ScenarioDto }>(`/api/scenarios/${id}/status`, {
        method: 'POST',
        body: JSON.stringify({ status }),
      }),
    onSuccess: async ({ scenario: s }) => {
      qc.setQueryData(queryKeys.scenario(id), s);
      await qc.invalidateQueries({ queryKey: queryKeys.scenarios, exact: true });
    },
  });

  if (scenario.isPending) return <Skeleton label="Loading the scenario" />;
  if (scenario.isError) return <ErrorCard message={scenario.error.message} />;
  const s = scenario.data;
  const locked = s.status === 'approved';
  const busy = saveOps.isPending || locked;
  const add = (op: ScenarioOp) => saveOps.mutate([...s.ops, op]);
  const undo = (k: number) => saveOps.mutate(s.ops.filter((_, j) => j !== k));
  const view = result.data;

  return (
    <>
      <p>
        <Link href={withOrg('/scenarios')}>← All scenarios</Link>
      </p>
      <h1>{s.name}</h1>
      <ul className={styles.meta} aria-label="About this scenario">
        <li>
          Status:{' '}
          <span className={`badge ${s.status === 'approved' ? 'ok' : ''}`} data-testid="scenario-status">
            {STATUS_LABELS[s.status]}
          </span>
        </li>
        <li>From snapshot {formatDay(s.fromAsOf)}</li>
        <li>
          Unit:{' '}
          {s.unitRootId
            ? `subtree of ${labelScope(s.unitRootId, nameOf(s.unitRootId))}`
            : 'whole organisation'}
        </li>
        <li>Effective {formatDay(s.effectiveDate)}</li>
        <li>Owner {s.ownerEmail}</li>
      </ul>
      <div className={styles.actions}>
        {s.status === 'draft' && (
          <button type="button" onClick={() => setStatus.mutate('proposed')} disabled={setStatus.isPending}>
            Propose
          </button>
        )}
        {canApprove && s.status !== 'approved' && (
          <button type="button" onClick={() => setStatus.mutate('approved')} disabled={setStatus.isPending}>
            Approve
          </button>
        )}
        {s.status !== 'draft' && (
          <button
            type="button"
            className="secondary"
            onClick={() => setStatus.mutate('draft')}
            disabled={setStatus.isPending || (locked && !canApprove)}
          >
            Back to draft
          </button>
        )}
      </div>
      {setStatus.isError && (
        <p className="alert error" role="alert">
          {setStatus.error.message}
        </p>
      )}
      <ScenarioManage scenario={s} mayDelete={!locked || canApprove} />
      {locked && (
        <p className="alert ok">Approved: the operations are fixed. Make a new scenario to plan further.</p>
      )}

      <div className={styles.editorLayout}>
        <div>
          <Operations ops={s.ops} nameOf={nameOf} busy={busy} onUndo={undo} error={opError} />
          {!locked && (
            <>
              <OpForm
                asOf={s.fromAsOf}
                busy={busy}
                onAdd={add}
                remember={remember}
                planned={plannedPositions(s.ops)}
              />
              <Suggestions
                scenarioId={id}
                asOf={s.fromAsOf}
                busy={busy}
                nameOf={nameOf}
                remember={remember}
                onAccept={add}
                defaultMin={view?.health.targets.target?.spanMin ?? 3}
              />
            </>
          )}
        </div>
        <div>
          <ScenarioOrgChart
            scenarioId={id}
            version={version}
            asOf={s.fromAsOf}
            onMove={locked ? undefined : (who, to) => !saveOps.isPending && add({ op: 'move', id: who, to })}
          />
        </div>
      </div>
      {/* the results under both columns, at the page's width: in the right column their tables were cut */}
      {result.isPending ? (
        <Skeleton label="Working out before and after" />
      ) : result.isError ? (
        <ErrorCard message={result.error.message} />
      ) : view ? (
        <div aria-busy={result.isFetching} className={styles.results} data-testid="scenario-results">
          <TargetsChecked health={view.health} />
          <HealthFlags health={view.health} />
          <div className={styles.wideResult}>
            <CostPanel view={view} />
            <BeforeAfter view={view} />
            <PeopleAffected view={view} />
          </div>
        </div>
      ) : null}
    </>
  );
}

/** The scenario's planned positions still there (added, not removed later), as people to choose in the forms. */
function plannedPositions(ops: readonly ScenarioOp[]): PersonOption[] {
  const out = new Map<string, PersonOption>();
  for (const op of ops)
    if (op.op === 'add')
      out.set(op.id, { id: op.id, name: `Planned position ${op.id}`, title: op.title ?? 'Planned position' });
    else if (op.op === 'remove') out.delete(op.id);
  return [...out.values()];
}

/** The ordered operations in plain words; removing one undoes it (the rest are applied again). */
function Operations({
  ops,
  nameOf,
  busy,
  onUndo,
  error,
}: {
  ops: ScenarioOp[];
  nameOf: NameOf;
  busy: boolean;
  onUndo: (k: number) => void;
  error: string | null;
}) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="operations">
      <h2 id={`${id}-h`}>Operations</h2>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      {ops.length === 0 ? (
        <p className="muted">No operations yet: add one below, or accept a suggestion.</p>
      ) : (
        <ol className={styles.opList}>
          {ops.map((op, k) => {
            const text = describeOpInWords(op, nameOf);
            return (
              <li key={`${k}-${JSON.stringify(op)}`}>
                <span className={styles.opText}>{text}</span>
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() => onUndo(k)}
                  aria-label={`Undo operation ${k + 1}: ${text}`}
                >
                  Undo
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
