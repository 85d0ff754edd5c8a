'use client';

import { IssueList } from '@/app/_components/ui/issue-list';
import type { UploadView } from './types';
import { formatDay } from '@/lib/dates';

const STAT_LABELS: Array<[string, string]> = [
  ['rows', 'rows'],
  ['people', 'people'],
  ['vacant', 'vacant posts'],
  ['eliminated', 'eliminated (dropped)'],
  ['aggregatedFte', 'junior staff FTE (aggregated)'],
  ['roots', 'roots'],
  ['orphans', 'orphans'],
  ['juniorOrphans', 'junior rows whose reporting post is absent (their FTE counts at the top)'],
  ['duplicates', 'duplicate ids'],
  ['selfReports', 'self-reports'],
];

/** The validation report: per snapshot, what was found, then every error and warning with row numbers. */
export function ValidationReport({ upload }: { upload: UploadView }) {
  const { report } = upload;
  // Errors of every snapshot before any warning (each snapshot's list is already errors first).
  const issues = [
    ...report.fileIssues.map((i) => ({ ...i, snapshot: '' })),
    ...report.snapshots.flatMap((s) => s.issues.map((i) => ({ ...i, snapshot: formatDay(s.asOf) }))),
  ].sort((a, b) => Number(a.severity !== 'error') - Number(b.severity !== 'error'));
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
            <strong>Snapshot {formatDay(s.asOf)}</strong>
            {s.label ? ` (label “${s.label}”)` : ''} from {s.sourceFiles.join(' + ')} — {s.format}
            {report.snapshots.length > 1 &&
              (s.errorCount > 0 ? (
                <>
                  {' '}
                  <span className="badge danger">
                    {s.errorCount} error{s.errorCount === 1 ? '' : 's'}
                  </span>
                </>
              ) : (
                <>
                  {' '}
                  <span className="badge ok">no errors</span>
                </>
              ))}
            {Object.keys(s.resolutions).length > 0 && (
              <>
                <br />
                <span className="muted">
                  Resolutions recorded with it:{' '}
                  {Object.entries(s.resolutions)
                    .map(([code, action]) => `${code}=${action}`)
                    .join(', ')}
                </span>
              </>
            )}
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
      <IssueList
        issues={issues}
        idPrefix=""
        downloadHref={`/api/data/uploads/${upload.id}/report`}
        testId="issues-table"
        withSnapshot
        withIds
      />
    </section>
  );
}
