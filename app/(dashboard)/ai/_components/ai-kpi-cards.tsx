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

/**
 * AI figures for the period, each with its definition and change vs the previous month. The
 * unmatched share is said once, above the cards, and only when some AI-active user is left out.
 */
export function AiKpiCards({ kpis, canManage }: { kpis: AiKpi[]; canManage: boolean }) {
  const shares = kpis.map((k) => k.unmatchedShare).filter((v): v is number => v !== null && v > 0);
  const unmatched = shares.length ? Math.max(...shares) : null;
  return (
    <>
      {unmatched !== null && <UnmatchedNote share={unmatched} canManage={canManage} />}
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
            {k.unit && (
              <div className="kpi-basis" data-testid={`ai-kpi-${k.key}-unit`}>
                {k.unit}
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
