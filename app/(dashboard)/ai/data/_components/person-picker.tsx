'use client';

import { useId } from 'react';
import { PersonCombobox } from '@/app/_components/ui/person-combobox';

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
  return (
    <div className="combo">
      <label htmlFor={`${id}-in`} className="visually-hidden">
        {label}
      </label>
      <PersonCombobox<PersonHit>
        inputId={`${id}-in`}
        placeholder="Search a person to map to"
        listLabel={`${label}: matching people`}
        disabled={disabled}
        onChoose={onPick}
      />
    </div>
  );
}
