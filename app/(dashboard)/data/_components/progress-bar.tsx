/** An accessible progress bar; fraction null = indeterminate (working, size unknown). */
export function ProgressBar({ label, fraction }: { label: string; fraction: number | null }) {
  const pct = fraction === null ? undefined : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div className="progress" role="status">
      <div className="progress-label">
        {label}
        {pct !== undefined ? ` — ${pct}%` : '…'}
      </div>
      <div
        className={`progress-track${pct === undefined ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <div className="progress-fill" style={{ width: pct === undefined ? '30%' : `${pct}%` }} />
      </div>
    </div>
  );
}
