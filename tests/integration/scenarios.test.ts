/**
 * Scenarios through the DAL on both databases (issue #14): the hand-computed before/after figures
 * of every operation on tests/fixtures/scenarios/small-tree-2024-06-30.csv (drawn and counted in
 * tests/unit/scenarios/small-tree.ts), rights, storage and audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '@/cli/commands/import-command';
import { CLI_ACTOR, inOrg } from '@/lib/dal/actor';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/dal/errors';
import { getMetricsContract } from '@/lib/dal/metrics-contract';
import { ScenarioRefusedError, runScenario } from '@/lib/dal/scenario-metrics';
import {
  createScenario,
  evaluateScenario,
  getScenario,
  listScenarios,
  setScenarioStatus,
  updateScenarioOps,
} from '@/lib/dal/scenarios';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import type { ScenarioOp } from '@/lib/scenarios';
import { queryRows } from '../support/cli';
import { testActor } from '../support/actors';
import { backends, createTestDb, type TestDb } from '../support/test-db';
import { AS_OF, figures, SMALL_TREE } from '../unit/scenarios/small-tree';

const admin = inOrg(CLI_ACTOR, 1);
const quiet = { actor: admin };
const BEFORE = {
  headcount: 12,
  managers: 5,
  ics: 7,
  depth: 4,
  managementLayers: 3,
  spanMean: 2.2,
  spanMedian: 2,
  openPositions: 0,
};

/** Each operation and its figures after, as worked out in tests/unit/scenarios/operations.test.ts. */
const CASES: Array<[string, ScenarioOp[], typeof BEFORE]> = [
  [
    'move {L, to B}',
    [{ op: 'move', id: 'L', to: 'B' }],
    { ...BEFORE, managers: 4, ics: 8, spanMean: 2.75, spanMedian: 2.5 },
  ],
  [
    'remove {C}',
    [{ op: 'remove', id: 'C' }],
    { ...BEFORE, headcount: 11, managers: 4, depth: 3, managementLayers: 2, spanMean: 2.5, spanMedian: 2.5 },
  ],
  [
    'merge {G into B}',
    [{ op: 'merge', from: 'G', into: 'B' }],
    { ...BEFORE, managers: 4, ics: 8, depth: 3, managementLayers: 2, spanMean: 2.75, spanMedian: 2.5 },
  ],
  [
    'add {V1 under K}',
    [{ op: 'add', id: 'V1', manager: 'K', level: 'IC2' }],
    { ...BEFORE, openPositions: 1 },
  ],
  ['set-level {J, IC4}', [{ op: 'set-level', id: 'J', level: 'IC4' }], BEFORE],
];

