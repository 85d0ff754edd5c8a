import { FigureCards, type FigureCard } from '@/app/_components/ui/figure-cards';
import type { LadderGroup } from '@/lib/views/ladder-distribution';
import { formatCount, formatShare } from './format';

type Kpi = FigureCard;

/** The unit's ladder in figures: depth, ceiling, short ladder, top manager level, parity gap, senior IC share. */
export function LadderKpis({ summary }: { summary: LadderGroup }) {
  const m = summary.metrics;
  const kpis: Kpi[] = [
    {
      key: 'icLadderDepth',
      basis: 'declared',
      label: 'IC ladder depth',
      value: String(m.icLadderDepth),
      note: m.icLadderDepth === 1 ? 'level held by ICs' : 'levels held by ICs',
      definition: 'Number of distinct IC-track levels held by declared ICs.',
    },
    {
      key: 'icCeiling',
      label: 'IC ceiling',
      value: m.icCeiling ?? '—',
      note: m.shortLadder ? 'Short ladder' : m.shortLadder === false ? 'Not a short ladder' : undefined,
      definition:
        'The highest IC level held by a declared IC. Short ladder = ceiling at or below the 3rd IC level (two to three career steps).',
    },
    {
      key: 'topManagerLevel',
      label: 'Top manager level',
      value: summary.topManagerLevel ?? '—',
      definition: 'The highest level held by a declared manager.',
    },
    {
      key: 'parityGap',
      label: 'Parity gap',
      value: m.parityGap === null ? '—' : `${m.parityGap > 0 ? '+' : ''}${m.parityGap}`,
      note: m.parityGap === null ? undefined : `rung${Math.abs(m.parityGap) === 1 ? '' : 's'}`,
      definition:
        "IC-equivalent rank of the highest manager level minus the IC ceiling's rank. Positive = managers climb higher than ICs can.",
    },
    {
      key: 'seniorIcShare',
      basis: 'declared',
      label: 'Senior IC share',
      value: formatShare(m.seniorIcShare),
      definition: 'Declared ICs at Staff-equivalent level or above / all declared ICs.',
    },
    {
      key: 'tracks',
      label: 'ICs / managers',
      value: `${formatCount(summary.ics)} / ${formatCount(summary.managers)}`,
      basis: 'declared',
      definition: 'People on the IC track / people on the manager track.',
    },
  ];
  return <FigureCards label="Ladder figures" cards={kpis} />;
}
