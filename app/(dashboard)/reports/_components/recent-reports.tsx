'use client';

import { SECTION_CATALOG } from '@/lib/export/report-sections';
import { Day } from '@/app/_components/ui/day';
import { formatDateTime } from '@/lib/dates';
import styles from './reports.module.css';
import { FORMAT_LABELS, type ReportJob } from './types';

/** An ISO day in the reader's locale; any other value ("latest", "previous") as it is. */
function dayOrText(value: string) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? <Day iso={value} /> : value;
}

function sizeLabel(bytes: number | null): string {
  if (bytes === null) return '';
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function scopeOf(r: ReportJob): string {
  if (r.summary.scopeLabel) return r.summary.scopeLabel;
  const s = r.params.scope;
  return s.kind === 'department'
    ? `Department ${s.department}`
    : s.kind === 'subtree'
      ? `Subtree of ${s.subtree}`
      : 'Your scope';
}

function contentOf(r: ReportJob): string {
  if (r.params.format === 'csv') {
    const t = SECTION_CATALOG.flatMap((s) => s.tables).find((x) => x.id === r.params.table);
    return t ? t.title : (r.params.table ?? '');
  }
  const titles =
    r.summary.sections ??
    r.params.sections.map((id) => SECTION_CATALOG.find((s) => s.id === id)?.title ?? id);
  return titles.join(', ');
}

/** An accessible progress bar for one report. */
function JobProgress({ job }: { job: ReportJob }) {
  const pct = Math.max(0, Math.min(100, job.progress));
  const label = job.status === 'queued' ? 'Waiting to start' : job.stage || 'Working';
  return (
    <div className="progress" role="status">
      <div className="progress-label">
        {label} — {pct}%
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={`Report ${job.id} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <div className="progress-fill" style={{ width: `${Math.max(pct, 3)}%` }} />
      </div>
    </div>
  );
}

/** The caller's recent reports with live progress and download links. */
export function RecentReports({ reports, highlight }: { reports: ReportJob[]; highlight: number | null }) {
  if (reports.length === 0)
    return <p className="muted">No reports yet. Generated reports appear here for download.</p>;
  return (
    <ul className={styles.list} aria-label="Recent reports" data-testid="recent-reports">
      {reports.map((r) => (
        <li
          key={r.id}
          className={styles.item}
          data-testid={`report-${r.id}`}
          aria-current={r.id === highlight ? 'true' : undefined}
        >
          <div>
            <div className={styles.itemTitle}>
              {FORMAT_LABELS[r.params.format]} · {scopeOf(r)}
            </div>
            <div className={styles.itemMeta}>
              Snapshot {dayOrText(r.summary.asOf ?? r.params.asOf ?? 'latest')}
              {r.params.compareTo ? <>, compared with {dayOrText(r.params.compareTo)}</> : ''} ·{' '}
              {contentOf(r)}
              {r.params.includePeople ? ' · with person-level pages' : ''}
            </div>
            <div className={styles.itemMeta}>
              Requested <span suppressHydrationWarning>{formatDateTime(r.createdAt)}</span>
            </div>
          </div>
          <div>
            {r.status === 'done' && r.unavailable ? (
              <span className="badge">Not available</span>
            ) : r.status === 'done' && r.filename ? (
              <a className="button" href={`/api/reports/${r.id}/file`} download={r.filename}>
                Download <span className="visually-hidden">{r.filename}</span>
                {r.bytes !== null ? ` (${sizeLabel(r.bytes)})` : ''}
              </a>
            ) : r.status === 'failed' ? (
              <span className="badge danger">Failed</span>
            ) : (
              <span className="badge">{r.status === 'queued' ? 'Queued' : 'Generating'}</span>
            )}
          </div>
          {(r.status === 'queued' || r.status === 'running') && (
            <div className={styles.itemStatus}>
              <JobProgress job={r} />
            </div>
          )}
          {r.status === 'done' && r.unavailable && (
            <p className={`error-text ${styles.itemStatus}`} style={{ margin: 0 }}>
              {r.unavailable}
            </p>
          )}
          {r.status === 'failed' && r.error && (
            <p className={`error-text ${styles.itemStatus}`} style={{ margin: 0 }}>
              {r.error}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
