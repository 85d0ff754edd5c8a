'use client';

import { formatDay, snapshotText } from '@/lib/dates';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';

export interface SnapshotOption {
  id: number;
  asOf: string;
  label: string | null;
}

/** The organisation's current snapshots, newest first (GET /api/snapshots). */

export function useSnapshotOptions() {
  return useQuery({
    queryKey: [...queryKeys.snapshots, 'picker'],
    queryFn: () => fetchJson<{ snapshots: SnapshotOption[] }>('/api/snapshots'),
  });
}

/** A snapshot picker: "Latest" (empty value) or a date; the caller renders the label for `id`. */
export function SnapshotSelect({
  id,
  className,
  value,
  onChange,
  all,
}: {
  id: string;
  className?: string;
  value: string;
  onChange: (asOf: string) => void;
  all: readonly SnapshotOption[];
}) {
  return (
    <select id={id} className={className} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="" suppressHydrationWarning>
        Latest{all[0] ? ` (${formatDay(all[0].asOf)})` : ''}
      </option>
      {all.map((s) => (
        <option key={s.id} value={s.asOf} suppressHydrationWarning>
          {snapshotText(s)}
        </option>
      ))}
    </select>
  );
}
