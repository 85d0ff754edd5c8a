'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { fetchJson } from '@/lib/query/fetch-json';

export interface PersonHit {
  id: string;
  name: string | null;
  title: string | null;
  department: string | null;
}

/** A searchable employee picker (name, id or title) over the latest snapshot, keyboard operable. */
export function PersonPicker({
  label,
  onPick,
  disabled,
}: {
  label: string;
  onPick: (p: PersonHit) => void;
  disabled?: boolean;
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
    queryKey: ['people', null, debounced],
    queryFn: () => fetchJson<{ people: PersonHit[] }>(`/api/org/people?q=${encodeURIComponent(debounced)}`),
    enabled: debounced.trim().length > 0,
  });
  const list = hits.data?.people ?? [];
  const choose = (p: PersonHit) => {
    onPick(p);
    setText('');
    setOpen(false);
  };
  return (
    <div className="combo">
      <label htmlFor={`${id}-in`} className="visually-hidden">
        {label}
      </label>
      <input
        id={`${id}-in`}
        role="combobox"
        aria-expanded={open && list.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        placeholder="Search a person to map to"
        value={text}
        disabled={disabled}
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
        <ul id={`${id}-list`} role="listbox" aria-label={`${label}: matching people`}>
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
              <span className="muted">{[p.title, p.department, p.id].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
