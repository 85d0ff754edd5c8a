import Link from 'next/link';

/** Grey placeholder blocks while data loads. */
export function Skeleton({ height = 220, label = 'Loading' }: { height?: number; label?: string }) {
  return (
    <div className="card skeleton" style={{ height }} role="status" aria-label={label}>
      <span className="visually-hidden">{label}…</span>
    </div>
  );
}

/** Shown where a group is smaller than the privacy floor. */
export function SuppressedNote({ minGroupSize }: { minGroupSize: number }) {
  return (
    <p className="suppressed" role="note">
      Fewer than {minGroupSize} people: figures for this group are hidden to protect privacy.
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
