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
  type,
  showNoMatch = false,
  extra,
  onChoose,
}: {
  inputId: string;
  asOf?: string;
  placeholder?: string;
  listLabel?: string;
  disabled?: boolean;
  className?: string;
  describedBy?: string;
  /** 'search' for a search box (a clear button in most browsers). */
  type?: 'search';
  /** Say so under the box when nobody matches (the count is always announced to screen readers). */
  showNoMatch?: boolean;
  /** people the search does not know (a scenario's planned positions), offered first when they match */
  extra?: readonly P[];
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
  const q = debounced.trim().toLowerCase();
  const local = q
    ? (extra ?? []).filter((p) => [p.id, p.name, p.title].some((v) => v?.toLowerCase().includes(q)))
    : [];
  const found = hits.data?.people ?? [];
  const list = local.length ? [...local, ...found.filter((p) => !local.some((l) => l.id === p.id))] : found;
  const choose = (p: P) => {
    onChoose(p);
    setText('');
    setOpen(false);
  };
  const showList = open && list.length > 0;
  const query = debounced.trim();
  return (
    <>
      <input
        id={inputId}
        type={type}
        className={className}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${inputId}-opt-${active}` : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        disabled={disabled}
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
          } else if (e.key === 'Enter' && list[active]) {
            e.preventDefault();
            choose(list[active]);
          } else if (e.key === 'Escape') setOpen(false);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <span className="visually-hidden" role="status">
        {query && (hits.isSuccess || local.length > 0) ? `${list.length} matches` : ''}
      </span>
      {showList && (
        <ul id={listId} role="listbox" aria-label={listLabel}>
          {list.map((p, i) => (
            <li
              key={p.id}
              id={`${inputId}-opt-${i}`}
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
      {showNoMatch && query && hits.isSuccess && list.length === 0 && (
        <p className="muted">No one matches “{query}”.</p>
      )}
    </>
  );
}
