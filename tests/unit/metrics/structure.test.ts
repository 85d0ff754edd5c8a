import { describe, expect, it } from 'vitest';
import { buildOrgTree } from '@/lib/metrics/tree';
import {
  computeDepartmentStructure,
  computeDepartmentStructures,
  computeOrgStructure,
  computeSubtreeStructure,
} from '@/lib/metrics/structure';
import { group, person, vacancy } from './make-records';

const noBands = { '1': 0, '2-3': 0, '4-7': 0, '8-12': 0, '13-16': 0, '17+': 0 };

describe('computeOrgStructure on hand-worked trees', () => {
  it('chain A <- B <- C <- D', () => {
    const m = computeOrgStructure(
      buildOrgTree([person('A', null), person('B', 'A'), person('C', 'B'), person('D', 'C')]),
    );
    // A, B, C each have one report: managers 3, ICs 1 (D), headcount 4, depth 4.
    expect(m.headcount).toBe(4);
    expect(m.managers).toBe(3);
    expect(m.ics).toBe(1);
    expect(m.depth).toBe(4);
    // Layers 1-3 hold a manager; layer 4 holds only D.
    expect(m.managementLayers).toBe(3);
    expect(m.managerRatio).toBe(0.75); // 3 / 4
    expect(m.icsPerManager).toBe(0.3333); // 1 / 3 = 0.33333...
    expect(m.span).toEqual({ mean: 1, median: 1, p10: 1, p90: 1, bands: { ...noBands, '1': 3 } });
    // A (layer 1) and B (layer 2) are executives; C manages only D (an IC): manager of ICs.
    expect(m.managerialLevels).toEqual({ executive: 2, managerOfManagers: 0, managerOfIcs: 1, ic: 1 });
    expect(m.middleManagers).toBe(0);
    expect(m.roots).toBe(1);
    expect(m.orphans).toBe(0);
    expect(m.pyramid).toEqual([
      { layer: 1, headcount: 1, managers: 1, ics: 0, executive: 1, managerOfManagers: 0, managerOfIcs: 0 },
      { layer: 2, headcount: 1, managers: 1, ics: 0, executive: 1, managerOfManagers: 0, managerOfIcs: 0 },
      { layer: 3, headcount: 1, managers: 1, ics: 0, executive: 0, managerOfManagers: 0, managerOfIcs: 1 },
      { layer: 4, headcount: 1, managers: 0, ics: 1, executive: 0, managerOfManagers: 0, managerOfIcs: 0 },
    ]);
    expect(m.openPositions).toBe(0);
  });

  it('star: one manager with five reports', () => {
    const records = [person('R', null), ...['a', 'b', 'c', 'd', 'e'].map((id) => person(id, 'R'))];
    const m = computeOrgStructure(buildOrgTree(records));
    expect(m.headcount).toBe(6);
    expect(m.managers).toBe(1);
    expect(m.ics).toBe(5);
    expect(m.depth).toBe(2);
    expect(m.managementLayers).toBe(1);
    expect(m.managerRatio).toBe(0.1667); // 1 / 6 = 0.16666...
    expect(m.icsPerManager).toBe(5);
    expect(m.span).toEqual({ mean: 5, median: 5, p10: 5, p90: 5, bands: { ...noBands, '4-7': 1 } });
    expect(m.managerialLevels).toEqual({ executive: 1, managerOfManagers: 0, managerOfIcs: 0, ic: 5 });
  });

  it('interpolates percentiles between tied spans', () => {
    // R manages M1..M4; M1 has 1 report, M2 2, M3 2, M4 10.
    const records = [person('R', null)];
    const teams: [string, number][] = [
      ['M1', 1],
      ['M2', 2],
      ['M3', 2],
      ['M4', 10],
    ];
    for (const [m, size] of teams) {
      records.push(person(m, 'R'));
      for (let k = 0; k < size; k++) records.push(person(`${m}-${k}`, m));
    }
    const tree = buildOrgTree(records);
    const m = computeOrgStructure(tree);
    // headcount 1 + 4 + 15 = 20; spans sorted [1, 2, 2, 4, 10] (R has 4), sum 19 = 20 - 1 root.
    expect(m.headcount).toBe(20);
    expect(m.managers).toBe(5);
    // mean 19 / 5 = 3.8; median h = 4 * 0.5 = 2 -> 2;
    // p10 h = 0.4 -> 1 + 0.4 * (2 - 1) = 1.4; p90 h = 3.6 -> 4 + 0.6 * (10 - 4) = 7.6.
    expect(m.span).toEqual({
      mean: 3.8,
      median: 2,
      p10: 1.4,
      p90: 7.6,
      bands: { '1': 1, '2-3': 2, '4-7': 1, '8-12': 1, '13-16': 0, '17+': 0 },
    });
    // exec_layers 2: R (layer 1) and M1..M4 (layer 2, all managers) are executives.
    expect(m.managerialLevels).toEqual({ executive: 5, managerOfManagers: 0, managerOfIcs: 0, ic: 15 });
    // exec_layers 1: only R; R manages managers but is an executive, M1..M4 manage ICs.
    const m1 = computeOrgStructure(tree, { execLayers: 1 });
    expect(m1.managerialLevels).toEqual({ executive: 1, managerOfManagers: 0, managerOfIcs: 4, ic: 15 });
    // exec_layers 0: R becomes a (middle) manager of managers.
    const m0 = computeOrgStructure(tree, { execLayers: 0 });
    expect(m0.managerialLevels).toEqual({ executive: 0, managerOfManagers: 1, managerOfIcs: 4, ic: 15 });
    expect(m0.middleManagers).toBe(1);
  });

  it('forest with an orphan and a lone root', () => {
    // A <- B; C reports to a missing id (orphan root) <- D; E is a second root with nobody below.
    const records = [
      person('A', null),
      person('B', 'A'),
      person('C', 'GONE'),
      person('D', 'C'),
      person('E', null),
    ];
    const m = computeOrgStructure(buildOrgTree(records));
    expect(m.roots).toBe(3); // A, C, E
    expect(m.orphans).toBe(1); // C
    expect(m.headcount).toBe(5);
    expect(m.managers).toBe(2); // A, C
    expect(m.ics).toBe(3); // B, D, E
    expect(m.depth).toBe(2);
    // spans 1 + 1 = 2 = headcount 5 - roots 3
    expect(m.span.mean).toBe(1);
    expect(m.pyramid).toEqual([
      { layer: 1, headcount: 3, managers: 2, ics: 1, executive: 2, managerOfManagers: 0, managerOfIcs: 0 },
      { layer: 2, headcount: 2, managers: 0, ics: 2, executive: 0, managerOfManagers: 0, managerOfIcs: 0 },
    ]);
  });

  it('vacancies: open positions, not headcount; a vacant management post keeps its line', () => {
    // R -> V (vacant) -> X, Y ; R -> Z ; R -> W (vacant, nobody below).
    const records = [
      person('R', null),
      vacancy('V', 'R'),
      person('X', 'V'),
      person('Y', 'V'),
      person('Z', 'R'),
      vacancy('W', 'R'),
    ];
    const tree = buildOrgTree(records);
    const m = computeOrgStructure(tree);
    expect(m.headcount).toBe(4); // R, X, Y, Z
    expect(m.openPositions).toBe(2); // V, W
    // R's span: V (vacant management post) 1 + Z 1 + W (vacant leaf) 0 = 2. V is not a manager.
    expect(m.managers).toBe(1);
    expect(m.span.mean).toBe(2);
    expect(m.ics).toBe(3); // X, Y, Z
    expect(m.depth).toBe(3); // X and Y keep layer 3 under the vacant post
    expect(m.managementLayers).toBe(1);
    expect(m.pyramid.map((r) => r.headcount)).toEqual([1, 1, 2]);
    // With no executive layers R is a manager of managers: V is a management post.
    const m0 = computeOrgStructure(tree, { execLayers: 0 });
    expect(m0.managerialLevels).toEqual({ executive: 0, managerOfManagers: 1, managerOfIcs: 0, ic: 3 });
  });

  it('aggregated junior rows are FTE, not people: headcount, spans and layers are person-level', () => {
    // R -> S1 -> J1 (5 FTE), J2 (2.5 FTE); R -> J3 (3 FTE).
    const records = [
      person('R', null),
      person('S1', 'R'),
      group('J1', 'S1', 5),
      group('J2', 'S1', 2.5),
      group('J3', 'R', 3),
    ];
    const tree = buildOrgTree(records);
    const m = computeOrgStructure(tree);
    // headcount R + S1 = 2; junior FTE 5 + 2.5 + 3 = 10.5. R manages S1 (span 1); S1 has only
    // junior rows, so no direct reports: an IC. Depth 2: the junior rows' layer 3 is not a layer.
    expect([m.headcount, m.juniorFte, m.hasAggregated]).toEqual([2, 10.5, true]);
    expect([m.managers, m.ics, m.depth, m.managementLayers]).toEqual([1, 1, 2, 1]);
    expect(m.span).toEqual({ mean: 1, median: 1, p10: 1, p90: 1, bands: { ...noBands, '1': 1 } });
    expect(m.managerRatio).toBe(0.5); // 1 / 2
    expect(m.icsPerManager).toBe(1); // 1 / 1
    expect(m.pyramid.map((r) => [r.layer, r.headcount, r.ics])).toEqual([
      [1, 1, 0],
      [2, 1, 1],
    ]);
    const m1 = computeOrgStructure(tree, { execLayers: 1 });
    expect(m1.managerialLevels).toEqual({ executive: 1, managerOfManagers: 0, managerOfIcs: 0, ic: 1 });
    expect(Array.from(tree.subtreeSize)).toEqual([1, 0, 0, 0, 0]);
    expect(Array.from(tree.juniorFteBelow)).toEqual([10.5, 7.5, 0, 0, 0]);
  });

  it('one-person org', () => {
    const m = computeOrgStructure(buildOrgTree([person('solo', null)]));
    expect(m).toMatchObject({ headcount: 1, managers: 0, ics: 1, depth: 1, managementLayers: 0, roots: 1 });
    expect(m.managerRatio).toBe(0);
    expect(m.icsPerManager).toBeNull();
    expect(m.span).toEqual({ mean: null, median: null, p10: null, p90: null, bands: noBands });
    expect(m.pyramid).toEqual([
      { layer: 1, headcount: 1, managers: 0, ics: 1, executive: 0, managerOfManagers: 0, managerOfIcs: 0 },
    ]);
  });

  it('still measures an org with a reporting cycle (cut at its earliest row)', () => {
    // A -> B -> A, C -> A: the cycle is cut at A, which becomes the root: A (1), B and C (2).
    const tree = buildOrgTree([person('A', 'B'), person('B', 'A'), person('C', 'A')]);
    expect(tree.cycles).toEqual([['A', 'B']]);
    const m = computeOrgStructure(tree);
    expect(m).toMatchObject({ headcount: 3, managers: 1, ics: 2, depth: 2, roots: 1, orphans: 0 });
  });

  it('lists declared-track mismatches from the track column', () => {
    // A (declared IC) manages B; C is declared a manager with no reports; D declared manager with reports is fine.
    const records = [
      person('A', null, { track: 'ic' }),
      person('B', 'A'),
      person('C', 'A', { track: 'manager' }),
      person('D', 'A', { track: 'manager' }),
      person('E', 'D'),
    ];
    const m = computeOrgStructure(buildOrgTree(records));
    expect(m.trackMismatches).toEqual({
      declaredIcsWithReports: ['A'],
      declaredManagersWithoutReports: ['C'],
    });
  });
});

