'use client';

import { useId } from 'react';
import { PersonCombobox } from '@/app/_components/ui/person-combobox';
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
  return (
    <div className={`field ${styles.combo}`}>
      <label htmlFor={`${id}-in`}>Manager</label>
      <PersonCombobox<PickedPerson>
        inputId={`${id}-in`}
        asOf={asOf}
        className={styles.wide}
        describedBy={`${id}-picked`}
        onChoose={onChange}
      />
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
