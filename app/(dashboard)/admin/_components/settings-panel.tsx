'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { OrgSettings } from '@/lib/dal/settings';
import { fetchJson } from '@/lib/query/fetch-json';
import { hiddenText } from '@/lib/privacy/hidden-text';
import { queryKeys } from '@/lib/query/keys';

/** Privacy floor and executive-layer settings. */
export function SettingsPanel() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: queryKeys.settings,
    queryFn: () => fetchJson<{ settings: OrgSettings }>('/api/admin/settings'),
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = useMutation({
    mutationFn: (body: OrgSettings) =>
      fetchJson<{ settings: OrgSettings }>('/api/admin/settings', {
        method: 'PUT',
        body: JSON.stringify(body),
      }),
    onSuccess: (r) => {
      qc.setQueryData(queryKeys.settings, r);
      setMessage({ ok: true, text: 'Settings saved.' });
    },
    onError: (e: Error) => setMessage({ ok: false, text: e.message }),
  });

  if (q.isPending) return <p>Loading settings…</p>;
  if (q.error) return <p className="alert error">{q.error.message}</p>;
  const s = q.data.settings;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    save.mutate({ minGroupSize: Number(f.get('minGroupSize')), execLayers: Number(f.get('execLayers')) });
  }

  return (
    <form className="card" onSubmit={onSubmit} key={`${s.minGroupSize}-${s.execLayers}`}>
      <h2>Organisation settings</h2>
      <div className="field">
        <label htmlFor="minGroupSize">
          Minimum group size{' '}
          <span className="hint">
            (3-10) — leaders and viewers see “{hiddenText({ minGroupSize: s.minGroupSize, reason: 'small' })}”
            instead of any figure over a smaller group, and “
            {hiddenText({ minGroupSize: s.minGroupSize, reason: 'complement' })}” where a smaller group could
            be derived from it
          </span>
        </label>
        <input
          id="minGroupSize"
          name="minGroupSize"
          type="number"
          min={3}
          max={10}
          defaultValue={s.minGroupSize}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="execLayers">
          Executive layers{' '}
          <span className="hint">(1-5) — managers in the top N layers count as executives</span>
        </label>
        <input
          id="execLayers"
          name="execLayers"
          type="number"
          min={1}
          max={5}
          defaultValue={s.execLayers}
          required
        />
      </div>
      <button type="submit" disabled={save.isPending}>
        Save settings
      </button>
      {message && (
        <p role="status" className={`alert ${message.ok ? 'ok' : 'error'}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}
