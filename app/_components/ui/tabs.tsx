'use client';

import type { ReactNode } from 'react';

/**
 * Keyboard-accessible tabs (WAI-ARIA tabs: arrow keys move between them, only the chosen tab is in
 * the tab order); the caller keeps the chosen id and renders its panel as `children`.
 */
export function Tabs<T extends string>({
  tabs,
  value,
  onChange,
  label,
  idPrefix,
  children,
}: {
  tabs: ReadonlyArray<{ id: T; label: string }>;
  value: T;
  onChange: (id: T) => void;
  label: string;
  idPrefix: string;
  children: ReactNode;
}) {
  return (
    <>
      <div role="tablist" aria-label={label} className="tabs">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${idPrefix}tab-${t.id}`}
            aria-selected={value === t.id}
            aria-controls={`${idPrefix}panel-${t.id}`}
            tabIndex={value === t.id ? 0 : -1}
            onClick={() => onChange(t.id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
              if (next) {
                onChange(next.id);
                document.getElementById(`${idPrefix}tab-${next.id}`)?.focus();
              }
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}panel-${value}`} aria-labelledby={`${idPrefix}tab-${value}`}>
        {children}
      </div>
    </>
  );
}
