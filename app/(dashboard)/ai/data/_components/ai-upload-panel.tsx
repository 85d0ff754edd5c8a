'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AiImportResult } from '@/lib/dal/ai-imports';
import type { AiUploadView } from '@/lib/dal/ai-uploads';
import { fetchJson } from '@/lib/query/fetch-json';
import { ProgressBar } from '@/app/(dashboard)/data/_components/progress-bar';
import { FileDropZone, sendFiles } from '@/app/_components/ui/file-upload';
import { AiUploadReport } from './ai-upload-report';
import { orgHeaders } from '@/lib/query/org';

type Stage =
  | { kind: 'idle' }
  | { kind: 'uploading'; fraction: number }
  | { kind: 'review'; upload: AiUploadView }
  | { kind: 'committing'; upload: AiUploadView }
  | { kind: 'done'; result: AiImportResult };

/** Upload → validation report (formats, periods, how people join, every problem) → commit. */
export function AiUploadPanel() {
  const qc = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);

  async function upload() {
    setError(null);
    setStage({ kind: 'uploading', fraction: 0 });
    try {
      const view = await sendFiles<AiUploadView>('/api/ai/uploads', files, {}, (fraction) =>
        setStage({ kind: 'uploading', fraction }),
      );
      setStage({ kind: 'review', upload: view });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Upload failed.');
      setStage({ kind: 'idle' });
    }
  }

  async function commit(upload: AiUploadView) {
    setError(null);
    setStage({ kind: 'committing', upload });
    try {
      const r = await fetchJson<{ result: AiImportResult }>(`/api/ai/uploads/${upload.id}/commit`, {
        method: 'POST',
      });
      setStage({ kind: 'done', result: r.result });
      setFiles([]);
      void qc.invalidateQueries({ queryKey: ['ai'] });
      void qc.invalidateQueries({ queryKey: ['dashboard', 'ai'] });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Commit failed.');
      setStage({ kind: 'review', upload });
    }
  }

  async function cancel(upload: AiUploadView) {
    await fetch(`/api/ai/uploads/${upload.id}`, { method: 'DELETE', headers: orgHeaders() });
    setStage({ kind: 'idle' });
  }

  const picking = stage.kind === 'idle' || stage.kind === 'uploading' || stage.kind === 'done';
  return (
    <section className="card" aria-labelledby="ai-upload-h">
      <h2 id="ai-upload-h">Upload AI usage</h2>
      {picking && (
        <>
          <FileDropZone
            inputId="ai-upload-files"
            inputLabel="AI-usage files to upload"
            accept=".csv,.json,.ndjson,.jsonl,.txt"
            lead="Drop files here, or"
            files={files}
            onFilesChange={setFiles}
          >
            . GitHub Copilot usage-metrics reports (NDJSON or JSON, per user or organisation), the legacy
            /copilot/metrics and /copilot/usage JSON, seat listings, Cursor usage and spend exports, and the
            generic CSV (period_start, period_end, employee_id | github_login | team_manager_id, engineers,
            ai_active_users, suggestions, acceptances, lines_suggested, lines_accepted, prs_merged,
            ai_assisted_prs, ai_spend_usd).{' '}
            <span data-testid="ai-upload-delivery-help">
              Delivery data: GitHub pull requests as the REST API returns them (GET /repos/…/pulls?state=all,
              one JSON array per repository, or NDJSON; add GET /repos/…/commits for Co-authored-by trailers)
              or a CSV (repository, number, author_login, created, merged, closed, additions, deletions,
              labels, co_authors). Identity file: a CSV with employee_id and any of email, github_login or
              other tool ids, for people whose tool identity is not their work email.
            </span>
          </FileDropZone>
          <div className="form-row" style={{ marginTop: '0.75rem' }}>
            <button
              type="button"
              disabled={files.length === 0 || stage.kind === 'uploading'}
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
            <p role="status" className="alert ok" data-testid="ai-upload-done">
              Imported {stage.result.records.toLocaleString('en')} usage row(s) and{' '}
              {stage.result.seats.toLocaleString('en')} seat(s)
              {stage.result.periods.length ? ` for ${stage.result.periods.join(', ')}` : ''}:{' '}
              {stage.result.identities.matchedUsers} people joined, {stage.result.identities.unmatchedUsers}{' '}
              not joined
              {stage.result.replaced ? `; ${stage.result.replaced} row(s) of earlier imports replaced` : ''}
              {stage.result.billingSuperseded
                ? `; ${stage.result.billingSuperseded} monthly Copilot billing row(s) set aside: the daily billing CSV covers the same people and months, so it counts instead`
                : ''}
              {stage.result.pullRequests
                ? `; ${stage.result.pullRequests.toLocaleString('en')} pull request(s) (${stage.result.pullRequestsReplaced.toLocaleString('en')} replacing earlier copies)`
                : ''}
              {stage.result.identityMappings
                ? `; ${stage.result.identityMappings.toLocaleString('en')} identity mapping(s)`
                : ''}
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
      {(stage.kind === 'review' || stage.kind === 'committing') && (
        <>
          <AiUploadReport upload={stage.upload} />
          <div className="form-row">
            <button
              type="button"
              disabled={
                !stage.upload.ok ||
                stage.kind === 'committing' ||
                stage.upload.records +
                  stage.upload.seats +
                  stage.upload.pullRequests +
                  stage.upload.identityLines ===
                  0
              }
              onClick={() => commit(stage.upload)}
            >
              Import{' '}
              {[
                ...(stage.upload.records || stage.upload.pullRequests + stage.upload.identityLines === 0
                  ? [`${stage.upload.records.toLocaleString('en')} row(s)`]
                  : []),
                ...(stage.upload.seats ? [`${stage.upload.seats.toLocaleString('en')} seat(s)`] : []),
                ...(stage.upload.pullRequests
                  ? [`${stage.upload.pullRequests.toLocaleString('en')} pull request(s)`]
                  : []),
                ...(stage.upload.identityLines
                  ? [`${stage.upload.identityLines.toLocaleString('en')} identity line(s)`]
                  : []),
              ].join(', ')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={stage.kind === 'committing'}
              onClick={() => cancel(stage.upload)}
            >
              Cancel
            </button>
          </div>
          {stage.upload.ok &&
            stage.upload.records +
              stage.upload.seats +
              stage.upload.pullRequests +
              stage.upload.identityLines ===
              0 && (
              <p className="muted">
                Nothing to import: these files hold no usage, seat, pull-request or identity rows (the
                warnings say what to upload instead).
              </p>
            )}
          {!stage.upload.ok && (
            <p className="muted">
              Errors block the import; fix the files and upload again. Warnings do not block.
            </p>
          )}
          {stage.kind === 'committing' && (
            <ProgressBar label="Importing in one transaction" fraction={null} />
          )}
        </>
      )}
    </section>
  );
}
