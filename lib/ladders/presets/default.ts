/**
 * Strata's default ladder: IC1-IC8 and M1-M6 (SPEC "Ladder").
 * IC-equivalent mapping, chosen so the top of both tracks meet and the usual parity pairs line up:
 *   M1 Engineering Manager = IC3 Senior        M4 Senior Director = IC6 Senior Principal
 *   M2 Senior Eng. Manager = IC4 Staff         M5 VP              = IC7 Distinguished
 *   M3 Director            = IC5 Principal     M6 SVP / C-level   = IC8 Fellow
 * Why: a first-line manager is normally hired from (and paid like) a senior engineer; Staff sits
 * beside a manager of managers, Principal beside a Director, Distinguished beside a VP - the pairs
 * public frameworks use (Dropbox numbers M3 with IC3; Medium puts Staff with Senior Group Lead and
 * Principal with Director). Staff (IC4) is the senior-IC threshold, as SPEC says.
 */
import type { Ladder } from '@/lib/ladders/types';
import { buildTitleRules } from '@/lib/ladders/title-rules';
import { level } from '@/lib/ladders/presets/build';

export const DEFAULT_LADDER: Ladder = {
  id: 'default',
  name: 'Strata default (IC1-IC8, M1-M6)',
  description: 'Eight IC levels and six manager levels; M1 sits at IC3, M6 at IC8.',
  staffRank: 4,
  tracks: [
    {
      kind: 'ic',
      name: 'Individual contributor',
      levels: [
        level('IC1', 'Junior Engineer', 1, ['Junior', 'Associate', 'Entry level']),
        level('IC2', 'Engineer', 2, ['Mid', 'Intermediate', 'Mid-level']),
        level('IC3', 'Senior Engineer', 3, ['Senior']),
        level('IC4', 'Staff Engineer', 4, ['Staff']),
        level('IC5', 'Principal Engineer', 5, ['Principal', 'Senior Staff', 'Senior Staff Engineer']),
        level('IC6', 'Senior Principal Engineer', 6, ['Senior Principal']),
        level('IC7', 'Distinguished Engineer', 7, ['Distinguished']),
        level('IC8', 'Fellow', 8, ['Engineering Fellow']),
      ],
    },
    {
      kind: 'manager',
      name: 'Manager',
      levels: [
        level('M1', 'Engineering Manager', 3, ['Manager', 'EM']),
        level('M2', 'Senior Engineering Manager', 4, ['Senior Manager', 'SEM']),
        level('M3', 'Director', 5, ['Director of Engineering', 'Engineering Director']),
        level('M4', 'Senior Director', 6, ['Senior Engineering Director']),
        level('M5', 'Vice President', 7, ['VP', 'VP Engineering']),
        level('M6', 'Senior Vice President', 8, ['SVP', 'EVP', 'CTO', 'Chief Technology Officer', 'C-level']),
      ],
    },
  ],
  titleRules: buildTitleRules({
    chief: 'M6',
    svp: 'M6',
    vp: 'M5',
    seniorDirector: 'M4',
    director: 'M3',
    head: 'M2',
    seniorManager: 'M2',
    manager: 'M1',
    teamLead: 'M1',
    fellow: 'IC8',
    distinguished: 'IC7',
    seniorPrincipal: 'IC6',
    principal: 'IC5',
    seniorStaff: 'IC5',
    staff: 'IC4',
    senior: 'IC3',
    lead: 'IC3',
    junior: 'IC1',
    mid: 'IC2',
  }),
};
