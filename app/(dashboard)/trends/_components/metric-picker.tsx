'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { TrendMetricDef } from '@/lib/dal/dashboards/trends';
import styles from './trends.module.css';

export const DEFAULT_METRICS = [
  'headcount',
  'managers',
  'middleManagers',
  'depth',
  'managementLayers',
  'spanMedian',
];

const PRESETS: Array<{ label: string; keys: string[] | 'all' }> = [
  {
    label: 'Flattening',
    keys: ['middleManagers', 'managers', 'depth', 'managementLayers', 'managerRatio', 'icsPerManager'],
  },
  { label: 'Spans', keys: ['spanMean', 'spanMedian', 'spanP10', 'spanP90', 'narrowSpanShare'] },
  { label: 'Ladder', keys: ['seniorIcShare', 'icLadderDepth', 'parityGap'] },
  { label: 'All', keys: 'all' },
];

/** The chosen metrics, from ?metrics=a,b (unknown keys ignored), else the default set. */
export function useChosenMetrics(metrics: TrendMetricDef[]): [string[], (keys: string[]) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const known = new Set(metrics.map((m) => m.key));
  const raw = params.get('metrics');
  const chosen = raw === null ? DEFAULT_METRICS : raw.split(',').filter((k) => known.has(k));
  const set = (keys: string[]) => {
    const next = new URLSearchParams(params.toString());
    next.set(
      'metrics',
      metrics
        .map((m) => m.key)
        .filter((k) => keys.includes(k))
        .join(','),
    );
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  return [chosen, set];
}

/** Checkboxes per metric group plus presets; the choice lives in the URL so a view can be shared. */
export function MetricPicker({
  metrics,
  chosen,
  onChange,
}: {
  metrics: TrendMetricDef[];
  chosen: string[];
  onChange: (keys: string[]) => void;
}) {
  const groups = [...new Set(metrics.map((m) => m.group))];
  const toggle = (key: string, on: boolean) =>
    onChange(on ? [...chosen, key] : chosen.filter((k) => k !== key));
  return (
    <section className={`card ${styles.picker}`} aria-labelledby="metric-picker-h">
      <h2 id="metric-picker-h" className="visually-hidden">
        Metrics
      </h2>
      <div className={styles.presets} role="group" aria-label="Metric presets">
        <span className="muted">
          Showing {chosen.length} of {metrics.length} metrics. Presets:
        </span>
        {PRESETS.map((p) => (
          <button
            key={p.label}
            type="button"
            className="secondary"
            onClick={() => onChange(p.keys === 'all' ? metrics.map((m) => m.key) : p.keys)}
          >
            {p.label}
          </button>
        ))}
      </div>
      <details>
        <summary>Choose metrics</summary>
        <div className={styles.groups}>
          {groups.map((g) => (
            <fieldset key={g}>
              <legend>{g}</legend>
              {metrics
                .filter((m) => m.group === g)
                .map((m) => (
                  <label key={m.key} className={styles.check} title={m.definition}>
                    <input
                      type="checkbox"
                      checked={chosen.includes(m.key)}
                      onChange={(e) => toggle(m.key, e.target.checked)}
                    />
                    {m.label}
                  </label>
                ))}
            </fieldset>
          ))}
        </div>
      </details>
    </section>
  );
}
