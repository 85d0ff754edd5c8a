'use client';

import type { StructureDashboard } from '@/lib/dal/dashboards/structure';
import { PyramidChart } from '@/app/_components/charts/pyramid-chart';
import { ChartCard } from '@/app/_components/charts/chart-card';

type Pyramid = Exclude<StructureDashboard['pyramid'], { suppressed: true }>;

/** Headcount per layer split by managerial level (executive, manager of managers, manager of ICs, IC). */
export function PyramidCard({
  pyramid,
  asOf,
  fromUnitTop,
}: {
  pyramid: Pyramid;
  asOf: string;
  fromUnitTop: boolean;
}) {
  return (
    <ChartCard
      title="Pyramid by managerial level"
      definition={`Headcount per layer (${fromUnitTop ? 'layer 1 = the top of this subtree' : 'root = layer 1'}), split into executives (top layers, with reports), managers of managers, managers of ICs and ICs.`}
      rows={pyramid}
      filename={`pyramid-${asOf}`}
      columns={[
        { key: 'layer', label: 'Layer', value: (r) => r.layer, numeric: true },
        { key: 'headcount', label: 'Headcount', value: (r) => r.headcount, numeric: true },
        { key: 'executive', label: 'Executives', value: (r) => r.executive, numeric: true },
        {
          key: 'managerOfManagers',
          label: 'Managers of managers',
          value: (r) => r.managerOfManagers,
          numeric: true,
        },
        { key: 'managerOfIcs', label: 'Managers of ICs', value: (r) => r.managerOfIcs, numeric: true },
        { key: 'ics', label: 'ICs', value: (r) => r.ics, numeric: true },
      ]}
    >
      <PyramidChart
        data={pyramid.map((r) => ({ ...r, layer: `Layer ${r.layer}` }))}
        y="layer"
        series={[
          { key: 'executive', label: 'Executives' },
          { key: 'managerOfManagers', label: 'Managers of managers' },
          { key: 'managerOfIcs', label: 'Managers of ICs' },
          { key: 'ics', label: 'ICs' },
        ]}
        xLabel="People"
      />
    </ChartCard>
  );
}
