'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fetchJson } from '@/lib/query/fetch-json';

type OrgList = { organisations: Array<{ id: number; name: string }>; current: number | null };

/**
 * The organisation an upload goes to (SPEC "Organisations"): the current one by default; choose
 * another or type a new name (created when the upload is committed; a new install's first upload
 * creates its first organisation this way).
 */
export function OrgField({ value, onChange }: { value: string; onChange: (name: string) => void }) {
  const q = useQuery({
    queryKey: ['organisations', 'mine'],
    queryFn: () => fetchJson<OrgList>('/api/organisations'),
  });
  const orgs = q.data?.organisations ?? [];
  const currentName = orgs.find((o) => o.id === q.data?.current)?.name ?? '';
  useEffect(() => {
    if (q.data && value === '' && currentName) onChange(currentName);
    // only once the list arrives: a name the user cleared on purpose stays cleared
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q.data]);
  const isNew = value.trim() !== '' && !orgs.some((o) => o.name.toLowerCase() === value.trim().toLowerCase());
  return (
    <div className="field">
      <label htmlFor="upload-org">
        Organisation{' '}
        <span className="hint">
          {isNew ? '(new: created when you commit)' : '(choose one, or type a new name)'}
        </span>
      </label>
      <input
        id="upload-org"
        list="upload-org-list"
        value={value}
        required
        maxLength={120}
        placeholder={orgs.length ? 'Organisation name' : 'Name your organisation'}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id="upload-org-list">
        {orgs.map((o) => (
          <option key={o.id} value={o.name} />
        ))}
      </datalist>
    </div>
  );
}
