'use client';

import { useState } from 'react';
import type { UploadView } from './types';

const STAT_LABELS: Array<[string, string]> = [
  ['rows', 'rows'],
  ['people', 'people'],
  ['vacant', 'vacant posts'],
  ['eliminated', 'eliminated (dropped)'],
  ['aggregatedFte', 'junior staff FTE (aggregated)'],
  ['roots', 'roots'],
  ['orphans', 'orphans'],
  ['duplicates', 'duplicate ids'],
  ['selfReports', 'self-reports'],
];

/** The validation report: per snapshot, what was found, then every error and warning with row numbers. */
export function ValidationReport({ upload }: { upload: UploadView }) {
  const [filter, setFilter] = useState<'all' | 'error' | 'warning'>('all');
  const { report } = upload;
  const issues = [
    ...report.fileIssues.map((i) => ({ ...i, snapshot: '' })),
    ...report.snapshots.flatMap((s) => s.issues.map((i) => ({ ...i, snapshot: s.asOf }))),
  ].filter((i) => filter === 'all' || i.severity === filter);
  const errors =
    report.fileIssues.filter((i) => i.severity === 'error').length +
    report.snapshots.reduce((s, x) => s + x.errorCount, 0);
  const warnings =
    report.fileIssues.filter((i) => i.severity === 'warning').length +
    report.snapshots.reduce((s, x) => s + x.warningCount, 0);

  return (
    <section className="card" aria-labelledby="report-h">
      <h3 id="report-h">
        Validation report{' '}
        {report.ok ? (
          <span className="badge ok">ready to commit</span>
        ) : (
          <span className="badge danger">{errors} error(s) block the import</span>
        )}{' '}
        <span className="badge warn">{warnings} warning(s)</span>
      </h3>
      {report.snapshots.map((s) => (
        <div key={s.asOf}>
          <p>
            <strong>Snapshot {s.asOf}</strong>
            {s.label ? ` (label “${s.label}”)` : ''} from {s.sourceFiles.join(' + ')} — {s.format}
            {s.duplicatePolicy === 'keep-first' ? ', keeping the first row of each duplicated id' : ''}
          </p>
          <ul className="stat-list">
            {STAT_LABELS.map(([k, label]) => {
              const v = (s.stats as unknown as Record<string, number>)[k];
              return v ? (
                <li key={k}>
                  <strong>{v.toLocaleString()}</strong> {label}
                </li>
              ) : null;
            })}
          </ul>
        </div>
      ))}
      <div className="form-row">
        <div className="field">
          <label htmlFor="issue-filter">Show</label>
          <select
            id="issue-filter"
            value={filter}
            onChange={(e) => setFilter(e.target.value as typeof filter)}
          >
            <option value="all">errors and warnings</option>
            <option value="error">errors only</option>
            <option value="warning">warnings only</option>
          </select>
        </div>
        <a className="button secondary" href={`/api/data/uploads/${upload.id}/report`} download>
          Download report (CSV)
        </a>
      </div>
      {issues.length === 0 ? (
        <p>No problems found.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} style={{ maxHeight: 420, overflowY: 'auto' }}>
          <table className="data" data-testid="issues-table">
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Snapshot</th>
                <th scope="col">File</th>
                <th scope="col" className="num">
                  Row
                </th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
                <th scope="col">Ids</th>
              </tr>
            </thead>
            <tbody>
              {issues.slice(0, 1000).map((i, k) => (
                <tr key={k}>
                  <td>
                    <span className={`badge ${i.severity === 'error' ? 'danger' : 'warn'}`}>
                      {i.severity}
                    </span>
                  </td>
                  <td>{i.snapshot}</td>
                  <td>{i.file ?? ''}</td>
                  <td className="num">{i.row ?? ''}</td>
                  <td>{i.column ?? ''}</td>
                  <td>{i.message}</td>
                  <td>{(i.ids ?? []).slice(0, 12).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
