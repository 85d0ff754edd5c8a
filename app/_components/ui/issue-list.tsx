'use client';

import { useState } from 'react';

/** One problem of an upload's validation report, as the upload pages show it. */
export interface IssueRow {
  severity: 'error' | 'warning';
  message: string;
  file?: string;
  row?: number;
  column?: string;
  ids?: string[];
  /** the snapshot (as-of date) the problem belongs to; '' for file-level problems. */
  snapshot?: string;
}

/**
 * Every error and warning of an upload with a severity filter and the CSV download of the full
 * report: the org upload and the AI upload show the same list. The first 1,000 rows are shown.
 */
export function IssueList({
  issues,
  idPrefix,
  downloadHref,
  testId,
  columnLabel = 'Column',
  withSnapshot = false,
  withIds = false,
  maxHeight = 420,
}: {
  issues: readonly IssueRow[];
  idPrefix: string;
  downloadHref: string;
  testId: string;
  columnLabel?: string;
  withSnapshot?: boolean;
  withIds?: boolean;
  maxHeight?: number;
}) {
  const [filter, setFilter] = useState<'all' | 'error' | 'warning'>('all');
  const shown = issues.filter((i) => filter === 'all' || i.severity === filter);
  const filterId = `${idPrefix}issue-filter`;
  return (
    <>
      <div className="form-row">
        <div className="field">
          <label htmlFor={filterId}>Show</label>
          <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value as typeof filter)}>
            <option value="all">errors and warnings</option>
            <option value="error">errors only</option>
            <option value="warning">warnings only</option>
          </select>
        </div>
        <a className="button secondary" href={downloadHref} download>
          Download report (CSV)
        </a>
      </div>
      {shown.length === 0 ? (
        <p>No problems found.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} style={{ maxHeight, overflowY: 'auto' }}>
          <table className="data" data-testid={testId}>
            <thead>
              <tr>
                <th scope="col">Severity</th>
                {withSnapshot && <th scope="col">Snapshot</th>}
                <th scope="col">File</th>
                <th scope="col" className="num">
                  Row
                </th>
                <th scope="col">{columnLabel}</th>
                <th scope="col">Problem</th>
                {withIds && <th scope="col">Ids</th>}
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, 1000).map((i, k) => (
                <tr key={k}>
                  <td>
                    <span className={`badge ${i.severity === 'error' ? 'danger' : 'warn'}`}>
                      {i.severity}
                    </span>
                  </td>
                  {withSnapshot && <td>{i.snapshot ?? ''}</td>}
                  <td>{i.file ?? ''}</td>
                  <td className="num">{i.row ?? ''}</td>
                  <td>{i.column ?? ''}</td>
                  <td>{i.message}</td>
                  {withIds && <td>{(i.ids ?? []).slice(0, 12).join(', ')}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
