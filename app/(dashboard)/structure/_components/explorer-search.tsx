'use client';

import { useId } from 'react';
import type { PersonHit } from '@/lib/views/org-lookup';
import { PersonCombobox } from '@/app/_components/ui/person-combobox';
import styles from './structure.module.css';

/** Search box for the explorer: finds people in the caller's scope and hands the choice back. */
export function ExplorerSearch({
  asOf,
  onPick,
  peopleHint,
  placeholder,
}: {
  asOf?: string;
  onPick: (hit: PersonHit) => void;
  peopleHint: string;
  placeholder: string;
}) {
  const inputId = `${useId()}-in`;
  return (
    <div className={`field combo ${styles.search}`}>
      <label htmlFor={inputId}>
        Find in the org <span className="hint">({peopleHint})</span>
      </label>
      <PersonCombobox<PersonHit>
        inputId={inputId}
        asOf={asOf}
        type="search"
        placeholder={placeholder}
        showNoMatch
        onChoose={onPick}
      />
    </div>
  );
}
