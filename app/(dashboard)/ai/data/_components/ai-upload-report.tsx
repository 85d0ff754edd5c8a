'use client';

import { useState } from 'react';
import type { AiUploadView } from '@/lib/dal/ai-uploads';

/** The validation report of an AI upload: what each file was read as, what will be stored, how people join, every problem. */
export function AiUploadReport({ upload }: { upload: AiUploadView }) {
  const [filter, setFilter] = useState<'all' | 'error' | 'warning'>('all');
  const issues = upload.issues.filter((i) => filter === 'all' || i.severity === filter);
  const id = upload.identities;
  return (
    <section className="card" aria-labelledby="ai-report-h" data-testid="ai-upload-report">
      <h3 id="ai-report-h">
        Validation report{' '}
        {upload.ok ? (
          <span className="badge ok">ready to import</span>
        ) : (
          <span className="badge danger">{upload.errorCount} error(s) block the import</span>
        )}{' '}
        <span className="badge warn">{upload.warningCount} warning(s)</span>
      </h3>
      <div className="table-wrap" tabIndex={0}>
        <table className="data" data-testid="ai-upload-files">
          <caption className="visually-hidden">Files and what they were read as</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Read as</th>
              <th scope="col" className="num">
                Usage rows
              </th>
              <th scope="col" className="num">
                Seats
              </th>
            </tr>
          </thead>
          <tbody>
            {upload.files.map((f) => (
              <tr key={f.name}>
                <td>{f.name}</td>
                <td>{f.label ?? f.format ?? <span className="badge danger">not recognised</span>}</td>
                <td className="num">{f.usage.toLocaleString('en')}</td>
                <td className="num">{f.seats.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="stat-list">
        <li>
          <strong>{upload.records.toLocaleString('en')}</strong> usage rows
        </li>
        <li>
          <strong>{upload.seats.toLocaleString('en')}</strong> seats
        </li>
        <li>
          months: <strong>{upload.periods.join(', ') || 'none'}</strong>
        </li>
        <li>
          tools: <strong>{upload.tools.join(', ') || 'none'}</strong>
        </li>
        <li data-testid="ai-upload-matched">
          <strong>{id.matchedUsers}</strong> people joined to employees
        </li>
        <li data-testid="ai-upload-unmatched">
          <strong>{id.unmatchedUsers}</strong> identities not joined
          {id.ambiguousUsers ? ` (${id.ambiguousUsers} match several people)` : ''}
        </li>
        {id.unmatchedTeams > 0 && (
          <li>
            <strong>{id.unmatchedTeams}</strong> team manager id(s) not in the org chart
          </li>
        )}
      </ul>
      {id.unmatchedUsers > 0 && (
        <p className="muted">
          Identities that are not joined still import; they are left out of every figure (the share is shown
          beside each) until you map them in “Identities to review” below.
        </p>
      )}
      <div className="form-row">
        <div className="field">
          <label htmlFor="ai-issue-filter">Show</label>
          <select
            id="ai-issue-filter"
            value={filter}
            onChange={(e) => setFilter(e.target.value as typeof filter)}
          >
            <option value="all">errors and warnings</option>
            <option value="error">errors only</option>
            <option value="warning">warnings only</option>
          </select>
        </div>
        <a className="button secondary" href={`/api/ai/uploads/${upload.id}/report`} download>
          Download report (CSV)
        </a>
      </div>
      {issues.length === 0 ? (
        <p>No problems found.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} style={{ maxHeight: 360, overflowY: 'auto' }}>
          <table className="data" data-testid="ai-issues-table">
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">File</th>
                <th scope="col" className="num">
                  Row
                </th>
                <th scope="col">Field</th>
                <th scope="col">Problem</th>
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
                  <td>{i.file ?? ''}</td>
                  <td className="num">{i.row ?? ''}</td>
                  <td>{i.column ?? ''}</td>
                  <td>{i.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
