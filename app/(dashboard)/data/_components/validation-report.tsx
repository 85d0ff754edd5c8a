'use client';

import { IssueList } from '@/app/_components/ui/issue-list';
import type { UploadView } from './types';

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
  const issues = [
    ...report.fileIssues.map((i) => ({ ...i, snapshot: '' })),
    ...report.snapshots.flatMap((s) => s.issues.map((i) => ({ ...i, snapshot: s.asOf }))),
  ];
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
