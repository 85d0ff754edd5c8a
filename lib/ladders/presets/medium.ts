/**
 * Medium's "Snowflake" framework (shared/data/career-ladders/medium-snowflake): eight titles on
 * one points scale, where IC and manager titles share bands - Senior Engineer / Group Lead,
 * Staff Engineer / Senior Group Lead, Principal Engineer / Director of Engineering.
 */
import type { Ladder } from '@/lib/ladders/types';
import { level } from '@/lib/ladders/presets/build';

export const MEDIUM_LADDER: Ladder = {
  id: 'medium',
  name: 'Medium Snowflake',
  description: 'Engineer I to Principal Engineer; Group Lead to Director of Engineering at matching bands.',
  staffRank: 4,
  tracks: [
    {
      kind: 'ic',
      name: 'Engineer',
      levels: [
        level('Engineer I', 'Engineer I', 1, ['1.1', '1.2', '1.3']),
        level('Engineer II', 'Engineer II', 2, ['2.1', '2.2', '2.3']),
        level('Senior Engineer', 'Senior Engineer', 3, ['3.1', '3.2', '3.3']),
        level('Staff Engineer', 'Staff Engineer', 4, ['4.1', '4.2', '4.3']),
        level('Principal Engineer', 'Principal Engineer', 5, ['5.1', '5.2', '5.3']),
      ],
    },
    {
      kind: 'manager',
      name: 'Manager',
      levels: [
        level('Group Lead', 'Group Lead', 3),
        level('Senior Group Lead', 'Senior Group Lead', 4),
        level('Director of Engineering', 'Director of Engineering', 5),
      ],
    },
  ],
  titleRules: [
    { words: ['senior', 'group', 'lead'], code: 'Senior Group Lead' },
    { words: ['group', 'lead'], code: 'Group Lead' },
    { words: ['director'], code: 'Director of Engineering' },
    { words: ['principal'], code: 'Principal Engineer' },
    { words: ['staff'], code: 'Staff Engineer' },
    { words: ['senior'], code: 'Senior Engineer' },
    { words: ['engineer', 'ii'], code: 'Engineer II' },
    { words: ['engineer', 'i'], code: 'Engineer I' },
  ],
};
