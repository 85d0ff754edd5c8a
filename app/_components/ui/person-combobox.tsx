'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { filtersToSearch } from '@/lib/query/dashboard';
import { fetchJson } from '@/lib/query/fetch-json';

/** A person as /api/org/people returns them (inside the caller's scope). */
export interface PersonOption {
  id: string;
  name: string | null;
  title: string | null;
  department?: string | null;
  subtreeSize?: number;
}

/**
 * The one people search used across the app (subtree filter, report scope, identity mapping): a
 * debounced query of /api/org/people as an ARIA combobox with arrow keys, Enter and Escape. The
 * caller renders the label (for inputId) and the wrapping `.combo` element that positions the list.
 */
export function PersonCombobox<P extends PersonOption = PersonOption>({
  inputId,
  asOf,
  placeholder = 'Search name, id or title',
  listLabel = 'Matching people',
  disabled,
  className,
  describedBy,
  onChoose,
}: {
  inputId: string;
  asOf?: string;
  placeholder?: string;
  listLabel?: string;
  disabled?: boolean;
  className?: string;
  describedBy?: string;
  onChoose: (p: P) => void;
}) {
  const listId = `${inputId}-list`;
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
      fetchJson<{ people: P[] }>(`/api/org/people${filtersToSearch({ asOf }, { q: debounced })}`),
    enabled: debounced.trim().length > 0,
  });
  const list = hits.data?.people ?? [];
  const choose = (p: P) => {
    onChoose(p);
    setText('');
    setOpen(false);
  };
  return (
    <>
      <input
        id={inputId}
        className={className}
        role="combobox"
        aria-expanded={open && list.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-describedby={describedBy}
        placeholder={placeholder}
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
        <ul id={listId} role="listbox" aria-label={listLabel}>
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
              {(p.subtreeSize ?? 0) > 0 && (
                <span className="muted"> · {(p.subtreeSize ?? 0).toLocaleString('en')} below</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
