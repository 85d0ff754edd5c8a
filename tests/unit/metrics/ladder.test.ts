import { describe, expect, it } from 'vitest';
import { buildOrgTree } from '@/lib/metrics/tree';
import { resolveTreeLevels } from '@/lib/metrics/levels';
import {
  computeDepartmentLadderTable,
  computeLadderMetrics,
  computeSubtreeLadderMetrics,
} from '@/lib/metrics/ladder';
import { computeOrgStructure } from '@/lib/metrics/structure';
import { DEFAULT_LADDER, UK_CIVIL_SERVICE_LADDER } from '@/lib/ladders/presets';
import { group, person } from './make-records';

// CTO (M6, Exec)
//  ├─ EM (M1, Eng) -> a IC2, b IC3, c IC3, d IC4, e "Software Engineer" (title -> IC2), f "Band Z" (unlevelled)
//  └─ DM (M2, Data) -> g IC1, h IC2, i IC3, j = 4 FTE of IC1 (aggregated: not person-level, in no ladder figure)
const records = [
  person('CTO', null, { level: 'M6', department: 'Exec' }),
  person('EM', 'CTO', { level: 'M1', department: 'Eng' }),
  person('a', 'EM', { level: 'IC2', department: 'Eng' }),
  person('b', 'EM', { level: 'IC3', department: 'Eng' }),
  person('c', 'EM', { level: 'ic3', department: 'Eng' }),
  person('d', 'EM', { level: 'IC4', department: 'Eng' }),
  person('e', 'EM', { title: 'Software Engineer', department: 'Eng' }),
  person('f', 'EM', { level: 'Band Z', department: 'Eng' }),
  person('DM', 'CTO', { level: 'M2', department: 'Data' }),
  person('g', 'DM', { level: 'IC1', department: 'Data' }),
  person('h', 'DM', { level: 'IC2', department: 'Data' }),
  person('i', 'DM', { level: 'IC3', department: 'Data' }),
  group('j', 'DM', 4, { level: 'IC1', department: 'Data' }),
];
const tree = buildOrgTree(records);
const levels = resolveTreeLevels(tree, DEFAULT_LADDER);

describe('ladder metrics on a hand-worked org (default ladder)', () => {
  it('per department', () => {
    expect(computeDepartmentLadderTable(tree, levels)).toEqual({
      departments: [
        // Data: IC rungs {1, 2, 3} -> depth 3, ceiling IC3 <= 3rd rung -> short;
        // parity: DM is M2 (rank 4) - 3 = 1; senior share: nobody at IC4+ / 3 ICs (g, h, i; j is FTE) = 0.
        {
          department: 'Data',
          icLadderDepth: 3,
          icCeiling: 'IC3',
          shortLadder: true,
          parityGap: 1,
          seniorIcShare: 0,
        },
        // Eng: rungs {2, 3, 4} (e inferred IC2 from title, f unlevelled) -> depth 3, ceiling IC4, not short;
        // parity: EM is M1 (rank 3) - 4 = -1; senior share: d / 6 ICs = 0.1667.
        {
          department: 'Eng',
          icLadderDepth: 3,
          icCeiling: 'IC4',
          shortLadder: false,
          parityGap: -1,
          seniorIcShare: 0.1667,
        },
        // Exec: only the CTO (a manager): no ICs, so everything undefined.
        {
          department: 'Exec',
          icLadderDepth: 0,
          icCeiling: null,
          shortLadder: null,
          parityGap: null,
          seniorIcShare: null,
        },
      ],
    });
  });

  it('for the whole org and for a subtree', () => {
    // Org: rungs {1, 2, 3, 4}; ceiling IC4; parity M6 (rank 8) - 4 = 4; senior d / 9 ICs (a-i) = 0.1111.
    expect(computeLadderMetrics(tree, levels, null)).toEqual({
      icLadderDepth: 4,
      icCeiling: 'IC4',
      icCeilingRank: 4,
      shortLadder: false,
      parityGap: 4,
      seniorIcShare: 0.1111,
    });
    // DM's subtree is the Data department plus DM.
    expect(computeSubtreeLadderMetrics(tree, levels, 'DM')).toMatchObject({ icCeiling: 'IC3', parityGap: 1 });
    expect(computeSubtreeLadderMetrics(tree, levels, 'nobody')).toBeNull();
  });

  it('declared track comes from the level when there is no track column, and mismatches are listed', () => {
    // k holds M1 (a manager level) but has no reports; l holds IC5 but manages m.
    const extra = [
      ...records,
      person('k', 'EM', { level: 'M1' }),
      person('l', 'EM', { level: 'IC5' }),
      person('m', 'l'),
    ];
    const t = buildOrgTree(extra);
    const lv = resolveTreeLevels(t, DEFAULT_LADDER);
    const m = computeOrgStructure(t, { declaredTracks: lv.declared });
    expect(m.trackMismatches).toEqual({
      declaredIcsWithReports: ['l'],
      declaredManagersWithoutReports: ['k'],
    });
  });

  it('a shared ladder leaves the track to the structure (UK grades)', () => {
    // SCS2 director manages a G7 who has 3 FTE of HEO (junior staff: no direct reports, so the G7
    // is an IC of the person-level tree) and a G6 with no reports (an IC).
    const uk = [
      person('dir', null, { level: 'SCS2', department: 'Policy' }),
      person('g7', 'dir', { level: 'A2 (G7)', department: 'Policy' }),
      group('heo', 'g7', 3, { level: 'B1 (HEO)', department: 'Policy' }),
      person('g6', 'dir', { level: 'Grade 6', department: 'Policy' }),
    ];
    const t = buildOrgTree(uk);
    const lv = resolveTreeLevels(t, UK_CIVIL_SERVICE_LADDER);
    // ICs: g7 (rank 6), g6 (rank 7): rungs {6, 7}, ceiling G6; the HEO FTE is in no ladder figure.
    // Managers: dir SCS2 (rank 9): 9 - 7 = 2. Senior (G7+, rank >= 6): g7 and g6 -> 2 / 2 = 1.
    expect(computeLadderMetrics(t, lv, null)).toMatchObject({
      icLadderDepth: 2,
      icCeiling: 'G6',
      shortLadder: false,
      parityGap: 2,
      seniorIcShare: 1,
    });
  });
});
