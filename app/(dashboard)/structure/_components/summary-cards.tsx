import { counted } from '@/lib/plural';
import { FigureCards, type FigureCard } from '@/app/_components/ui/figure-cards';
import type { StructureSummary } from '@/lib/dal/dashboards/structure';

type Fmt = 'int' | 'decimal' | 'percent';
const fmt = (v: number | null, f: Fmt) =>
  v === null
    ? '—'
    : f === 'percent'
      ? `${(v * 100).toFixed(1)}%`
      : v.toLocaleString('en', { maximumFractionDigits: f === 'int' ? 1 : 2 });

/** The unit's structure figures as a strip of cards, each with its SPEC definition. */
export function SummaryCards({ s }: { s: StructureSummary }) {
  const cards: FigureCard[] = [
    {
      key: 'headcount',
      label: s.juniorFte === undefined ? 'Headcount' : 'Senior posts (headcount)',
      value: fmt(s.headcount, 'int'),
      definition:
        s.juniorFte === undefined
          ? 'Filled people; vacant positions excluded.'
          : 'Filled person-level rows (senior posts), one each; vacant posts and junior staff FTE excluded.',
    },
    ...(s.juniorFte === undefined
      ? []
      : [
          {
            key: 'juniorFte',
            label: 'Junior staff (FTE)',
            value: fmt(s.juniorFte, 'int'),
            definition:
              'Full-time equivalents of the junior staff given per reporting senior post. FTE, not people: not in headcount, spans or layers.',
            note: `total ${fmt(s.totalFte ?? null, 'int')} FTE with the senior posts`,
          },
        ]),
    {
      key: 'managers',
      basis: 'structural',
      label: 'Managers',
      value: fmt(s.managers, 'int'),
      definition: 'People with at least one direct report.',
      note: counted(s.ics, 'IC'),
    },
    {
      key: 'managerRatio',
      basis: 'structural',
      label: 'Manager ratio',
      value: fmt(s.managerRatio, 'percent'),
      definition: 'Managers / headcount.',
    },
    {
      key: 'icsPerManager',
      basis: 'structural',
      label: 'ICs per manager',
      value: fmt(s.icsPerManager, 'decimal'),
      definition: 'Individual contributors / managers.',
    },
    {
      key: 'spanMedian',
      label: 'Median span',
      value: fmt(s.span.median, 'decimal'),
      definition: 'Median direct reports over managers (linear interpolation); mean, p10 and p90 below.',
      note: `mean ${fmt(s.span.mean, 'decimal')} · p10 ${fmt(s.span.p10, 'decimal')} · p90 ${fmt(s.span.p90, 'decimal')}`,
    },
    {
      key: 'depth',
      label: 'Layers (depth)',
      value: fmt(s.depth, 'int'),
      definition:
        'Largest layer: root = 1, each report one layer below their manager. Management layers contain at least one manager.',
      note: `${fmt(s.managementLayers, 'int')} management layers`,
    },
    {
      key: 'middleManagers',
      basis: 'structural',
      label: 'Middle managers',
      value: fmt(s.middleManagers, 'int'),
      definition: 'Managers of managers below the executive layers.',
      note: `${fmt(s.managerialLevels.executive, 'int')} executives · ${fmt(s.managerialLevels.managerOfIcs, 'int')} managers of ICs`,
    },
    {
      key: 'openPositions',
      label: 'Open positions',
      value: fmt(s.openPositions, 'int'),
      definition: 'Vacant posts in the file (not headcount).',
    },
  ];
  return <FigureCards label="Structure figures" cards={cards} />;
}
