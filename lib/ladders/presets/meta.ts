/**
 * Meta-style E3-E9 for engineers with the manager ladder M1, M2, D1, D2, VP beside them.
 * IC equivalents follow Meta's own pairing: M1 = E6, M2 = E7, D1 = E8, D2 = E9; M0 (a rare
 * first-line step) = E5. Staff (E6) is the senior-IC threshold.
 */
import type { Ladder } from '@/lib/ladders/types';
import { buildTitleRules } from '@/lib/ladders/title-rules';
import { level } from '@/lib/ladders/presets/build';

export const META_LADDER: Ladder = {
  id: 'meta',
  name: 'Meta-style (E3-E9)',
  description: 'Engineers E3-E9; managers M0-M2, directors D1-D2 and VP at their E-equivalents.',
  staffRank: 6,
  tracks: [
    {
      kind: 'ic',
      name: 'Engineer',
      levels: [
        level('E3', 'Software Engineer', 3, ['IC3']),
        level('E4', 'Software Engineer', 4, ['IC4']),
        level('E5', 'Senior Software Engineer', 5, ['IC5']),
        level('E6', 'Staff Software Engineer', 6, ['IC6']),
        level('E7', 'Senior Staff Software Engineer', 7, ['IC7']),
        level('E8', 'Principal Engineer', 8, ['IC8']),
        level('E9', 'Distinguished Engineer', 9, ['IC9']),
      ],
    },
    {
      kind: 'manager',
      name: 'Manager',
      levels: [
        level('M0', 'Engineering Manager (new)', 5),
        level('M1', 'Engineering Manager', 6),
        level('M2', 'Senior Engineering Manager', 7),
        level('D1', 'Director of Engineering', 8),
        level('D2', 'Senior Director of Engineering', 9),
        level('VP', 'Vice President', 10),
      ],
    },
  ],
  titleRules: buildTitleRules({
    chief: 'VP',
    svp: 'VP',
    vp: 'VP',
    seniorDirector: 'D2',
    director: 'D1',
    head: 'M2',
    seniorManager: 'M2',
    manager: 'M1',
    teamLead: 'M1',
    fellow: 'E9',
    distinguished: 'E9',
    seniorPrincipal: 'E9',
    principal: 'E8',
    seniorStaff: 'E7',
    staff: 'E6',
    senior: 'E5',
    lead: 'E5',
    junior: 'E3',
    mid: 'E4',
  }),
};
