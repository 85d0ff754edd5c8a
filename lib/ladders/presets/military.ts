/**
 * NATO officer ranks OF-1 to OF-9 with British Army, Royal Navy and RAF rank names and US pay
 * grades (O-1/O-2 = OF-1, O-3 = OF-2 ... O-10 = OF-9). "Captain" means the army rank (OF-2); a
 * naval captain is OF-5 and has to be written "Captain RN" or as the code. Ranks are held by
 * commanders and staff officers alike, so they do not declare a track. Senior-IC threshold: OF-3
 * (Major and equivalents, the first field rank).
 */
import type { Ladder } from '@/lib/ladders/types';
import { level } from '@/lib/ladders/presets/build';

export const MILITARY_LADDER: Ladder = {
  id: 'military',
  name: 'Military officer ranks (OF-1 to OF-9)',
  description: 'NATO officer codes with army, navy and air force rank names.',
  staffRank: 3,
  tracks: [
    {
      kind: 'shared',
      name: 'Officer ranks',
      levels: [
        level('OF-1', 'Lieutenant', 1, [
          'O1',
          'O2',
          'Second Lieutenant',
          '2nd Lieutenant',
          '2Lt',
          'First Lieutenant',
          '1st Lieutenant',
          'Lt',
          'Sub-Lieutenant',
          'Pilot Officer',
          'Flying Officer',
          'Ensign',
        ]),
        level('OF-2', 'Captain', 2, ['O3', 'Capt', 'Flight Lieutenant', 'Flt Lt', 'Lieutenant RN']),
        level('OF-3', 'Major', 3, [
          'O4',
          'Maj',
          'Lieutenant Commander',
          'Lt Cdr',
          'Squadron Leader',
          'Sqn Ldr',
        ]),
        level('OF-4', 'Lieutenant Colonel', 4, [
          'O5',
          'Lt Col',
          'Commander',
          'Cdr',
          'Wing Commander',
          'Wg Cdr',
        ]),
        level('OF-5', 'Colonel', 5, ['O6', 'Col', 'Captain RN', 'Group Captain', 'Gp Capt']),
        level('OF-6', 'Brigadier', 6, [
          'O7',
          'Brig',
          'Brigadier General',
          'Commodore',
          'Cdre',
          'Air Commodore',
        ]),
        level('OF-7', 'Major General', 7, ['O8', 'Maj Gen', 'Rear Admiral', 'Air Vice-Marshal', 'AVM']),
        level('OF-8', 'Lieutenant General', 8, ['O9', 'Lt Gen', 'Vice Admiral', 'Air Marshal']),
        level('OF-9', 'General', 9, ['O10', 'Gen', 'Admiral', 'Air Chief Marshal']),
      ],
    },
  ],
  titleRules: [],
};
