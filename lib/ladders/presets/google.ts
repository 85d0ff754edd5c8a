/**
 * Google-style L3-L10. L-levels are shared by engineers and managers (an L6 can be a Staff
 * engineer or a manager), so the level leaves the track to the track column or the structure;
 * titles still declare one. Staff (L6) is the senior-IC threshold.
 */
import type { Ladder } from '@/lib/ladders/types';
import { buildTitleRules } from '@/lib/ladders/title-rules';
import { level } from '@/lib/ladders/presets/build';

export const GOOGLE_LADDER: Ladder = {
  id: 'google',
  name: 'Google-style (L3-L10)',
  description: 'Shared L-levels for engineers and managers: L3 entry to L10 Fellow / VP.',
  staffRank: 6,
  tracks: [
    {
      kind: 'shared',
      name: 'L-levels',
      levels: [
        level('L3', 'Software Engineer II', 3, ['Level 3', 'T3']),
        level('L4', 'Software Engineer III', 4, ['Level 4', 'T4']),
        level('L5', 'Senior Software Engineer', 5, ['Level 5', 'T5']),
        level('L6', 'Staff Software Engineer', 6, ['Level 6', 'T6']),
        level('L7', 'Senior Staff Software Engineer', 7, ['Level 7', 'T7']),
        level('L8', 'Principal Engineer', 8, ['Level 8', 'T8']),
        level('L9', 'Distinguished Engineer', 9, ['Level 9', 'T9']),
        level('L10', 'Google Fellow', 10, ['Level 10', 'T10', 'Fellow']),
      ],
    },
  ],
  titleRules: buildTitleRules({
    chief: 'L10',
    svp: 'L10',
    vp: 'L10',
    seniorDirector: 'L9',
    director: 'L8',
    head: 'L7',
    seniorManager: 'L7',
    manager: 'L6',
    teamLead: 'L6',
    fellow: 'L10',
    distinguished: 'L9',
    seniorPrincipal: 'L9',
    principal: 'L8',
    seniorStaff: 'L7',
    staff: 'L6',
    senior: 'L5',
    lead: 'L5',
    junior: 'L3',
    mid: 'L3',
  }),
};
