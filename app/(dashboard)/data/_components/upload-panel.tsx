'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { MappingEditor } from './mapping-editor';
import { ProgressBar } from './progress-bar';
import type { CommitEvent, UploadView } from './types';
import { FileDropZone } from '@/app/_components/ui/file-upload';
import { streamCommit, sendUpload } from './upload-request';
import { ValidationReport } from './validation-report';
import { orgHeaders } from '@/lib/query/org';
import { OrgField } from './org-field';
import { blockingReasons, ResolutionChoices } from './resolution-choices';
import { VersionDiffs } from './version-diff';
import { formatDay } from '@/lib/dates';

type Stage =
  | { kind: 'idle' }
  | { kind: 'uploading'; fraction: number }
  | { kind: 'review'; upload: UploadView; busy: boolean }
  | { kind: 'committing'; upload: UploadView; event: CommitEvent | null }
  | { kind: 'done'; event: Extract<CommitEvent, { type: 'done' }> };

const PHASES: Record<string, string> = {
  validating: 'Checking the files again',
  storing: 'Storing people',
  metrics: 'Computing metrics',
  committing: 'Committing',
  done: 'Done',
};

/** Upload → map columns → validation report → commit, with progress at each step. */
export function UploadPanel() {
  const qc = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [asOf, setAsOf] = useState('');
  const [org, setOrg] = useState('');
  const [skipDuplicates, setSkipDuplicates] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  // Re-uploaded dates: the user ticks that a new version may be stored (reset with each upload).
  const [confirmed, setConfirmed] = useState(false);

  async function upload() {
    setError(null);
    setStage({ kind: 'uploading', fraction: 0 });
    try {
      const view = await sendUpload(
        files,
        { asOf, skipDuplicates: String(skipDuplicates), org },
        (fraction) => setStage({ kind: 'uploading', fraction }),
      );
      setConfirmed(false);
      setStage({ kind: 'review', upload: view, busy: false });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Upload failed.');
      setStage({ kind: 'idle' });
    }
  }

  async function revalidate(upload: UploadView, patch: Partial<UploadView['options']>) {
    // Optimistic: the controls show the choice at once while the server checks again.
    setStage({ kind: 'review', upload: { ...upload, options: { ...upload.options, ...patch } }, busy: true });
    setError(null);
    try {
      const options = { ...upload.options, ...patch };
      const r = await fetchJson<{ upload: UploadView }>(`/api/data/uploads/${upload.id}`, {
        method: 'PUT',
        body: JSON.stringify(options),
      });
      setStage({ kind: 'review', upload: r.upload, busy: false });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Validation failed.');
      setStage({ kind: 'review', upload, busy: false });
    }
  }

  function choose(upload: UploadView, code: string, action: string | null) {
    const resolutions: Record<string, string> = { ...(upload.options.resolutions ?? {}) };
    if (action === null) delete resolutions[code];
    else resolutions[code] = action;
    // The first form's keep-first tick stands for duplicate-id=keep-first; a choice here replaces it.
    const skipDuplicates = code === 'duplicate-id' ? false : upload.options.skipDuplicates;
    void revalidate(upload, {
      resolutions: resolutions as UploadView['options']['resolutions'],
      skipDuplicates,
    });
  }

  async function commit(upload: UploadView, valid = false) {
    setStage({ kind: 'committing', upload, event: null });
    await streamCommit(upload.id, { valid }, (event) => {
      if (event.type === 'done') {
        setStage({ kind: 'done', event });
        setFiles([]);
        void qc.invalidateQueries({ queryKey: queryKeys.snapshots });
      } else if (event.type === 'error') {
        setError(event.message);
        setStage({ kind: 'review', upload, busy: false });
      } else setStage({ kind: 'committing', upload, event });
    });
  }

  async function cancel(upload: UploadView) {
    await fetch(`/api/data/uploads/${upload.id}`, { method: 'DELETE', headers: orgHeaders() });
    setStage({ kind: 'idle' });
  }

  const review = stage.kind === 'review' ? stage : null;

  return (
    <section className="card" aria-labelledby="upload-h">
      <h2 id="upload-h">Upload an org snapshot</h2>
      {(stage.kind === 'idle' || stage.kind === 'uploading' || stage.kind === 'done') && (
        <>
          <div className="form-row" style={{ marginBottom: '0.75rem' }}>
            <OrgField value={org} onChange={setOrg} />
          </div>
          <FileDropZone
            inputId="upload-files"
            inputLabel="Files to upload"
            accept=".csv,.txt,.tsv,.xlsx"
            lead="Drop CSV or XLSX files here, or"
            files={files}
            onFilesChange={setFiles}
          >
            . HRIS exports, org-chart tool CSVs, draw.io org charts and UK government organograms (senior and
            junior files together) are recognised automatically.
          </FileDropZone>
          <div className="form-row" style={{ marginTop: '0.75rem' }}>
            <div className="field">
              <label htmlFor="upload-asof">
                As-of date{' '}
                <span className="hint">(when the file has no date column or date in its name)</span>
              </label>
              <input id="upload-asof" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
            </div>
            <div className="field checkbox">
              <input
                id="upload-skipdup"
                type="checkbox"
                checked={skipDuplicates}
                onChange={(e) => setSkipDuplicates(e.target.checked)}
              />
              <label htmlFor="upload-skipdup">Keep the first row of each duplicated id</label>
            </div>
            <button
              type="button"
              disabled={files.length === 0 || stage.kind === 'uploading' || org.trim() === ''}
              onClick={upload}
            >
              Upload and check
            </button>
          </div>
          {stage.kind === 'uploading' && (
            <ProgressBar
              label={stage.fraction < 1 ? 'Uploading' : 'Reading and checking the files'}
              fraction={stage.fraction < 1 ? stage.fraction : null}
            />
          )}
          {stage.kind === 'done' && (
            <p role="status" className="alert ok">
              Imported{' '}
              {stage.event.snapshots
                .map(
                  (s) =>
                    `${formatDay(s.asOf)} (${s.headcount.toLocaleString()} people${s.replacedVersion ? `, version ${s.version} replaces ${s.replacedVersion}` : ''})`,
                )
                .join(', ')}
              .
            </p>
          )}
        </>
      )}
      {error && (
        <p role="alert" className="alert error">
          {error}
        </p>
      )}
      {review && (
        <>
          <MappingEditor
            upload={review.upload}
            busy={review.busy}
            onApply={(mapping) => revalidate(review.upload, { mapping })}
          />
          <ResolutionChoices
            upload={review.upload}
            busy={review.busy}
            onChoose={(code, action) => choose(review.upload, code, action)}
          />
          <ValidationReport upload={review.upload} />
          <VersionDiffs
            upload={review.upload}
            org={review.upload.options.org ?? org}
            confirmed={confirmed}
            onConfirm={setConfirmed}
          />
          <CommitControls
            upload={review.upload}
            busy={review.busy}
            confirmed={confirmed}
            onAsOf={(asOf) => void revalidate(review.upload, { asOf })}
            onCommit={(valid) => void commit(review.upload, valid)}
            onCancel={() => void cancel(review.upload)}
          />
        </>
      )}
      {stage.kind === 'committing' && (
        <ProgressBar
          label={`${PHASES[stage.event?.type === 'progress' ? stage.event.phase : 'validating'] ?? 'Working'}${
            stage.event?.type === 'progress' && stage.event.of > 0
              ? ` — snapshot ${stage.event.snapshot} of ${stage.event.of}${stage.event.asOf ? ` (${stage.event.asOf})` : ''}`
              : ''
          }`}
          fraction={
            stage.event?.type === 'progress' && stage.event.of > 0
              ? (stage.event.snapshot - 0.5) / stage.event.of
              : null
          }
        />
      )}
    </section>
  );
}

