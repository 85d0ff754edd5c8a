'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import type { TargetsState } from '@/lib/dal/targets';
import type { Targets } from '@/lib/metrics/targets';
import { ApiError, fetchJson } from '@/lib/query/fetch-json';
import type { TargetReference } from '@/lib/views/target-references';
import { TargetReferences } from './target-references';
import styles from './targets.module.css';

export const TARGETS_KEY = ['targets'] as const;

interface DeptRow {
  uid: number;
  name: string;
  spanMin: string;
  spanMax: string;
  maxLayers: string;
}

const str = (v: number | undefined) => (v === undefined ? '' : String(v));
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
let nextUid = 1;

/**
 * Admin editor for the organisation's and the departments' span range and layer limit. The form
 * starts from the stored targets and keeps its own state afterwards (a save does not reset it).
 */
export function TargetsEditor({ state }: { state: TargetsState & { references?: TargetReference[] } }) {
  return <EditorForm targets={state.targets} references={state.references ?? []} />;
}

function EditorForm({ targets, references }: { targets: Targets | null; references: TargetReference[] }) {
  const qc = useQueryClient();
  const id = useId();
  const params = useSearchParams();
  const asOf = params.get('asOf');
  const departments = useQuery({
    queryKey: ['departments', asOf],
    queryFn: () =>
      fetchJson<{ departments: Array<{ name: string; people: number }> }>(
        `/api/org/departments${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`,
      ),
  });
  const [org, setOrg] = useState({
    spanMin: str(targets?.org.spanMin),
    spanMax: str(targets?.org.spanMax),
    maxLayers: str(targets?.org.maxLayers),
  });
  const [rows, setRows] = useState<DeptRow[]>(() =>
    Object.entries(targets?.departments ?? {}).map(([name, t]) => ({
      uid: nextUid++,
      name,
      spanMin: str(t.spanMin),
      spanMax: str(t.spanMax),
      maxLayers: str(t.maxLayers),
    })),
  );
  const [message, setMessage] = useState<{ ok: boolean; text: string; details?: string[] } | null>(null);
  const save = useMutation({
    mutationFn: (body: unknown) =>
      fetchJson<TargetsState>('/api/targets', { method: 'PUT', body: JSON.stringify(body) }),
    onSuccess: async (r) => {
      setMessage({ ok: true, text: 'Targets saved. Charts and the off-target lists now use them.' });
      await qc.invalidateQueries({ queryKey: ['dashboard'] });
      // The PUT answers the targets only: keep the references already shown.
      qc.setQueryData<TargetsState & { references?: TargetReference[] }>(TARGETS_KEY, (old) => ({
        ...r,
        references: old?.references,
      }));
    },
    onError: (e: Error) => {
      const details =
        e instanceof ApiError && Array.isArray(e.details)
          ? (e.details as Array<{ message?: string }>).map((d) => d.message ?? '').filter(Boolean)
          : undefined;
      setMessage({ ok: false, text: e.message, details });
    },
  });
  const known = (departments.data?.departments ?? []).map((d) => d.name);
  const used = new Set(rows.map((r) => r.name));
  const options = [...new Set([...known, ...rows.map((r) => r.name)])].filter(Boolean).sort();

  function saveWith(o: typeof org) {
    setMessage(null);
    save.mutate({
      org: { spanMin: Number(o.spanMin), spanMax: Number(o.spanMax), maxLayers: Number(o.maxLayers) },
      departments: Object.fromEntries(
        rows
          .filter((r) => r.name)
          .map((r) => [
            r.name,
            { spanMin: num(r.spanMin), spanMax: num(r.spanMax), maxLayers: num(r.maxLayers) },
          ]),
      ),
    });
  }
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    saveWith(org);
  }
  // One click: the reference's values go into the organisation-wide boxes and are saved (the same
  // audited update as Save); with a box still empty, the form asks for it instead.
  function applyReference(r: TargetReference) {
    const next = { ...org, ...Object.fromEntries(Object.entries(r.apply).map(([k, v]) => [k, String(v)])) };
    setOrg(next);
    const empty = (['spanMin', 'spanMax', 'maxLayers'] as const).filter((k) => next[k].trim() === '');
    if (empty.length === 0) saveWith(next);
    else
      setMessage({
        ok: false,
        text: `${r.label} is in the form. Fill in ${empty
          .map(
            (k) =>
              ({ spanMin: 'the minimum span', spanMax: 'the maximum span', maxLayers: 'the maximum layers' })[
                k
              ],
          )
          .join(' and ')}, then save.`,
      });
  }
  const setRow = (uid: number, patch: Partial<DeptRow>) =>
    setRows((rs) => rs.map((r) => (r.uid === uid ? { ...r, ...patch } : r)));

  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby={`${id}-h`} data-testid="targets-editor">
      <h2 id={`${id}-h`}>Set targets</h2>
      <fieldset className={styles.orgFields} style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="visually-hidden">Organisation-wide targets</legend>
        <div className="field">
          <label htmlFor={`${id}-min`}>Minimum span</label>
          <input
            id={`${id}-min`}
            type="number"
            min={1}
            max={200}
            step="any"
            required
            value={org.spanMin}
            onChange={(e) => setOrg({ ...org, spanMin: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-max`}>Maximum span</label>
          <input
            id={`${id}-max`}
            type="number"
            min={1}
            max={200}
            step="any"
            required
            value={org.spanMax}
            onChange={(e) => setOrg({ ...org, spanMax: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-layers`}>Maximum layers</label>
          <input
            id={`${id}-layers`}
            type="number"
            min={1}
            max={50}
            step={1}
            required
            value={org.maxLayers}
            onChange={(e) => setOrg({ ...org, maxLayers: e.target.value })}
          />
        </div>
      </fieldset>
      <TargetReferences references={references} onApply={applyReference} busy={save.isPending} />
      <h3>Department targets</h3>
      <p className="definition">
        A department uses its own value where one is given and the organisation&apos;s otherwise. Leave a box
        empty to inherit.
      </p>
      {rows.length > 0 && (
        // relative: visually hidden cells must not escape the scroll box and widen the page
        <div className="table-wrap" tabIndex={0} style={{ position: 'relative' }}>
          <table className={`data ${styles.deptTable}`}>
            <caption className="visually-hidden">Department targets</caption>
            <thead>
              <tr>
                <th scope="col">Department</th>
                <th scope="col">Min span</th>
                <th scope="col">Max span</th>
                <th scope="col">Max layers</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.uid}>
                  <td>
                    <select
                      aria-label={`Department of row ${i + 1}`}
                      value={r.name}
                      onChange={(e) => setRow(r.uid, { name: e.target.value })}
                      required
                    >
                      <option value="">Choose…</option>
                      {options
                        .filter((o) => o === r.name || !used.has(o))
                        .map((o) => (
                          <option key={o} value={o}>
                            {o}
                          </option>
                        ))}
                    </select>
                  </td>
                  {(['spanMin', 'spanMax', 'maxLayers'] as const).map((k) => (
                    <td key={k}>
                      <input
                        type="number"
                        aria-label={`${{ spanMin: 'Minimum span', spanMax: 'Maximum span', maxLayers: 'Maximum layers' }[k]} for ${r.name || `row ${i + 1}`}`}
                        min={1}
                        max={k === 'maxLayers' ? 50 : 200}
                        step={k === 'maxLayers' ? 1 : 'any'}
                        value={r[k]}
                        placeholder="inherit"
                        onChange={(e) => setRow(r.uid, { [k]: e.target.value })}
                      />
                    </td>
                  ))}
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => setRows((rs) => rs.filter((x) => x.uid !== r.uid))}
                      aria-label={`Remove the target for ${r.name || `row ${i + 1}`}`}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className={styles.actions}>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            setRows((rs) => [...rs, { uid: nextUid++, name: '', spanMin: '', spanMax: '', maxLayers: '' }])
          }
        >
          Add a department target
        </button>
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save targets'}
        </button>
      </div>
      {message && (
        <div role="status" className={`alert ${message.ok ? 'ok' : 'error'}`}>
          {message.text}
          {message.details && message.details.length > 1 && (
            <ul>
              {message.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
