import type { Kpi } from '@/lib/dal/dashboards/overview';

function fmt(v: number | null, format: Kpi['format']): string {
  if (v === null) return '—';
  if (format === 'percent') return `${(v * 100).toFixed(1)}%`;
  if (format === 'decimal') return v.toLocaleString('en', { maximumFractionDigits: 2 });
  return v.toLocaleString('en', { maximumFractionDigits: 1 });
}

function delta(v: number | null, format: Kpi['format']): string {
  if (v === null) return 'n/a';
  const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
  const abs = Math.abs(v);
  return `${sign}${format === 'percent' ? `${(abs * 100).toFixed(1)} pts` : abs.toLocaleString('en', { maximumFractionDigits: 2 })}`;
}

/** KPI cards: value, change vs the previous snapshot and vs the peak of earlier snapshots. */
export function KpiCards({ kpis }: { kpis: Kpi[] }) {
  return (
    <ul className="kpis" aria-label="Key figures" style={{ listStyle: 'none', padding: 0 }}>
      {kpis.map((k) => (
        <li key={k.key} className="kpi" data-testid={`kpi-${k.key}`}>
          <div className="kpi-label">
            <span>{k.label}</span>
            <span
              className="info"
              tabIndex={0}
              role="img"
              aria-label={`Definition: ${k.definition}`}
              title={k.definition}
            >
              i
            </span>
          </div>
          <div className="kpi-value" data-testid={`kpi-${k.key}-value`}>
            {fmt(k.value, k.format)}
          </div>
          <div className="kpi-delta">
            vs previous: {delta(k.changeVsPrevious, k.format)}
            <br />
            vs peak{k.peak !== null ? ` (${fmt(k.peak, k.format)})` : ''}: {delta(k.changeVsPeak, k.format)}
          </div>
        </li>
      ))}
    </ul>
  );
}