/**
 * The as-of field and the commit buttons: all snapshots when none has an error; otherwise, for a
 * multi-snapshot upload, the snapshots without errors (the others listed with why), in one transaction.
 */
function CommitControls({
  upload,
  busy,
  confirmed,
  onAsOf,
  onCommit,
  onCancel,
}: {
  upload: UploadView;
  busy: boolean;
  confirmed: boolean;
  onAsOf: (asOf: string | undefined) => void;
  onCommit: (valid: boolean) => void;
  onCancel: () => void;
}) {
  const { report } = upload;
  const n = report.snapshots.length;
  const valid = report.snapshots.filter((s) => s.errorCount === 0);
  const fileErrors = report.fileIssues.some((i) => i.severity === 'error');
  const partial = !report.ok && !fileErrors && n > 1 && valid.length > 0;
  const needsTick = (snaps: typeof report.snapshots) => snaps.some((s) => s.existing) && !confirmed;
  const s = (k: number) => (k === 1 ? '' : 's');
  return (
    <>
      {partial && (
        <div className="alert warn" data-testid="partial-commit">
          <p>
            {valid.length} of {n} snapshots have no errors and can be committed now; the others stay out until
            their errors are resolved:
          </p>
          <ul className="snapshot-status">
            {report.snapshots
              .filter((x) => x.errorCount > 0)
              .map((x) => (
                <li key={x.asOf}>
                  <strong>{formatDay(x.asOf)}</strong>
                  {x.label ? ` (“${x.label}”)` : ''}: {blockingReasons(x)}
                </li>
              ))}
          </ul>
        </div>
      )}
      <div className="form-row">
        <div className="field">
          <label htmlFor="review-asof">As-of date</label>
          <input
            id="review-asof"
            type="date"
            defaultValue={upload.options.asOf ?? ''}
            onBlur={(e) => {
              if ((e.target.value || undefined) !== upload.options.asOf) onAsOf(e.target.value || undefined);
            }}
          />
        </div>
        <button
          type="button"
          disabled={!report.ok || busy || needsTick(report.snapshots)}
          onClick={() => onCommit(false)}
        >
          Commit {n} snapshot{s(n)}
        </button>
        {partial && (
          <button type="button" disabled={busy || needsTick(valid)} onClick={() => onCommit(true)}>
            Commit the {valid.length} snapshot{s(valid.length)} without errors
          </button>
        )}
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {!report.ok && (
        <p className="muted">
          Errors block the import: choose a resolution for each kind above, or fix the file or the mapping.
          Warnings do not block.
        </p>
      )}
      {report.snapshots.some((x) => x.existing) && !confirmed && (
        <p className="muted">Tick “Store a new version” above to commit a date that is already stored.</p>
      )}
    </>
  );
}
