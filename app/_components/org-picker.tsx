'use client';

import { usePathname } from 'next/navigation';
import { useId } from 'react';
import { ORG_PARAM } from '@/lib/query/org';

/**
 * The organisation every view shows (SPEC "Organisations"), kept in the URL as ?org=. Choosing
 * another one loads the page afresh in it (filters of the other organisation do not carry over,
 * and nothing cached for one organisation is shown for another).
 */
export function OrgPicker({ orgs, current }: { orgs: Array<{ id: number; name: string }>; current: number }) {
  const pathname = usePathname();
  const id = useId();
  if (orgs.length === 0) return null;
  if (orgs.length === 1)
    return (
      <span className="badge" data-testid="current-org">
        {orgs[0]?.name}
      </span>
    );
  // A plain GET form: choosing submits it, a full page load in the other organisation.
  return (
    <form method="get" action={pathname} className="org-picker" aria-label="Organisation">
      <label htmlFor={id} className="visually-hidden">
        Organisation
      </label>
      <select
        id={id}
        name={ORG_PARAM}
        data-testid="org-picker"
        defaultValue={String(current)}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
      >
        {orgs.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </form>
  );
}
