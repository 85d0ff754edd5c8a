import type { LadderDashboard } from '@/lib/dal/dashboards/ladder';
import { isSuppressed } from '@/lib/query/suppressed';
import { hiddenText } from '@/lib/privacy/hidden-text';
import { SimpleBarChart } from '@/app/_components/charts/bar-chart';
import { ChartCard } from '@/app/_components/charts/chart-card';
import { SuppressedNote } from '@/app/_components/ui/states';

type Row = {
  asOf: string;
  from: string;
  icToManager: number | null;
  managerToIc: number | null;
  note: string;
};

/** IC -> manager and manager -> IC moves between consecutive snapshots. */
export function MovesCard({ data }: { data: LadderDashboard }) {
  if (isSuppressed(data.moves)) return <SuppressedNote marker={data.moves} />;
  const rows: Row[] = data.moves.map((m) => ({
    asOf: m.asOf,
    from: m.from,
    icToManager: isSuppressed(m.values) ? null : m.values.icToManager,
    managerToIc: isSuppressed(m.values) ? null : m.values.managerToIc,
    note: isSuppressed(m.values) ? hiddenText(m.values) : '',
  }));
  return (
    <ChartCard
      title="IC ↔ manager moves"
      definition="People whose declared track changed between consecutive snapshots: IC → manager track, and manager → IC track. Counted in the later snapshot, for people in this unit then."
      rows={rows}
      filename={`track-moves-${data.asOf}`}
      columns={[
        { key: 'from', label: 'From', value: (r) => r.from },
        { key: 'asOf', label: 'To (as of)', value: (r) => r.asOf },
        { key: 'icToManager', label: 'IC → manager', value: (r) => r.icToManager, numeric: true },
        { key: 'managerToIc', label: 'Manager → IC', value: (r) => r.managerToIc, numeric: true },
        { key: 'note', label: 'Note', value: (r) => r.note },
      ]}
    >
      {rows.length === 0 ? (
        <p className="muted">Track moves need at least two snapshots.</p>
      ) : (
        <SimpleBarChart
          data={rows}
          x="asOf"
          series={[
            { key: 'icToManager', label: 'IC → manager' },
            { key: 'managerToIc', label: 'Manager → IC' },
          ]}
          yLabel="People"
        />
      )}
    </ChartCard>
  );
}
