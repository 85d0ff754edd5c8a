/**
 * The editor's Cost rows (lib/views/scenario-cost-rows.ts), on hand-written cost views:
 * before total 1000 (management 400, IC 600, 6 ICs: share 0.4, 166.67 per IC, 66.67 management
 * per IC); after total 900 (management 250, IC 650, 7 ICs: share 0.2778, 128.57 and 35.71).
 */
import { describe, expect, it } from 'vitest';
import {
  costFigureRows,
  costGroupRows,
  costHiddenText,
  costPeopleRows,
  type CostViewInput,
} from '@/lib/views/scenario-cost-rows';

const hidden = { suppressed: true as const, minGroupSize: 5, reason: 'complement' as const };
const side = (total: number, management: number, ics: number) => ({
  total,
  management,
  ic: total - management,
  managementShare: management / total,
  costPerIc: Math.round((total / ics) * 100) / 100,
  managementCostPerIc: Math.round((management / ics) * 100) / 100,
  coverage: 1,
});
const full: CostViewInput = {
  hiddenReason: null,
  before: side(1000, 400, 6),
  after: side(900, 250, 7),
  difference: { total: -100, management: -150, ic: 50 },
  removed: { people: 1, costed: 1, cost: 150 },
  becameManagers: { people: 0, costed: 0, cost: 0 },
  stoppedManaging: { people: 1, costed: 1, cost: 100 },
  planned: {
    positions: [{ id: 'NEW1', level: 'L3', track: 'ic', manager: false, cost: 50, basis: 'level-median' }],
    cost: 50,
    notCosted: 0,
  },
  people: [
    { id: 'G', name: 'Gail', change: 'removed', annualCost: 150 },
    { id: 'C', name: 'Cy', change: 'stopped-managing', annualCost: 100 },
  ],
};

describe('scenario cost rows', () => {
  it('before, after and difference of the six figures', () => {
    const rows = costFigureRows(full);
    expect(rows.map((r) => [r.figure, r.before, r.after, r.difference])).toEqual([
      ['Total cost', 1000, 900, -100],
      ['Management cost', 400, 250, -150],
      ['IC cost', 600, 650, 50],
      ['Management share', 0.4, 250 / 900, -0.1222],
      ['Cost per IC', 166.67, 128.57, -38.1],
      ['Management cost per IC', 66.67, 35.71, -30.96],
    ]);
    expect(costHiddenText(full)).toBeNull();
  });
  it('groups, people and planned positions with how they were priced', () => {
    expect(costGroupRows(full).map((g) => [g.group, g.people, g.cost])).toEqual([
      ['Removed positions', 1, 150],
      ['Became managers', 0, 0],
      ['Stopped managing', 1, 100],
      ['Planned positions', 1, 50],
    ]);
    expect(costPeopleRows(full).map((p) => [p.id, p.annualCost, p.pricedBy])).toEqual([
      ['G', 150, 'their annual cost'],
      ['C', 100, 'their annual cost'],
      ['NEW1', 50, 'median of the level'],
    ]);
    expect(costPeopleRows(full)[2]?.change).toBe('Planned position at L3, no reports (IC cost)');
    const managing = {
      id: 'NEW2',
      level: null,
      track: 'ic' as const,
      manager: true,
      cost: 50,
      basis: 'level-median' as const,
    };
    expect(costPeopleRows({ ...full, planned: { ...full.planned, positions: [managing] } })[2]?.change).toBe(
      'Planned position, with reports (management cost)',
    );
  });
  it("a leader's view: hidden values stay markers, with the reason in words", () => {
    const leader: CostViewInput = {
      ...full,
      hiddenReason: 'few-people-changed',
      after: hidden,
      difference: hidden,
      removed: hidden,
      stoppedManaging: hidden,
      becameManagers: hidden,
      people: undefined,
    };
    const rows = costFigureRows(leader);
    expect(rows[0]).toMatchObject({ before: 1000, after: hidden, difference: hidden });
    expect(rows[3]).toMatchObject({ before: 0.4, after: hidden, difference: hidden });
    expect(costHiddenText(leader)).toMatch(
      /^One group whose cost moves .* has fewer than 5 people with a cost/,
    );
    expect(costPeopleRows(leader).map((p) => p.id)).toEqual(['NEW1']);
    const split: CostViewInput = {
      ...full,
      people: undefined,
      before: { ...side(1000, 400, 6), management: hidden, ic: hidden, managementShare: null },
      after: { ...side(900, 250, 7), management: hidden, ic: hidden, managementShare: null },
      difference: { total: -100, management: hidden, ic: hidden },
    };
    const s = costFigureRows(split);
    expect(s[0]?.difference).toBe(-100);
    expect(s[1]).toMatchObject({ before: hidden, after: hidden, difference: hidden });
    expect(s[3]).toMatchObject({ before: null, after: null, difference: null });
    expect(costHiddenText(split)).toMatch(/^Management and IC cost are shown only as the total/);
  });
});
