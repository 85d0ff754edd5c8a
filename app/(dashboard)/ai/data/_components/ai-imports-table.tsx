'use client';

import { formatDateTime } from '@/lib/dates';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AiImportDto } from '@/lib/dal/ai-imports';
import { fetchJson } from '@/lib/query/fetch-json';
import { orgHeaders } from '@/lib/query/org';

const KEY = ['ai', 'imports'] as const;

/** Committed AI imports (rows still in force after later imports replaced some), with delete. */
export function AiImportsTable() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: KEY,
    queryFn: () => fetchJson<{ imports: AiImportDto[] }>('/api/ai/imports'),
  });
  const del = useMutation({
    mutationFn: (id: number) => fetch(`/api/ai/imports/${id}`, { method: 'DELETE', headers: orgHeaders() }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['ai'] });
      void qc.invalidateQueries({ queryKey: ['dashboard', 'ai'] });
    },
  });
  return (
    <section className="card" aria-labelledby="ai-imports-h">
      <h2 id="ai-imports-h">AI imports</h2>
      {q.isPending && <p>Loading…</p>}
      {q.error && <p className="alert error">{q.error.message}</p>}
      {q.data && q.data.imports.length === 0 && <p>No AI usage imported yet.</p>}
      {q.data && q.data.imports.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data" data-testid="ai-imports-table">
            <thead>
              <tr>
                <th scope="col">Files</th>
                <th scope="col">Months</th>
                <th scope="col" className="num">
                  Usage rows
                </th>
                <th scope="col" className="num">
                  Seats
                </th>
                <th scope="col">Uploaded by</th>
                <th scope="col">Uploaded</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {q.data.imports.map((i) => (
                <tr key={i.id}>
                  <td>
                    {i.files.length > 3
                      ? `${i.files.length} files: ${i.files[0]?.name ?? ''} … ${i.files[i.files.length - 1]?.name ?? ''}`
                      : i.files.map((f) => f.name).join(', ')}
                  </td>
                  <td>
                    {i.periods.length > 3
                      ? `${i.periods[0]} … ${i.periods[i.periods.length - 1]}`
                      : i.periods.join(', ')}
                  </td>
                  <td className="num">{i.usageRows.toLocaleString('en')}</td>
                  <td className="num">{i.seatRows.toLocaleString('en')}</td>
                  <td>{i.uploadedBy}</td>
                  <td>{formatDateTime(i.uploadedAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="danger"
                      disabled={del.isPending}
                      onClick={() => {
                        if (
                          window.confirm(
                            `Delete this import (${i.usageRows} usage rows, ${i.seatRows} seats)?`,
                          )
                        )
                          del.mutate(i.id);
                      }}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
