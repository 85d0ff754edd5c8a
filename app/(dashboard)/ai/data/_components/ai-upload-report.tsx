'use client';

import { IssueList } from '@/app/_components/ui/issue-list';
import type { AiUploadView } from '@/lib/dal/ai-uploads';

/** The validation report of an AI upload: what each file was read as, what will be stored, how people join, every problem. */
export function AiUploadReport({ upload }: { upload: AiUploadView }) {
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
              <th scope="col" className="num">
                Pull requests
              </th>
              <th scope="col" className="num">
                Identity lines
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
                <td className="num">{f.pullRequests.toLocaleString('en')}</td>
                <td className="num">{f.identities.toLocaleString('en')}</td>
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
        {upload.pullRequests > 0 && (
          <li data-testid="ai-upload-prs">
            <strong>{upload.pullRequests.toLocaleString('en')}</strong> pull requests (
            {upload.mergedPullRequests.toLocaleString('en')} merged,{' '}
            {upload.aiAssistedPullRequests.toLocaleString('en')} AI-assisted)
          </li>
        )}
        {upload.identityLines > 0 && (
          <li>
            <strong>{upload.identityLines.toLocaleString('en')}</strong> identity-file line(s) (stored as
            mappings, like hand mappings)
          </li>
        )}
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
            <strong>{id.unmatchedTeams}</strong> team manager id(s) not in the org chart: their spend counts
            for the whole organisation only, their engineers and users in no figure
          </li>
        )}
      </ul>
      {id.unmatchedUsers > 0 && (
        <p className="muted">
          Identities that are not joined still import; they are left out of every figure but the
          organisation&apos;s AI spend (the share is shown beside each) until you map them in “Identities to
          review” below.
        </p>
      )}
      <IssueList
        issues={upload.issues}
        idPrefix="ai-"
        downloadHref={`/api/ai/uploads/${upload.id}/report`}
        testId="ai-issues-table"
        columnLabel="Field"
        maxHeight={360}
      />
    </section>
  );
}
