'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { PersonOption } from '@/app/_components/ui/person-combobox';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { describeOpInWords, type NameOf, type ScenarioOp } from '@/lib/scenarios/operations';
import { PersonField } from '@/app/_components/ui/person-field';
import styles from './scenarios.module.css';

/** What a panel asks the server for: "remove the layer under X" or "span at least N in X's unit". */
type Ask = { kind: 'remove-layer'; under: string } | { kind: 'span-merges'; unit: string; min: string };

/**
 * One larger edit as suggested operations on the scenario as it stands, each accepted on its own
 * (accepting one changes the scenario, and the suggestions are asked for again).
 */
function SuggestionPanel({
  scenarioId,
  title,
  intro,
  asOf,
  busy,
  nameOf,
  remember,
  onAccept,
  testId,
  extra,
  ask,
  cap,
}: {
  scenarioId: number;
  title: string;
  intro: string;
  asOf: string;
  busy: boolean;
  nameOf: NameOf;
  remember: (p: PersonOption) => void;
  onAccept: (op: ScenarioOp) => void;
  testId: string;
  extra?: (id: string) => React.ReactNode;
  ask: (person: string) => Ask | string;
  /** most suggestions listed at first (the rest behind "Show all"); none: every one */
  cap?: number;
}) {
  const id = useId();
  const [person, setPerson] = useState<PersonOption | null>(null);
  const [asked, setAsked] = useState<Ask | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const params = asked ? (Object.fromEntries(Object.entries(asked)) as Record<string, string>) : {};
  // The list answers the scenario as it stood when asked: accepting its operations one by one does
  // not ask again (a removed manager's reports would make a new "layer" under the same person).
  const [round, setRound] = useState(0);
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const suggestions = useQuery({
    queryKey: [...queryKeys.scenarioSuggest(scenarioId, params), round],
    queryFn: () =>
      fetchJson<{ ops: ScenarioOp[]; people: Record<string, { name: string | null; title: string | null }> }>(
        `/api/scenarios/${scenarioId}/suggest?${new URLSearchParams(params)}`,
      ),
    enabled: asked !== null,
    staleTime: Infinity,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!person) return setProblem('Choose a manager first.');
    const a = ask(person.id);
    if (typeof a === 'string') return setProblem(a);
    setProblem(null);
    setAsked(a);
    setRound((r) => r + 1);
    setAccepted(new Set());
    setShowAll(false);
  };
  const all = suggestions.data?.ops ?? [];
  const ops = all.filter((op) => !accepted.has(JSON.stringify(op)));
  const listed = cap === undefined || showAll ? ops : ops.slice(0, cap);
  const named = suggestions.data?.people ?? {};
  const nameOfHere: NameOf = (pid) => named[pid]?.name ?? nameOf(pid);
  const accept = (op: ScenarioOp) => {
    setAccepted((s) => new Set([...s, JSON.stringify(op)]));
    for (const [pid, p] of Object.entries(named))
      if (p.name) remember({ id: pid, name: p.name, title: p.title });
    onAccept(op);
  };
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid={testId}>
      <h2 id={`${id}-h`}>{title}</h2>
      <p className="muted">{intro}</p>
      <form onSubmit={submit} noValidate>
        <PersonField
          label="Manager"
          asOf={asOf}
          value={person}
          onChange={(p) => {
            if (p) remember(p);
            setPerson(p);
          }}
        />
        {extra?.(id)}
        {problem && (
          <p className="alert error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="secondary">
          Suggest
        </button>
      </form>
      {asked && (
        <div aria-live="polite">
          {suggestions.isPending ? (
            <p className="muted">Working out the suggestions…</p>
          ) : suggestions.isError ? (
            <p className="alert error" role="alert">
              {suggestions.error.message}
            </p>
          ) : all.length === 0 ? (
            <p className="muted">Nothing to suggest: no such change is left to make here.</p>
          ) : ops.length === 0 ? (
            <p className="muted">Every suggestion is accepted.</p>
          ) : (
            <>
              {cap !== undefined && ops.length > cap && (
                <p className="muted">
                  {ops.length.toLocaleString('en')} suggested, in the order to accept them
                  {showAll ? '.' : `; the first ${cap} are listed.`}{' '}
                  <button type="button" className="link" onClick={() => setShowAll((v) => !v)}>
                    {showAll ? `List the first ${cap} only` : `List all ${ops.length.toLocaleString('en')}`}
                  </button>
                </p>
              )}
              <ul className={styles.suggestions} aria-label={`${title}: suggested operations`}>
                {listed.map((op) => {
                  const text = describeOpInWords(op, nameOfHere);
                  return (
                    <li key={JSON.stringify(op)}>
                      <span className={styles.opText}>{text}</span>
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => accept(op)}
                        aria-label={`Accept: ${text}`}
                      >
                        Accept
                      </button>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}

/** The two larger edits of issue #14: remove the layer under a manager; bring a unit's managers to a span of at least N. */
export function Suggestions(props: {
  scenarioId: number;
  asOf: string;
  busy: boolean;
  nameOf: NameOf;
  remember: (p: PersonOption) => void;
  onAccept: (op: ScenarioOp) => void;
  defaultMin: number;
}) {
  const [min, setMin] = useState(String(props.defaultMin));
  const { defaultMin: _d, ...common } = props;
  return (
    <>
      <SuggestionPanel
        {...common}
        testId="suggest-layer"
        title="Remove the layer under a manager"
        intro="Every manager reporting directly to the chosen manager is removed; their reports then report to that manager."
        ask={(under) => ({ kind: 'remove-layer', under })}
      />
      <SuggestionPanel
        {...common}
        testId="suggest-span"
        cap={10}
        title="Bring spans to at least N"
        intro="Suggested merges of the narrowest teams in the chosen manager's unit, each assuming the ones above it were accepted."
        extra={(id) => (
          <div className="field">
            <label htmlFor={`${id}-min`}>Span at least</label>
            <input
              id={`${id}-min`}
              type="number"
              min={2}
              max={100}
              value={min}
              onChange={(e) => setMin(e.target.value)}
            />
          </div>
        )}
        ask={(unit) =>
          /^\d+$/.test(min) && Number(min) >= 2
            ? { kind: 'span-merges', unit, min }
            : 'The span is a whole number of at least 2.'
        }
      />
    </>
  );
}
