import { FigureCards, type FigureCard } from '@/app/_components/ui/figure-cards';
import type { CeilingRiskDashboard, RiskGroup } from '@/lib/dal/dashboards/ceiling-risk';
import { isSuppressed } from '@/lib/query/suppressed';
import { hiddenCellText, hiddenText } from '@/lib/privacy/hidden-text';
import { formatCount, formatShare } from '../../ladder/_components/format';

type Kpi = FigureCard;

/** Headline figures: ICs, mean score, at the ceiling, high risk, leaver rates at the ceiling vs others. */
export function RiskKpis({ data, summary }: { data: CeilingRiskDashboard; summary: RiskGroup }) {
  const total = data.leaversTotal;
  const rate = (b: NonNullable<typeof total>['atCeiling'] | undefined) =>
    b === undefined ? '—' : isSuppressed(b) ? hiddenCellText(b) : formatShare(b.leaverRate);
  // A hidden side reads short in the figure ("26.3% vs <5"), and in words in the note.
  const hiddenNote = (b: NonNullable<typeof total>['atCeiling'] | undefined) =>
    b !== undefined && isSuppressed(b) ? [`${hiddenCellText(b)} = ${hiddenText(b, 'ICs')}`] : [];
  // A dash is never left unexplained: no second snapshot, or nobody on that side in any pair.
  const empty = (b: NonNullable<typeof total>['atCeiling'] | undefined, who: string) =>
    b !== undefined && !isSuppressed(b) && b.leaverRate === null ? [`— = no ICs ${who} in any pair`] : [];
  const leaverNote = total
    ? [
        'per snapshot, over the history',
        ...empty(total.atCeiling, 'at the ceiling'),
        ...empty(total.notAtCeiling, 'below the ceiling'),
        ...[...new Set([...hiddenNote(total.atCeiling), ...hiddenNote(total.notAtCeiling)])],
      ].join('; ')
    : 'needs two snapshots';
  const kpis: Kpi[] = [
    {
      key: 'ics',
      label: 'Declared ICs',
      value: formatCount(summary.ics),
      basis: 'declared',
      definition: 'People whose declared track is IC.',
    },
    {
      key: 'meanScore',
      label: 'Mean risk score',
      value: summary.meanScore === null ? '—' : summary.meanScore.toLocaleString('en'),
      note: 'out of 100',
      definition: 'Average IC-ceiling risk score (0-100) over declared ICs.',
    },
    {
      key: 'atCeiling',
      label: 'At the IC ceiling',
      value: formatCount(summary.atCeiling),
      note: `${formatShare(summary.shareAtCeiling)} of ICs`,
      definition: "ICs holding their department's highest IC level.",
    },
    {
      key: 'highRisk',
      label: 'High risk',
      value: formatCount(summary.highRisk),
      note: `score ${data.highRiskScore} or more`,
      definition: `ICs scoring at least ${data.highRiskScore}.`,
    },
    {
      key: 'leaverRate',
      label: 'Leaver rate: at ceiling vs others',
      value: `${rate(total?.atCeiling)} vs ${rate(total?.notAtCeiling)}`,
      note: leaverNote,
      definition:
        'Share of ICs who were gone by the next snapshot, for ICs at their department ceiling vs the other ICs, pooled over every pair of consecutive snapshots.',
    },
  ];
  return <FigureCards label="Ceiling-risk figures" cards={kpis} />;
}
