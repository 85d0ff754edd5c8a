import type { ReportBlock } from '@/lib/export/report-model';

/**
 * The flattening trend as two small multiples, each on its own axis from zero: managers and middle
 * managers (one unit, people who manage) beside headcount. One chart with headcount on a right
 * axis read as if the lines crossed (issue #16: one axis per chart, as on the dashboards). Pure.
 */
export function flatteningCharts(
  categories: string[],
  values: { middleManagers: number[]; managers: number[]; headcount: number[] },
  title = 'Flattening trend',
): ReportBlock {
  return {
    kind: 'chart-pair',
    charts: [
      {
        kind: 'line',
        title: `${title}: managers`,
        categoryLabel: 'Snapshot (as of)',
        valueLabel: 'Managers',
        categories,
        series: [
          { label: 'Middle managers', values: values.middleManagers },
          { label: 'Managers', values: values.managers },
        ],
      },
      {
        kind: 'line',
        title: `${title}: headcount`,
        categoryLabel: 'Snapshot (as of)',
        valueLabel: 'People',
        categories,
        series: [{ label: 'Headcount', values: values.headcount }],
      },
    ],
  };
}
