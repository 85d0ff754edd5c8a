'use client';

import { formatDay } from '@/lib/dates';
import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { fetchJson } from '@/lib/query/fetch-json';
import styles from './compare.module.css';

/** The two snapshots being compared, kept in the URL as ?from=&to= beside the global filters. */
export function SnapshotPair({ from, to }: { from: string | null; to: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const snapshots = useQuery({
    queryKey: ['snapshots', 'picker'],
    queryFn: () =>
      fetchJson<{ snapshots: Array<{ id: number; asOf: string; label: string | null }> }>('/api/snapshots'),
  });
  const dates = [...new Set((snapshots.data?.snapshots ?? []).map((s) => s.asOf))].sort();
  // "to" needs an earlier snapshot to compare with, so the first date is never offered.
  const toOptions = dates.length > 1 ? dates.slice(1) : [];
  if (!toOptions.includes(to)) toOptions.push(to);
  const fromOptions = (dates.length ? dates : from ? [from] : []).filter((d) => d < to);
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    router.push(`${pathname}?${next.toString()}`);
  };
  return (
    <form
      className={`card ${styles.pair}`}
      aria-label="Snapshots to compare"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor="cmp-from">From</label>
        <select
          id="cmp-from"
          value={from ?? ''}
          onChange={(e) => set({ from: e.target.value })}
          disabled={dates.length === 0}
        >
          {from === null && <option value="">—</option>}
          {fromOptions.map((d) => (
            <option key={d} value={d}>
              {formatDay(d)}
            </option>
          ))}
        </select>
      </div>
      <span className={styles.arrow} aria-hidden="true">
        →
      </span>
      <div className="field">
        <label htmlFor="cmp-to">To</label>
        <select
          id="cmp-to"
          value={to}
          onChange={(e) => {
            const nextTo = e.target.value;
            // Keep "from" only while it is still earlier than the new "to".
            set({ to: nextTo, from: from !== null && from < nextTo ? from : '' });
          }}
        >
          {toOptions.map((d) => (
            <option key={d} value={d}>
              {formatDay(d)}
            </option>
          ))}
        </select>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        Defaults: the chosen snapshot (latest) and the one before it.
      </p>
    </form>
  );
}
