/**
 * jorgef/engineeringladders (shared/data/career-ladders/jorgef-engineeringladders): one numeric
 * scale shared by four ladders - Developer D1-D7, Tech Lead TL4-TL7, Technical Program Manager
 * TPM4-TPM7 (all IC tracks) and Engineering Manager EM5-EM7. Level 4 is the first "Senior" level,
 * so it is the senior-IC threshold. D5, TL5 and TPM5 are one rung.
 */
import type { Ladder } from '@/lib/ladders/types';
import { level } from '@/lib/ladders/presets/build';

const numbered = (prefix: string, label: string, from: number) =>
  Array.from({ length: 8 - from }, (_, k) => level(`${prefix}${from + k}`, `${label} ${from + k}`, from + k));

export const ENGINEERING_LADDERS_LADDER: Ladder = {
  id: 'engineering-ladders',
  name: 'Engineering Ladders (D, TL, TPM, EM)',
  description:
    'Developer 1-7, Tech Lead 4-7, Technical Program Manager 4-7, Engineering Manager 5-7 on one scale.',
  staffRank: 4,
  tracks: [
    { kind: 'ic', name: 'Developer', levels: numbered('D', 'Developer', 1) },
    { kind: 'ic', name: 'Tech Lead', levels: numbered('TL', 'Tech Lead', 4) },
    {
      kind: 'ic',
      name: 'Technical Program Manager',
      levels: numbered('TPM', 'Technical Program Manager', 4),
    },
    { kind: 'manager', name: 'Engineering Manager', levels: numbered('EM', 'Engineering Manager', 5) },
  ],
  titleRules: [],
};
