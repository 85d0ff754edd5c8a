'use client';

import { useState } from 'react';
import { LOGICAL_FIELDS, type LogicalField } from '@/lib/ingest/types';
import { FIELD_LABELS, type UploadView } from './types';

type Mapping = Record<string, LogicalField | null>;

function initialMapping(upload: UploadView): Mapping {
  const m: Mapping = {};
  for (const f of upload.files) {
    if (!f.preview) continue;
    for (const h of f.preview.headers) if (h) m[h] = f.preview.suggestedMapping.mapping[h] ?? null;
  }
  return m;
}

/** Column → field mapping with a preview of the first rows; open by default when something is missing. */
export function MappingEditor({
  upload,
  busy,
  onApply,
}: {
  upload: UploadView;
  busy: boolean;
  onApply: (m: Mapping) => void;
}) {
  const [mapping, setMapping] = useState<Mapping>(() => initialMapping(upload));
  const problems = upload.files.some(
    (f) =>
      f.preview &&
      (f.preview.suggestedMapping.missing.length > 0 || f.preview.suggestedMapping.ambiguous.length > 0),
  );
  const saved = upload.files.filter((f) => f.savedMappingApplied).map((f) => f.name);
  return (
    <>
      {saved.length > 0 && (
        <p className="alert info">
          A mapping saved for files with these columns was applied ({saved.join(', ')}).
        </p>
      )}
      <details className="card mapping" open={problems}>
        <summary>
          <strong>Columns</strong>{' '}
          {problems ? (
            <span className="badge danger">needs your attention</span>
          ) : (
            <span className="badge ok">all required fields found</span>
          )}
        </summary>
        {upload.files.map((f) => (
          <div key={f.name}>
            <h3>
              {f.name}{' '}
              {f.preview && (
                <span className="muted">
                  — recognised as {f.preview.format}
                  {f.preview.encoding ? `, ${f.preview.encoding}` : ''}
                </span>
              )}
            </h3>
            {f.error && <p className="alert error">{f.error}</p>}
            {f.preview && f.preview.suggestedMapping.missing.length > 0 && (
              <p className="alert error">
                Required field{f.preview.suggestedMapping.missing.length > 1 ? 's' : ''} not found:{' '}
                {f.preview.suggestedMapping.missing.map((m) => FIELD_LABELS[m] ?? m).join(', ')}. Choose the
                column that holds {f.preview.suggestedMapping.missing.length > 1 ? 'them' : 'it'} below.
              </p>
            )}
            {f.preview?.suggestedMapping.ambiguous.map((a) => (
              <p key={a.field} className="alert info">
                Several columns look like {FIELD_LABELS[a.field] ?? a.field} ({a.headers.join(', ')}); “
                {a.headers[0]}” was chosen.
              </p>
            ))}
            {f.preview && (
              <div className="table-wrap" tabIndex={0}>
                <table className="data">
                  <caption className="visually-hidden">Column mapping and first rows of {f.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Column in file</th>
                      <th scope="col">Strata field</th>
                      {f.preview.firstRows.slice(0, 3).map((_, i) => (
                        <th scope="col" key={i}>
                          Row {i + 1}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {f.preview.headers.map((h, col) =>
                      h ? (
                        <tr key={`${h}-${col}`}>
                          <th scope="row">{h}</th>
                          <td>
                            <select
                              aria-label={`Field for column ${h}`}
                              value={mapping[h] ?? ''}
                              onChange={(e) =>
                                setMapping({
                                  ...mapping,
                                  [h]: (e.target.value || null) as LogicalField | null,
                                })
                              }
                            >
                              <option value="">(ignore)</option>
                              {LOGICAL_FIELDS.map((lf) => (
                                <option key={lf} value={lf}>
                                  {FIELD_LABELS[lf] ?? lf}
                                </option>
                              ))}
                            </select>
                          </td>
                          {f.preview?.firstRows.slice(0, 3).map((r, i) => (
                            <td key={i}>{r[col] ?? ''}</td>
                          ))}
                        </tr>
                      ) : null,
                    )}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        ))}
        <button type="button" disabled={busy} onClick={() => onApply(mapping)}>
          {busy ? 'Checking…' : 'Apply mapping and check again'}
        </button>
      </details>
    </>
  );
}
