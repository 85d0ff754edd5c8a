'use client';

import { useState } from 'react';
import type { StructureDashboard } from '@/lib/dal/dashboards/structure';
import type { SpanHistogramRow } from '@/lib/metrics/span-histogram';
import { seriesColor } from '@/lib/palette';
import { ChartCard } from '@/app/_components/charts/chart-card';
import { SpanHistogramChart, type ReferenceBand } from '@/app/_components/charts/span-histogram';
import styles from './structure.module.css';

type Archetypes = Exclude<StructureDashboard['archetypes'], { suppressed: true }>;
type Bands = Exclude<StructureDashboard['bands'], { suppressed: true }>;

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** SPEC span bands: share of managers in 1 | 2-3 | 4-7 | 8-12 | 13-16 | 17+. */
export function SpanBandsCard({ bands, asOf }: { bands: Bands; asOf: string }) {
  const data = bands.map((b) => ({
    span: b.band,
    value: b.share === null ? 0 : Math.round(b.share * 1000) / 10,
  }));
  return (
    <ChartCard
      title="Span bands"
      definition="Share of managers whose span (direct reports) falls in each band: 1 | 2-3 | 4-7 | 8-12 | 13-16 | 17+."
      rows={bands}
      filename={`span-bands-${asOf}`}
      columns={[
        { key: 'band', label: 'Span band', value: (r) => r.band },
        { key: 'managers', label: 'Managers', value: (r) => r.managers, numeric: true },
        {
          key: 'share',
          label: 'Share of managers (%)',
          value: (r) => (r.share === null ? null : Math.round(r.share * 10000) / 100),
          numeric: true,
        },
      ]}
    >
      <SpanHistogramChart
        data={data}
        xLabel="Direct reports"
        yLabel="% of managers"
        valueLabel="% of managers"
        everyTick
      />
    </ChartCard>
  );
}

const ARCHETYPE_COLORS = [1, 2, 3, 4, 5];

/** Which McKinsey archetype a histogram bucket sits in (for the table and CSV when bands are shown). */
function archetypeOf(row: SpanHistogramRow, archetypes: Archetypes): string {
  const a = archetypes.bands.find((b) => row.min >= b.min && (b.max === null || row.min <= b.max));
  return a ? a.label : '';
}

/** Spans histogram with optional McKinsey manager-archetype reference bands (toggle). */
export function SpanHistogramCard({
  histogram,
  archetypes,
  asOf,
}: {
  histogram: SpanHistogramRow[];
  archetypes: Archetypes;
  asOf: string;
}) {
  const [show, setShow] = useState(false);
  const last = histogram[histogram.length - 1]?.span ?? '1';
  const refBands: ReferenceBand[] = archetypes.bands
    .filter((b) => b.key !== 'below')
    .map((b, k) => {
      const from = histogram.find((h) => h.min >= b.min)?.span ?? last;
      const max = b.max;
      const to = max === null ? last : (histogram.find((h) => h.max !== null && h.max >= max)?.span ?? last);
      return { key: b.key, label: b.label, from, to, fill: seriesColor(ARCHETYPE_COLORS[k] ?? 1) };
    });
  return (
    <ChartCard
      title="Spans histogram"
      definition="Managers by span of control (person-level direct reports; junior staff given as FTE are not direct reports)."
      rows={histogram}
      filename={`spans-histogram-${asOf}`}
      columns={[
        { key: 'span', label: 'Direct reports', value: (r) => r.span },
        { key: 'managers', label: 'Managers', value: (r) => r.managers, numeric: true },
        ...(show
          ? [
              {
                key: 'archetype',
                label: 'McKinsey archetype',
                value: (r: SpanHistogramRow) => archetypeOf(r, archetypes),
              },
            ]
          : []),
      ]}
      actions={
        <button
          type="button"
          className={`secondary ${styles.toggle}`}
          aria-pressed={show}
          onClick={() => setShow((s) => !s)}
          title="Shade McKinsey's manager archetypes behind the bars"
        >
          McKinsey bands
        </button>
      }
      footer={
        show && (
          <div className={styles.refLegend} data-testid="archetype-legend">
            <ul aria-label="McKinsey manager archetypes: share of managers in each">
              {archetypes.bands.map((b) => {
                const i = refBands.findIndex((r) => r.key === b.key);
                return (
                  <li key={b.key}>
                    <span
                      className={styles.swatch}
                      style={{ background: i >= 0 ? refBands[i]?.fill : 'transparent' }}
                      aria-hidden="true"
                    />
                    {b.label} ({b.published}): <strong>{pct(b.share)}</strong>
                  </li>
                );
              })}
            </ul>
            <p className={styles.source}>
              Reference ranges, not targets. Source: {archetypes.source}. Coordinator is counted from 16 so
              every manager falls in one band.
            </p>
          </div>
        )
      }
    >
      <SpanHistogramChart
        data={histogram.map((h) => ({ span: h.span, value: h.managers }))}
        bands={show ? refBands : []}
      />
    </ChartCard>
  );
}
