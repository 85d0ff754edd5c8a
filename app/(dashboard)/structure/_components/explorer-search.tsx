'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import type { PersonHit } from '@/lib/dal/dashboards/org-lookup';
import { filtersToSearch } from '@/lib/query/dashboard';
import { fetchJson } from '@/lib/query/fetch-json';
import styles from './structure.module.css';

/** Search box for the explorer: finds people in the caller's scope and hands the choice back. */
export function ExplorerSearch({
  asOf,
  onPick,
  peopleHint,
}: {
  asOf?: string;
  onPick: (hit: PersonHit) => void;
  peopleHint: string;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(text.trim()), 200);
    return () => clearTimeout(t);
  }, [text]);
  const hits = useQuery({
    queryKey: ['people', asOf ?? null, debounced],
    queryFn: () =>
      fetchJson<{ people: PersonHit[] }>(`/api/org/people${filtersToSearch({ asOf }, { q: debounced })}`),
    enabled: debounced.length > 0,
  });
  const list = hits.data?.people ?? [];
  const choose = (p: PersonHit) => {
    onPick(p);
    setText('');
    setOpen(false);
  };
  const showList = open && list.length > 0;
  return (
    <div className={`field combo ${styles.search}`}>
      <label htmlFor={`${id}-in`}>
        Find in the org <span className="hint">({peopleHint})</span>
      </label>
      <input
        id={`${id}-in`}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${id}-opt-${active}` : undefined}
        placeholder="Name, employee id or title"
        autoComplete="off"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, list.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const hit = list[active];
            if (hit) choose(hit);
          } else if (e.key === 'Escape') setOpen(false);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <span className="visually-hidden" role="status">
        {debounced && hits.isSuccess ? `${list.length} matches` : ''}
      </span>
      {showList && (
        <ul id={`${id}-list`} role="listbox" aria-label="Matching people">
          {list.map((p, i) => (
            <li
              key={p.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(p);
              }}
            >
              <strong>{p.name ?? p.id}</strong>{' '}
              <span className="muted">{[p.title, p.department, p.id].filter(Boolean).join(' · ')}</span>
              {p.subtreeSize > 0 && (
                <span className="muted"> · {p.subtreeSize.toLocaleString('en')} below</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {debounced && hits.isSuccess && list.length === 0 && (
        <p className="muted">No one matches “{debounced}”.</p>
      )}
    </div>
  );
}
