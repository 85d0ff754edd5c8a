'use client';

import type { UploadView } from './types';

const signed = (n: number) => (n > 0 ? `+${n.toLocaleString()}` : n.toLocaleString());

/**
 * Dates this organisation already holds (SPEC "Organisations"): the difference the upload makes
 * (headcount, managers, people who joined, left or changed) and a box to tick before the commit
 * stores a new version. The version now current is kept.
 */
export function ReuploadNotice({
  upload,
  confirmed,
  onConfirm,
}: {
  upload: UploadView;
  confirmed: boolean;
  onConfirm: (yes: boolean) => void;
}) {
  const diffs = upload.reuploads ?? [];
  if (diffs.length === 0) return null;
  return (
    <section className="alert warn" aria-labelledby="reupload-h" data-testid="reupload-notice">
      <h3 id="reupload-h">
        {diffs.length === 1 ? 'This date is' : 'These dates are'} already in this organisation
      </h3>
      <ul>
        {diffs.map((d) => (
          <li key={d.asOf}>
            <strong>{d.asOf}</strong> (version {d.currentVersion} now): headcount{' '}
            {d.headcount.before.toLocaleString()} → {d.headcount.after.toLocaleString()} (
            {signed(d.headcount.after - d.headcount.before)}), managers {d.managers.before} →{' '}
            {d.managers.after}; {d.joined} joined, {d.left} left, {d.changed} changed manager, title, level or
            department
            {d.examples.changed.length > 0 && (
              <span className="muted"> (e.g. {d.examples.changed.join(', ')})</span>
            )}
            .
          </li>
        ))}
      </ul>
      <div className="field checkbox">
        <input
          id="reupload-confirm"
          type="checkbox"
          checked={confirmed}
          onChange={(e) => onConfirm(e.target.checked)}
        />
        <label htmlFor="reupload-confirm">
          Store this as a new version (the current version is kept in the history)
        </label>
      </div>
    </section>
  );
}
