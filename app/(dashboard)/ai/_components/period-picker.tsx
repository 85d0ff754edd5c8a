'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { formatMonth } from '@/lib/dates';
import styles from './ai.module.css';

const monthLabel = (m: string) => formatMonth(m);

/**
 * The AI period, kept in the URL beside the global filters: one month (?month=) or a custom window
 * (?from=&to=, distinct users counted once over the whole window).
 */
export function PeriodPicker({
  months,
  window,
}: {
  months: string[];
  window: { from: string; to: string; month: string | null } | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [custom, setCustom] = useState(window !== null && window.month === null);
  const [from, setFrom] = useState(window?.from ?? '');
  const [to, setTo] = useState(window?.to ?? '');
  const go = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    const q = next.toString();
    router.push(q ? `${pathname}?${q}` : pathname);
  };
  const value = custom ? 'custom' : (window?.month ?? '');
  return (
    <form
      className={styles.period}
      aria-label="AI period"
      onSubmit={(e) => {
        e.preventDefault();
        if (from && to) go({ month: null, from, to });
      }}
    >
      <div className="field">
        <label htmlFor="ai-period">Period</label>
        <select
          id="ai-period"
          value={value}
          onChange={(e) => {
            if (e.target.value === 'custom') {
              setCustom(true);
              return;
            }
            setCustom(false);
            go({ month: e.target.value || null, from: null, to: null });
          }}
        >
          {[...months].reverse().map((m) => (
            <option key={m} value={m} suppressHydrationWarning>
              {monthLabel(m)}
            </option>
          ))}
          <option value="custom">Custom range…</option>
        </select>
      </div>
      {custom && (
        <>
          <div className="field">
            <label htmlFor="ai-from">From</label>
            <input id="ai-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="ai-to">To</label>
            <input
              id="ai-to"
              type="date"
              value={to}
              min={from}
              onChange={(e) => setTo(e.target.value)}
              required
            />
          </div>
          <button type="submit" disabled={!from || !to || to < from}>
            Apply
          </button>
        </>
      )}
    </form>
  );
}
