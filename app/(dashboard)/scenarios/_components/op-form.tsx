'use client';

import { useId, useState, type FormEvent } from 'react';
import type { PersonOption } from '@/app/_components/ui/person-combobox';
import type { ScenarioOp } from '@/lib/scenarios/operations';
import { PersonField } from '@/app/_components/ui/person-field';
import styles from './scenarios.module.css';

type Kind = ScenarioOp['op'];

const KINDS: Array<{ kind: Kind; label: string }> = [
  { kind: 'move', label: 'Move a person and their team' },
  { kind: 'remove', label: 'Remove a position' },
  { kind: 'merge', label: "Merge one manager's team into another's" },
  { kind: 'add', label: 'Add a planned (vacant) position' },
  { kind: 'set-level', label: 'Set a level (promotion or track move)' },
];

/** The fields each operation asks for, and the operation they make (or what is missing). */
function build(
  kind: Kind,
  p: {
    a: PersonOption | null;
    b: PersonOption | null;
    newId: string;
    title: string;
    level: string;
    track: string;
  },
): ScenarioOp | string {
  const track = p.track === 'ic' || p.track === 'manager' ? p.track : undefined;
  switch (kind) {
    case 'move':
      if (!p.a || !p.b) return 'Choose the person and their new manager.';
      return { op: 'move', id: p.a.id, to: p.b.id };
    case 'remove':
      if (!p.a) return 'Choose the position to remove.';
      return p.b ? { op: 'remove', id: p.a.id, reportsTo: p.b.id } : { op: 'remove', id: p.a.id };
    case 'merge':
      if (!p.a || !p.b) return 'Choose both managers.';
      return { op: 'merge', from: p.a.id, into: p.b.id };
    case 'add':
      if (!p.newId.trim() || !p.b) return 'Give the new position an id and choose its manager.';
      return {
        op: 'add',
        id: p.newId.trim(),
        manager: p.b.id,
        ...(p.title.trim() ? { title: p.title.trim() } : {}),
        ...(p.level.trim() ? { level: p.level.trim() } : {}),
        ...(track ? { track } : {}),
      };
    case 'set-level':
      if (!p.a || !p.level.trim()) return 'Choose the person and the new level.';
      return { op: 'set-level', id: p.a.id, level: p.level.trim(), ...(track ? { track } : {}) };
  }
}

const PEOPLE_LABELS: Record<Kind, [string | null, string | null, string | undefined]> = {
  move: ['Person to move', 'New manager', undefined],
  remove: ['Position to remove', 'Their reports go to', "optional: default, the removed person's manager"],
  merge: ['Merge the team of', 'Into the team of', undefined],
  add: [null, 'Manager of the new position', undefined],
  'set-level': ['Person', null, undefined],
};

/** A form adding one operation of the chosen kind; people are found by search. */
export function OpForm({
  asOf,
  busy,
  onAdd,
  remember,
  planned,
}: {
  asOf: string;
  /** the scenario's planned positions, choosable like the snapshot's people */
  planned: readonly PersonOption[];
  busy: boolean;
  onAdd: (op: ScenarioOp) => void;
  /** keeps the names of people chosen, to describe the operations in words */
  remember: (p: PersonOption) => void;
}) {
  const id = useId();
  const [kind, setKind] = useState<Kind>('move');
  const [a, setA] = useState<PersonOption | null>(null);
  const [b, setB] = useState<PersonOption | null>(null);
  const [newId, setNewId] = useState('');
  const [title, setTitle] = useState('');
  const [level, setLevel] = useState('');
  const [track, setTrack] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const pick = (set: (p: PersonOption | null) => void) => (p: PersonOption | null) => {
    if (p) remember(p);
    set(p);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const op = build(kind, { a, b, newId, title, level, track });
    if (typeof op === 'string') return setProblem(op);
    setProblem(null);
    onAdd(op);
    setA(null);
    setB(null);
    setNewId('');
    setTitle('');
    setLevel('');
  };
  const [aLabel, bLabel, bHint] = PEOPLE_LABELS[kind];
  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate data-testid="op-form">
      <h2 id={`${id}-h`}>Add an operation</h2>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Operation</label>
        <select
          id={`${id}-kind`}
          className={styles.wide}
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as Kind);
            setProblem(null);
          }}
        >
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      {aLabel && (
        <PersonField
          key={`${kind}-a`}
          label={aLabel}
          asOf={asOf}
          value={a}
          onChange={pick(setA)}
          extra={planned}
        />
      )}
      {kind === 'add' && (
        <div className="field">
          <label htmlFor={`${id}-newid`}>New position id</label>
          <input
            id={`${id}-newid`}
            className={styles.wide}
            value={newId}
            onChange={(e) => setNewId(e.target.value)}
          />
        </div>
      )}
      {bLabel && (
        <PersonField
          key={`${kind}-b`}
          label={bLabel}
          hint={bHint}
          asOf={asOf}
          value={b}
          onChange={pick(setB)}
          extra={planned}
        />
      )}
      {kind === 'add' && (
        <div className="field">
          <label htmlFor={`${id}-title`}>
            Title <span className="hint">(optional)</span>
          </label>
          <input
            id={`${id}-title`}
            className={styles.wide}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
      )}
      {(kind === 'add' || kind === 'set-level') && (
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-level`}>
              Level {kind === 'add' && <span className="hint">(optional)</span>}
            </label>
            <input id={`${id}-level`} size={8} value={level} onChange={(e) => setLevel(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-track`}>Track</label>
            <select id={`${id}-track`} value={track} onChange={(e) => setTrack(e.target.value)}>
              <option value="">{kind === 'set-level' ? 'Unchanged' : 'From the level'}</option>
              <option value="ic">Individual contributor</option>
              <option value="manager">Manager</option>
            </select>
          </div>
        </div>
      )}
      {problem && (
        <p className="alert error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Add operation
      </button>
    </form>
  );
}
