import type { CeilingRiskDashboard } from '@/lib/dal/dashboards/ceiling-risk';
import { isSuppressed } from '@/lib/query/suppressed';
import { ChartCard } from '@/app/_components/charts/chart-card';
import { SimpleLineChart } from '@/app/_components/charts/line-chart';
import { SuppressedNote } from '@/app/_components/ui/states';

type Row = {
  from: string;
  asOf: string;
  atIcs: number | null;
  atLeavers: number | null;
  atRatePct: number | null;
  otherIcs: number | null;
  otherLeavers: number | null;
  otherRatePct: number | null;
};

const pct = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);

/** Leavers among ICs at the ceiling vs the other ICs, per pair of consecutive snapshots. */
export function LeaversCard({ data }: { data: CeilingRiskDashboard }) {
  if (isSuppressed(data.leavers)) return <SuppressedNote marker={data.leavers} />;
  const rows: Row[] = data.leavers.map((l) => {
    const at = isSuppressed(l.atCeiling) ? null : l.atCeiling;
    const other = isSuppressed(l.notAtCeiling) ? null : l.notAtCeiling;
    return {
      from: l.from,
      asOf: l.asOf,
      atIcs: at?.ics ?? null,
      atLeavers: at?.leavers ?? null,
      atRatePct: pct(at?.leaverRate ?? null),
      otherIcs: other?.ics ?? null,
      otherLeavers: other?.leavers ?? null,
      otherRatePct: pct(other?.leaverRate ?? null),
    };
  });
  const hidden = data.leavers.some((l) => isSuppressed(l.atCeiling) || isSuppressed(l.notAtCeiling));
  return (
    <>
      <ChartCard
        title="Leavers: at the ceiling vs other ICs"
        definition="Of the declared ICs in the earlier snapshot of each pair, the share gone by the later one: ICs who held their department's IC ceiling vs all other ICs (in %)."
        rows={rows}
        filename={`ceiling-leavers-${data.asOf}`}
        columns={[
          { key: 'from', label: 'From', value: (r) => r.from },
          { key: 'asOf', label: 'To (as of)', value: (r) => r.asOf },
          { key: 'atIcs', label: 'ICs at ceiling', value: (r) => r.atIcs, numeric: true },
          { key: 'atLeavers', label: 'Left (at ceiling)', value: (r) => r.atLeavers, numeric: true },
          { key: 'atRatePct', label: 'Leaver rate at ceiling (%)', value: (r) => r.atRatePct, numeric: true },
          { key: 'otherIcs', label: 'Other ICs', value: (r) => r.otherIcs, numeric: true },
          { key: 'otherLeavers', label: 'Left (others)', value: (r) => r.otherLeavers, numeric: true },
          {
            key: 'otherRatePct',
            label: 'Leaver rate others (%)',
            value: (r) => r.otherRatePct,
            numeric: true,
          },
        ]}
      >
        {rows.length === 0 ? (
          <p className="muted">Leavers need at least two snapshots.</p>
        ) : (
          <SimpleLineChart
            data={rows}
            series={[
              { key: 'atRatePct', label: 'At the ceiling (% left)' },
              { key: 'otherRatePct', label: 'Other ICs (% left)' },
            ]}
          />
        )}
      </ChartCard>
      {hidden && (
        <p className="suppressed" role="note">
          Gaps in the chart: a group under the privacy minimum in that snapshot is not drawn.
        </p>
      )}
    </>
  );
}
