/**
 * Where every chart's legend goes: under the plot, centred, wrapping onto as many lines as it needs.
 * No fixed height, so recharts measures the legend and shrinks the plot to make room (a fixed
 * 28 px legend on top overlapped the plot once it wrapped on a phone). The top padding clears an
 * x-axis title drawn under the ticks. Items keep the order the series are drawn in (recharts sorts
 * them by name otherwise: "ICs" before "Managers of managers" under a pyramid stacked the other way).
 */
export const LEGEND_BELOW = {
  itemSorter: null,
  verticalAlign: 'bottom',
  align: 'center',
  wrapperStyle: { paddingTop: 24, lineHeight: '1.4' },
} as const;
