/**
 * Dropbox engineering career framework (shared/data/career-ladders/dropbox-dbx-career-framework):
 * IC1-IC7 and M3-M7. Dropbox numbers the two ladders on one scale (M3 = IC3 ... M7 = IC7), so
 * rank = the number. Title prefixes change at IC5 (Staff), IC6 (Principal), IC7 ("Sr. Principal").
 */
import type { Ladder } from '@/lib/ladders/types';
import { buildTitleRules } from '@/lib/ladders/title-rules';
import { level } from '@/lib/ladders/presets/build';

export const DROPBOX_LADDER: Ladder = {
  id: 'dropbox',
  name: 'Dropbox (IC1-IC7, M3-M7)',
  description: 'Dropbox engineering career framework; M-levels share the IC numbering.',
  staffRank: 5,
  tracks: [
    {
      kind: 'ic',
      name: 'Individual contributor',
      levels: [
        level('IC1', 'Software Engineer', 1),
        level('IC2', 'Software Engineer', 2),
        level('IC3', 'Software Engineer', 3),
        level('IC4', 'Software Engineer', 4),
        level('IC5', 'Staff Software Engineer', 5),
        level('IC6', 'Principal Software Engineer', 6),
        level('IC7', 'Sr. Principal Software Engineer', 7),
      ],
    },
    {
      kind: 'manager',
      name: 'Manager',
      levels: [
        level('M3', 'Engineering Manager', 3),
        level('M4', 'Engineering Manager', 4),
        level('M5', 'Senior Engineering Manager', 5),
        level('M6', 'Engineering Director', 6),
        level('M7', 'Senior Engineering Director', 7),
      ],
    },
  ],
  titleRules: buildTitleRules({
    seniorDirector: 'M7',
    director: 'M6',
    seniorManager: 'M5',
    manager: 'M3',
    seniorPrincipal: 'IC7',
    principal: 'IC6',
    staff: 'IC5',
  }),
};
