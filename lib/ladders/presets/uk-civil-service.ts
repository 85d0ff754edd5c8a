/**
 * UK civil service grades, AA (rank 1) to SCS4 / Permanent Secretary (rank 11), with the spellings
 * found in published organograms (see shared/data/ukgov-organograms-*):
 * - DFID's own bands: C2 (AA), C1 (AO), B2 (EO), B1 (HEO), B1D (Faststream), A2L / A2(L) (SEO),
 *   A2 (G7), A1 (G6);
 * - DCMS's bands: D (AO), C (EO), B (HEO; DCMS's B covers HEO and SEO pay, mapped to the lower
 *   rung), A (G7), A(U) (G6);
 * - "Grade 7", "G7", "Grade 7 (GEO)", "Grade 7 Economist", "HEO-D", "HEO -D (GEO)", "SCS2 ",
 *   "SCS Pay Band 1", "Permanent Secretary", "Fast Stream"/"FS" (fast streamers are HEO(D));
 * - Home Office specialist grades by their usual equivalents: AIO/IO/CIO/Immigration Inspector
 *   (immigration officers: AO/EO/HEO/SEO), SO/HSO/SSO (science), PTO/HPTO/SPTO (technology),
 *   RO/SRO (research), Information Officer / Senior Information Officer.
 * Grades are shared by managers and specialists, so they do not declare a track. Staff-equivalent
 * (senior IC) threshold: Grade 7, the first grade of senior professional/specialist posts.
 * Left unlevelled on purpose: 'PS', 'SPS', 'Personal Secretary', 'Librarian', 'Police Staff',
 * 'Contractor', 'Unknown' (no reliable grade equivalent).
 */
import type { Ladder } from '@/lib/ladders/types';
import { level } from '@/lib/ladders/presets/build';

export const UK_CIVIL_SERVICE_LADDER: Ladder = {
  id: 'uk-civil-service',
  name: 'UK civil service grades',
  description:
    'AA, AO, EO, HEO, SEO, Grade 7, Grade 6, SCS pay bands 1-4 (with departmental band spellings).',
  staffRank: 6,
  tracks: [
    {
      kind: 'shared',
      name: 'Grades',
      levels: [
        level('AA', 'Administrative Assistant', 1, ['C2', 'Band E']),
        level('AO', 'Administrative Officer', 2, [
          'C1',
          'D',
          'Band D',
          'AIO',
          'Assistant Immigration Officer',
        ]),
        level('EO', 'Executive Officer', 3, [
          'B2',
          'C',
          'Band C',
          'IO',
          'Immigration Officer',
          'SO',
          'Scientific Officer',
          'PTO',
          'Assistant Information Officer',
          'Statistical Officer',
        ]),
        level('HEO', 'Higher Executive Officer', 4, [
          'B1',
          'B1D',
          'HEO(D)',
          'HEOD',
          'Fast Stream',
          'Faststream',
          'FS',
          'B',
          'Band B',
          'CIO',
          'Chief Immigration Officer',
          'HSO',
          'Higher Scientific Officer',
          'HPTO',
          'RO',
          'Research Officer',
          'Information Officer',
          'Economic Assistant',
          'Assistant Economist',
          'Assistant Statistician',
          'Senior Stats Officer',
          'Senior Statistical Officer',
        ]),
        level('SEO', 'Senior Executive Officer', 5, [
          'A2L',
          'A2(L)',
          'SSO',
          'Senior Scientific Officer',
          'SPTO',
          'SRO',
          'Senior Research Officer',
          'Senior Information Officer',
          'SIO',
          'Immigration Inspector',
        ]),
        level('G7', 'Grade 7', 6, ['A2', 'A', 'Band A', 'Grade7', 'PB7']),
        level('G6', 'Grade 6', 7, ['A1', 'A(U)', 'AU', 'Band A(U)', 'Band AU']),
        level('SCS1', 'Deputy Director (SCS pay band 1)', 8, [
          'SCS Pay Band 1',
          'Pay Band 1',
          'SCS PB1',
          'PB1',
          'SCS1A',
          'Deputy Director',
        ]),
        level('SCS2', 'Director (SCS pay band 2)', 9, [
          'SCS Pay Band 2',
          'Pay Band 2',
          'SCS PB2',
          'PB2',
          'Director',
        ]),
        level('SCS3', 'Director General (SCS pay band 3)', 10, [
          'SCS Pay Band 3',
          'Pay Band 3',
          'SCS PB3',
          'PB3',
          'Director General',
          'DG',
        ]),
        level('SCS4', 'Permanent Secretary', 11, [
          'SCS Pay Band 4',
          'Pay Band 4',
          'Perm Sec',
          'Permanent Under-Secretary',
        ]),
      ],
    },
  ],
  titleRules: [
    { words: ['permanent', 'secretary'], code: 'SCS4' },
    { words: ['director', 'general'], code: 'SCS3' },
    { words: ['deputy', 'director'], code: 'SCS1' },
    { words: ['director'], code: 'SCS2' },
  ],
};
