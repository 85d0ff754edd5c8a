'use client';

import { formatDay } from '@/lib/dates';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { SECTION_CATALOG } from '@/lib/export/report-sections';
import { filtersToSearch, readFilters } from '@/lib/query/dashboard';
import { fetchJson } from '@/lib/query/fetch-json';
import styles from './reports.module.css';
import { PersonField } from '@/app/_components/ui/person-field';
import type { PersonOption } from '@/app/_components/ui/person-combobox';
import { SnapshotSelect, useSnapshotOptions } from '@/app/_components/ui/snapshot-select';
import { FORMAT_LABELS, type ReportFormat, type ReportRequest, type ScenarioChoice } from './types';

const CHOOSABLE = SECTION_CATALOG.filter((s) => !s.personLevel);
const PEOPLE = SECTION_CATALOG.find((s) => s.personLevel);
const FORMAT_HINTS: Record<ReportFormat, string> = {
  pdf: 'Cover, key figures, charts, tables and definitions; ready to hand out.',
  xlsx: 'One sheet per table with typed numbers and frozen headers.',
  csv: 'One table as plain CSV.',
};

/** The report request form: format, snapshot(s), scope, sections, scenarios, person-level pages. */
export function ReportForm({
  canSeePeople,
  scopeLabel,
  scenarios,
  busy,
  error,
  onSubmit,
}: {
  canSeePeople: boolean;
  /** the reader's scope, "Ada Lovelace (E000002)"; null = whole organisation */
  scopeLabel: string | null;
  scenarios: ScenarioChoice[];
  busy: boolean;
  error: string | null;
  onSubmit: (r: ReportRequest) => void;
}) {
  const id = useId();
  // The snapshot, department or subtree chosen on the dashboards (carried in the URL) is the default.
  const chosen = readFilters(useSearchParams());
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [asOf, setAsOf] = useState(chosen.asOf ?? '');
  const [compareTo, setCompareTo] = useState('');
  const [scopeKind, setScopeKind] = useState<'org' | 'department' | 'subtree'>(
    chosen.subtree ? 'subtree' : chosen.department ? 'department' : 'org',
  );
  const [department, setDepartment] = useState(chosen.department ?? '');
  const [person, setPerson] = useState<PersonOption | null>(
    chosen.subtree ? { id: chosen.subtree, name: null, title: null, subtreeSize: 0 } : null,
  );
  const [sections, setSections] = useState<string[]>(CHOOSABLE.map((s) => s.id));
  const [includePeople, setIncludePeople] = useState(false);
  const [picked, setPicked] = useState<number[]>([]);
  const [table, setTable] = useState('overview-kpis');
  const [problem, setProblem] = useState<string | null>(null);

  const snapshots = useSnapshotOptions();
  const departments = useQuery({
    queryKey: ['departments', asOf || null],
    queryFn: () =>
      fetchJson<{ departments: Array<{ name: string; people: number }> }>(
        `/api/org/departments${filtersToSearch({ asOf: asOf || undefined })}`,
      ),
  });
  const all = snapshots.data?.snapshots ?? [];
  const reportDate = asOf || all[0]?.asOf || '';
  const earlier = all.filter((s) => s.asOf < reportDate);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (format !== 'csv' && sections.length === 0) return setProblem('Choose at least one section.');
    if (scopeKind === 'department' && !department) return setProblem('Choose a department.');
    if (scopeKind === 'subtree' && !person)
      return setProblem('Search for the manager whose subtree to report on.');
    setProblem(null);
    onSubmit({
      format,
      asOf: asOf || undefined,
      compareTo: compareTo && compareTo < reportDate ? compareTo : undefined,
      scope:
        scopeKind === 'department'
          ? { kind: 'department', department }
          : scopeKind === 'subtree' && person
            ? { kind: 'subtree', subtree: person.id }
            : { kind: 'org' },
      sections: format === 'csv' ? CHOOSABLE.map((s) => s.id) : sections,
      includePeople: canSeePeople && includePeople,
      table: format === 'csv' ? table : undefined,
      scenarios: format === 'csv' ? [] : scenarios.map((x) => x.id).filter((x) => picked.includes(x)),
    });
  };
  const shownError = problem ?? error;

  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
      <h2 id={`${id}-h`}>New report</h2>
      <fieldset className={styles.fieldset}>
        <legend>Format</legend>
        {(Object.keys(FORMAT_LABELS) as ReportFormat[]).map((f) => (
          <div className={styles.choice} key={f}>
            <input
              type="radio"
              id={`${id}-f-${f}`}
              name={`${id}-format`}
              checked={format === f}
              onChange={() => setFormat(f)}
            />
            <label htmlFor={`${id}-f-${f}`}>
              {FORMAT_LABELS[f]}
              <span className={styles.choiceHint}>{FORMAT_HINTS[f]}</span>
            </label>
          </div>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor={`${id}-asof`}>Snapshot</label>
        <SnapshotSelect id={`${id}-asof`} className={styles.wide} value={asOf} onChange={setAsOf} all={all} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-cmp`}>
          Compare key figures with <span className="hint">(optional)</span>
        </label>
        <select
          id={`${id}-cmp`}
          className={styles.wide}
          value={compareTo}
          onChange={(e) => setCompareTo(e.target.value)}
          disabled={format === 'csv' && !table.startsWith('overview')}
        >
          <option value="">Previous snapshot and peak only</option>
          {earlier.map((s) => (
            <option key={s.id} value={s.asOf}>
              {formatDay(s.asOf)}
            </option>
          ))}
        </select>
      </div>

      <fieldset className={styles.fieldset}>
        <legend>Scope</legend>
        <div className={styles.choice}>
          <input
            type="radio"
            id={`${id}-s-org`}
            name={`${id}-scope`}
            checked={scopeKind === 'org'}
            onChange={() => setScopeKind('org')}
          />
          <label htmlFor={`${id}-s-org`}>
            {scopeLabel ? 'Your whole scope' : 'Whole organisation'}
            {scopeLabel && <span className={styles.choiceHint}>Subtree of {scopeLabel}</span>}
          </label>
        </div>
        <div className={styles.choice}>
          <input
            type="radio"
            id={`${id}-s-dept`}
            name={`${id}-scope`}
            checked={scopeKind === 'department'}
            onChange={() => setScopeKind('department')}
          />
          <label htmlFor={`${id}-s-dept`}>One department</label>
        </div>
        {scopeKind === 'department' && (
          <div className={`field ${styles.nested}`}>
            <label htmlFor={`${id}-dept`}>Department</label>
            <select
              id={`${id}-dept`}
              className={styles.wide}
              value={department}
              onChange={(e) => setDepartment(e.target.value)}
            >
              <option value="">Choose…</option>
              {(departments.data?.departments ?? []).map((d) => (
                <option key={d.name} value={d.name}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className={styles.choice}>
          <input
            type="radio"
            id={`${id}-s-sub`}
            name={`${id}-scope`}
            checked={scopeKind === 'subtree'}
            onChange={() => setScopeKind('subtree')}
          />
          <label htmlFor={`${id}-s-sub`}>A manager&apos;s subtree</label>
        </div>
        {scopeKind === 'subtree' && (
          <div className={styles.nested}>
            <PersonField
              label="Manager"
              asOf={asOf || undefined}
              value={person}
              onChange={setPerson}
              describe={(p) => (
                <>
                  Subtree of <strong>{p.name ?? p.id}</strong> ({p.id})
                </>
              )}
              empty="No manager chosen yet."
              clearLabel="change"
            />
          </div>
        )}
      </fieldset>

      {format === 'csv' ? (
        <div className="field">
          <label htmlFor={`${id}-table`}>Table</label>
          <select
            id={`${id}-table`}
            className={styles.wide}
            value={table}
            onChange={(e) => setTable(e.target.value)}
          >
            {SECTION_CATALOG.filter((s) => !s.personLevel || (canSeePeople && includePeople)).map((s) => (
              <optgroup key={s.id} label={s.title}>
                {s.tables.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      ) : (
        <fieldset className={styles.fieldset}>
          <legend>Sections</legend>
          {CHOOSABLE.map((s) => (
            <div className={styles.choice} key={s.id}>
              <input
                type="checkbox"
                id={`${id}-sec-${s.id}`}
                checked={sections.includes(s.id)}
                onChange={(e) =>
                  setSections((cur) =>
                    e.target.checked
                      ? CHOOSABLE.map((x) => x.id).filter((x) => x === s.id || cur.includes(x))
                      : cur.filter((x) => x !== s.id),
                  )
                }
              />
              <label htmlFor={`${id}-sec-${s.id}`}>
                {s.title}
                <span className={styles.choiceHint}>{s.description}</span>
              </label>
            </div>
          ))}
        </fieldset>
      )}

      {format !== 'csv' && scenarios.length > 0 && (
        <fieldset className={styles.fieldset}>
          <legend>
            Scenarios <span className="hint">(optional)</span>
          </legend>
          <p className={styles.choiceHint} style={{ margin: '0.15rem 0 0.35rem' }}>
            Each chosen scenario adds its before and after figures, charts and list of changes.
          </p>
          {scenarios.map((x) => (
            <div className={styles.choice} key={x.id}>
              <input
                type="checkbox"
                id={`${id}-scn-${x.id}`}
                checked={picked.includes(x.id)}
                onChange={(e) =>
                  setPicked((cur) => (e.target.checked ? [...cur, x.id] : cur.filter((v) => v !== x.id)))
                }
              />
              <label htmlFor={`${id}-scn-${x.id}`}>
                {x.name}
                <span className={styles.choiceHint}>
                  {x.status}, from the {formatDay(x.fromAsOf)} snapshot,{' '}
                  {x.unitRootId ? `subtree of ${x.unitLabel ?? x.unitRootId}` : 'whole organisation'}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
      )}

      {canSeePeople && PEOPLE && (
        <div className={styles.choice}>
          <input
            type="checkbox"
            id={`${id}-people`}
            checked={includePeople}
            onChange={(e) => setIncludePeople(e.target.checked)}
          />
          <label htmlFor={`${id}-people`}>
            Include person-level pages
            <span className={styles.choiceHint}>{PEOPLE.description}</span>
          </label>
        </div>
      )}

      {shownError && (
        <p className="alert error" role="alert">
          {shownError}
        </p>
      )}
      <div className={styles.actions} style={{ marginTop: '0.75rem' }}>
        <button type="submit" disabled={busy}>
          {busy ? 'Starting…' : `Generate ${FORMAT_LABELS[format]}`}
        </button>
      </div>
    </form>
  );
}
