'use client';

import { useId, type ReactNode } from 'react';
import { PersonCombobox, type PersonOption } from './person-combobox';
import styles from './person-field.module.css';

/**
 * A labelled people search whose choice is shown under the box with a way to clear it (the report
 * scope, a scenario's unit and the people of its operations). Search stays inside the caller's scope.
 */
export function PersonField<P extends PersonOption = PersonOption>({
  label,
  hint,
  asOf,
  value,
  onChange,
  describe = (p) => (
    <>
      <strong>{p.name ?? p.id}</strong> ({p.id}){p.title ? `, ${p.title}` : ''}
    </>
  ),
  empty = 'Nobody chosen yet.',
  clearLabel = 'clear',
  extra,
}: {
  label: string;
  hint?: string;
  asOf?: string;
  value: P | null;
  onChange: (p: P | null) => void;
  describe?: (p: P) => ReactNode;
  empty?: string;
  clearLabel?: string;
  /** choices the people search does not know (a scenario's planned positions) */
  extra?: readonly P[];
}) {
  const id = useId();
  return (
    <div className="field combo">
      <label htmlFor={`${id}-in`}>
        {label}
        {hint && <span className="hint"> ({hint})</span>}
      </label>
      <PersonCombobox<P>
        inputId={`${id}-in`}
        asOf={asOf}
        className={styles.wide}
        describedBy={`${id}-picked`}
        extra={extra}
        onChoose={onChange}
      />
      <div id={`${id}-picked`} className={styles.picked} aria-live="polite">
        {value ? (
          <>
            {describe(value)}{' '}
            <button type="button" className="link" onClick={() => onChange(null)}>
              {clearLabel}
            </button>
          </>
        ) : (
          <span className="muted">{empty}</span>
        )}
      </div>
    </div>
  );
}
