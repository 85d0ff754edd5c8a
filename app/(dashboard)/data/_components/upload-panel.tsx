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

  async function upload() {
    setError(null);
    setStage({ kind: 'uploading', fraction: 0 });
    try {
      const view = await sendUpload(
        files,
        { asOf, skipDuplicates: String(skipDuplicates), org },
        (fraction) => setStage({ kind: 'uploading', fraction }),
      );
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

  async function commit(upload: UploadView) {
    setStage({ kind: 'committing', upload, event: null });
    await streamCommit(upload.id, (event) => {
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
                    `${s.asOf} (${s.headcount.toLocaleString()} people${s.replacedVersion ? `, version ${s.version} replaces ${s.replacedVersion}` : ''})`,
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
          <ValidationReport upload={review.upload} />
          <div className="form-row">
            <div className="field">
              <label htmlFor="review-asof">As-of date</label>
              <input
                id="review-asof"
                type="date"
                defaultValue={review.upload.options.asOf ?? ''}
                onBlur={(e) => {
                  if ((e.target.value || undefined) !== review.upload.options.asOf)
                    void revalidate(review.upload, { asOf: e.target.value || undefined });
                }}
              />
            </div>
            <div className="field checkbox">
              <input
                id="review-skipdup"
                type="checkbox"
                checked={!!review.upload.options.skipDuplicates}
                disabled={review.busy}
                onChange={(e) => void revalidate(review.upload, { skipDuplicates: e.target.checked })}
              />
              <label htmlFor="review-skipdup">Keep the first row of each duplicated id</label>
            </div>
            <button
              type="button"
              disabled={!review.upload.report.ok || review.busy}
              onClick={() => commit(review.upload)}
            >
              Commit {review.upload.report.snapshots.length} snapshot
              {review.upload.report.snapshots.length === 1 ? '' : 's'}
            </button>
            <button type="button" className="secondary" onClick={() => cancel(review.upload)}>
              Cancel
            </button>
          </div>
          {!review.upload.report.ok && (
            <p className="muted">
              Errors block the import; fix the file or the mapping, then check again. Warnings do not block.
            </p>
          )}
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
