import type { AiKpi } from '@/lib/dal/dashboards/ai';
import { DefinitionIcon } from '@/app/_components/ui/figure-cards';
import { formatValue } from '@/app/_components/charts/value-format';
import styles from './ai.module.css';
import { UnmatchedNote } from './unmatched-note';

function change(k: AiKpi): string | null {
  if (k.value === null || k.previous === null) return null;
  const d = k.value - k.previous;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const abs = Math.abs(d);
  if (k.format === 'percent') return `${sign}${(abs * 100).toFixed(1)} pts vs previous month`;
  return `${sign}${formatValue(abs, k.format)} vs previous month`;
}

/** AI figures for the period, each with its definition, change vs the previous month and the unmatched share. */
export function AiKpiCards({ kpis, canManage }: { kpis: AiKpi[]; canManage: boolean }) {
  return (
    <ul
      className={`kpis ${styles.kpiGrid}`}
      aria-label="AI figures for the period"
      style={{ listStyle: 'none', padding: 0 }}
    >
      {kpis.map((k) => (
        <li key={k.key} className="kpi" data-testid={`ai-kpi-${k.key}`}>
          <div className="kpi-label">
            <span>{k.label}</span>
            <DefinitionIcon definition={k.definition} />
          </div>
          <div className="kpi-value" data-testid={`ai-kpi-${k.key}-value`}>
            {formatValue(k.value, k.format)}
          </div>
          <div className="kpi-delta">
            {k.value === null ? 'not in the data for this period' : (change(k) ?? ' ')}
          </div>
          <UnmatchedNote share={k.unmatchedShare} canManage={canManage} compact />
        </li>
      ))}
    </ul>
  );
}