describe.each(backends())('scenarios on %s', (backend) => {
  let tdb: TestDb;

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    clearPreparedCache();
    const { result } = await importFiles([SMALL_TREE], quiet, () => undefined);
    expect(result.ok).toBe(true);
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it.each(CASES)('%s: before and after figures', async (_label, ops, expected) => {
    const r = await runScenario(admin, { ops });
    expect(figures(r.before)).toEqual(BEFORE);
    expect(figures(r.after)).toEqual(expected);
    expect(r.before).toEqual(await getMetricsContract(admin, { asOf: AS_OF }));
  });

  it('no operation: after is the stored contract, to the last figure (one definition of the document)', async () => {
    const r = await runScenario(admin, { ops: [] });
    const { trend: _t1, ...after } = r.after;
    const { trend: _t2, ...before } = r.before;
    expect(after).toEqual(before);
    expect(Object.keys(r.after)).toEqual(Object.keys(r.before));
    // The after trend appends the scenario to the series: from the snapshot, nothing changed.
    expect(r.after.trend).toMatchObject({ joiners: 0, leavers: 0, promotions: 0 });
    const sub = await runScenario(admin, { ops: [], unit: 'C' });
    expect(sub.after.headcount).toBe(5);
    expect({ ...sub.after, trend: null }).toEqual({ ...sub.before, trend: null });
  });

  it('the after trend counts the scenario from the snapshot: a promotion and a removal', async () => {
    const r = await runScenario(admin, {
      ops: [
        { op: 'set-level', id: 'J', level: 'IC4' },
        { op: 'remove', id: 'K', reportsTo: 'B' },
      ],
      effectiveDate: '2024-09-01',
    });
    expect(r.after.trend).toMatchObject({ promotions: 1, leavers: 1, joiners: 0 });
  });

  it('refuses an operation that cannot apply, naming it', async () => {
    const err = await runScenario(admin, {
      ops: [
        { op: 'remove', id: 'J' },
        { op: 'move', id: 'C', to: 'H' },
      ],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScenarioRefusedError);
    expect((err as Error).message).toBe(
      'operation #2 move {"id":"C","to":"H"} refused: new manager H is inside C\'s own subtree',
    );
  });

  it('rights: viewers none; a leader plans inside their subtree only, and cannot approve', async () => {
    await expect(runScenario(testActor('viewer'), { ops: [] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listScenarios(testActor('viewer'))).rejects.toBeInstanceOf(ForbiddenError);
    const lead = testActor('leader', 'C');
    const mine = await runScenario(lead, { ops: [{ op: 'merge', from: 'G', into: 'J' }] });
    // C's unit by default: 5 people; after, J manages H and I, G is an IC: managers C and J.
    expect([mine.before.headcount, mine.after.headcount, mine.after.managers]).toEqual([5, 5, 2]);
    // The privacy floor holds for the after side too: 4 people are fewer than 5.
    await expect(runScenario(lead, { ops: [{ op: 'remove', id: 'G' }] })).rejects.toThrow(/Fewer than 5/);
    expect(
      (await runScenario(testActor('hr'), { ops: [{ op: 'remove', id: 'G' }], unit: 'C' })).after.headcount,
    ).toBe(4);
    await expect(runScenario(lead, { ops: [{ op: 'move', id: 'H', to: 'B' }] })).rejects.toThrow(
      /not inside the subtree of C/,
    );
    await expect(runScenario(lead, { ops: [], unit: 'B' })).rejects.toBeInstanceOf(NotFoundError);
    const s = await createScenario(lead, {
      name: 'Platform merge',
      ops: [{ op: 'merge', from: 'G', into: 'J' }],
    });
    expect(s).toMatchObject({ unitRootId: 'C', status: 'draft', fromAsOf: AS_OF });
    await expect(setScenarioStatus(lead, s.id, 'approved')).rejects.toBeInstanceOf(ForbiddenError);
    expect((await setScenarioStatus(lead, s.id, 'proposed')).status).toBe('proposed');
    const other = await createScenario(testActor('hr'), { name: 'Sales', unit: 'K', ops: [] });
    expect((await listScenarios(lead)).map((x) => x.id)).toEqual([s.id]);
    await expect(getScenario(testActor('leader', 'K'), s.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listScenarios(admin)).map((x) => x.id).sort()).toEqual([s.id, other.id].sort());
  });

  it('stores, changes, approves and audits a scenario', async () => {
    const hr = testActor('hr');
    const s = await createScenario(hr, {
      name: 'Flatter',
      ops: [{ op: 'remove', id: 'C' }],
      effectiveDate: '2024-09-01',
    });
    expect(s).toMatchObject({
      name: 'Flatter',
      status: 'draft',
      effectiveDate: '2024-09-01',
      unitRootId: null,
    });
    expect((await evaluateScenario(hr, s.id)).after.headcount).toBe(11);
    await expect(updateScenarioOps(hr, s.id, [{ op: 'move', id: 'NOBODY', to: 'A' }])).rejects.toBeInstanceOf(
      ScenarioRefusedError,
    );
    const changed = await updateScenarioOps(hr, s.id, [
      { op: 'remove', id: 'C' },
      { op: 'add', id: 'V1', manager: 'A' },
    ]);
    expect(changed.ops).toHaveLength(2);
    expect((await evaluateScenario(hr, s.id)).after.openPositions).toBe(1);
    await setScenarioStatus(hr, s.id, 'approved');
    await expect(updateScenarioOps(hr, s.id, [])).rejects.toBeInstanceOf(ValidationError);
    const audit = await queryRows<{ action: string; target: string }>(
      tdb.handle,
      `select action, target from audit_log where action like 'scenario.%' and target = 'Flatter' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['scenario.create', 'scenario.change', 'scenario.status']);
  });
});
