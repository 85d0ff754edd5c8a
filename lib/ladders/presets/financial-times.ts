/**
 * Financial Times engineering progression (shared/data/career-ladders/financial-times-...):
 * a shared trunk junior -> engineer -> senior-1 that forks at senior-2 into an individual
 * contributor and a people-manager branch, topped by tech-director. Older files spell the ids
 * without hyphens (senior1, senior2); normalisation makes those the same codes.
 */
import type { Ladder } from '@/lib/ladders/types';
import { level } from '@/lib/ladders/presets/build';

export const FINANCIAL_TIMES_LADDER: Ladder = {
  id: 'financial-times',
  name: 'Financial Times engineering',
  description:
    'Junior, Engineer, Senior 1, then Senior 2 / Principal as IC or people manager, then Technology Director.',
  staffRank: 4,
  tracks: [
    {
      kind: 'shared',
      name: 'Engineering trunk',
      levels: [
        level('junior', 'Junior Engineer', 1),
        level('engineer', 'Engineer', 2),
        level('senior-1', 'Senior Engineer 1', 3),
      ],
    },
    {
      kind: 'ic',
      name: 'Individual contributor',
      levels: [
        level('senior-2-ic', 'Senior Engineer 2 (Individual Contributor)', 4, [
          'senior-2',
          'Senior Engineer 2',
        ]),
        level('principal-ic', 'Principal Engineer (Individual Contributor)', 5, [
          'principal',
          'Principal Engineer',
        ]),
      ],
    },
    {
      kind: 'manager',
      name: 'People manager',
      levels: [
        level('senior-2-pm', 'Senior Engineer 2 (People Manager)', 4),
        level('principal-pm', 'Principal Engineer (People Manager)', 5),
        level('tech-director', 'Technology Director', 6, ['Tech Director']),
      ],
    },
  ],
  titleRules: [
    { words: ['senior', 'engineer', '2', 'people', 'manager'], code: 'senior-2-pm' },
    { words: ['principal', 'people', 'manager'], code: 'principal-pm' },
    { words: ['technology', 'director'], code: 'tech-director' },
    { words: ['principal'], code: 'principal-ic' },
    { words: ['senior', 'engineer', '2'], code: 'senior-2-ic' },
    { words: ['senior', 'engineer', '1'], code: 'senior-1' },
    { words: ['junior'], code: 'junior' },
  ],
};
