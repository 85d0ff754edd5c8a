import { FigureCards } from '@/app/_components/ui/figure-cards';
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
    <FigureCards
      label="Key figures"
      cards={kpis.map((k) => ({
        key: k.key,
        label: k.label,
        definition: k.definition,
        basis: k.basis,
        value: fmt(k.value, k.format),
        note: (
          <>
            vs previous: {delta(k.changeVsPrevious, k.format)}
            <br />
            vs peak{k.peak !== null ? ` (${fmt(k.peak, k.format)})` : ''}: {delta(k.changeVsPeak, k.format)}
          </>
        ),
      }))}
    />
  );
}