describe('departments and subtrees', () => {
  // CEO (Exec) -> CTO (Eng) -> EM1 (Eng) -> d1, d2 (Eng), EM2 (Eng) -> d3 (Eng); CEO -> CFO (Fin) -> f1 (Fin)
  const records = [
    person('CEO', null, { department: 'Exec' }),
    person('CTO', 'CEO', { department: 'Eng' }),
    person('EM1', 'CTO', { department: 'Eng' }),
    person('d1', 'EM1', { department: 'Eng' }),
    person('d2', 'EM1', { department: 'Eng' }),
    person('EM2', 'CTO', { department: 'Eng' }),
    person('d3', 'EM2', { department: 'Eng' }),
    person('CFO', 'CEO', { department: 'Fin' }),
    person('f1', 'CFO', { department: 'Fin' }),
  ];
  const tree = buildOrgTree(records);

  it('a department keeps org-wide layers and spans', () => {
    const m = computeDepartmentStructure(tree, 'Eng');
    // Eng: CTO (layer 2), EM1, EM2 (layer 3), d1, d2, d3 (layer 4): headcount 6, managers 3, ICs 3.
    expect(m.headcount).toBe(6);
    expect(m.managers).toBe(3);
    expect(m.depth).toBe(4);
    expect(m.roots).toBe(0);
    // Layer 1 is empty for Eng (the CEO is in Exec) but still listed so layers line up.
    expect(m.pyramid.map((r) => r.headcount)).toEqual([0, 1, 2, 3]);
    // CTO is at org layer 2 -> executive; EM1, EM2 manage ICs.
    expect(m.managerialLevels).toEqual({ executive: 1, managerOfManagers: 0, managerOfIcs: 2, ic: 3 });
    // spans CTO 2, EM1 2, EM2 1 -> sorted [1, 2, 2], mean 5 / 3 = 1.667
    expect(m.span.mean).toBe(1.667);
    expect(m.span.median).toBe(2);
  });

  it('an empty or unknown department gives zeros and nulls, not errors', () => {
    const m = computeDepartmentStructure(tree, 'Nobody');
    expect(m).toMatchObject({
      headcount: 0,
      managers: 0,
      ics: 0,
      depth: 0,
      managementLayers: 0,
      pyramid: [],
    });
    expect(m.managerRatio).toBeNull();
    expect(m.span.mean).toBeNull();
  });

  it('lists every department once, sorted', () => {
    const all = computeDepartmentStructures(tree);
    expect(all.map((d) => [d.department, d.metrics.headcount])).toEqual([
      ['Eng', 6],
      ['Exec', 1],
      ['Fin', 2],
    ]);
  });

  it('a subtree is measured as if imported alone: its root is layer 1', () => {
    const m = computeSubtreeStructure(tree, 'CTO');
    expect(m).not.toBeNull();
    // CTO (1), EM1, EM2 (2), d1, d2, d3 (3): CTO and EMs are executives of this subtree.
    expect(m?.headcount).toBe(6);
    expect(m?.depth).toBe(3);
    expect(m?.roots).toBe(1);
    expect(m?.managerialLevels).toEqual({ executive: 3, managerOfManagers: 0, managerOfIcs: 0, ic: 3 });
    expect(computeSubtreeStructure(tree, 'missing')).toBeNull();
  });
});
