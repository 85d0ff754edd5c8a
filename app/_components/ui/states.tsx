import Link from 'next/link';
import { hiddenNote, type HiddenNoun } from '@/lib/privacy/hidden-text';
import type { SuppressReason } from '@/lib/query/suppressed';

/** Grey placeholder blocks while data loads. */
export function Skeleton({ height = 220, label = 'Loading' }: { height?: number; label?: string }) {
  return (
    <div className="card skeleton" style={{ height }} role="status" aria-label={label}>
      <span className="visually-hidden">{label}…</span>
    </div>
  );
}

/** Shown where the privacy floor hides a group's figures, saying why (lib/privacy/hidden-text.ts). */
export function SuppressedNote({
  marker,
  noun,
}: {
  marker: { minGroupSize: number; reason?: SuppressReason };
  noun?: HiddenNoun;
}) {
  return (
    <p className="suppressed" role="note">
      {hiddenNote(marker, noun)}
    </p>
  );
}

/** No data yet: hr and admin are led to the upload page. */
export function EmptyState({ canUpload, message }: { canUpload: boolean; message?: string }) {
  return (
    <div className="card empty">
      <h2>No org data yet</h2>
      <p>{message ?? 'Dashboards appear once an org snapshot has been imported.'}</p>
      {canUpload ? (
        <Link className="button" href="/data">
          Upload an org export
        </Link>
      ) : (
        <p className="muted">Ask your HR team or an administrator to upload one.</p>
      )}
    </div>
  );
}

/** An API error (404 outside scope, 422 bad filter, 403 suppressed) as a readable card. */
export function ErrorCard({ message }: { message: string }) {
  return (
    <div className="card alert error" role="alert">
      {message}
    </div>
  );
}
