'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { filtersToSearch } from '@/lib/query/dashboard';
import { fetchJson } from '@/lib/query/fetch-json';
import styles from './reports.module.css';

export interface PickedPerson {
  id: string;
  name: string | null;
  title: string | null;
  subtreeSize: number;
}

/** Search for the manager whose subtree the report covers (the server keeps it inside the caller's scope). */
export function SubtreeField({
  asOf,
  value,
  onChange,
}: {
  asOf?: string;
  value: PickedPerson | null;
  onChange: (p: PickedPerson | null) => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(text), 200);
    return () => clearTimeout(t);
  }, [text]);
  const hits = useQuery({
    queryKey: ['people', asOf ?? null, debounced],
    queryFn: () =>
      fetchJson<{ people: PickedPerson[] }>(`/api/org/people${filtersToSearch({ asOf }, { q: debounced })}`),
    enabled: debounced.trim().length > 0,
  });
  const list = hits.data?.people ?? [];
  const choose = (p: PickedPerson) => {
    onChange(p);
    setText('');
    setOpen(false);
  };
  return (
    <div className={`field ${styles.combo}`}>
      <label htmlFor={`${id}-in`}>Manager</label>
      <input
        id={`${id}-in`}
        className={styles.wide}
        role="combobox"
        aria-expanded={open && list.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-describedby={`${id}-picked`}
        placeholder="Search name, id or title"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, list.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && list[active]) {
            e.preventDefault();
            choose(list[active]);
          } else if (e.key === 'Escape') setOpen(false);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {open && list.length > 0 && (
        <ul id={`${id}-list`} role="listbox" aria-label="Matching people">
          {list.map((p, i) => (
            <li
              key={p.id}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(p);
              }}
            >
              <strong>{p.name ?? p.id}</strong>{' '}
              <span className="muted">{[p.title, p.id].filter(Boolean).join(' · ')}</span>
              {p.subtreeSize > 0 && (
                <span className="muted"> · {p.subtreeSize.toLocaleString('en')} below</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <div id={`${id}-picked`} className={styles.picked} aria-live="polite">
        {value ? (
          <>
            Subtree of <strong>{value.name ?? value.id}</strong> ({value.id}){' '}
            <button type="button" className="link" onClick={() => onChange(null)}>
              change
            </button>
          </>
        ) : (
          <span className="muted">No manager chosen yet.</span>
        )}
      </div>
    </div>
  );
}
