/**
 * The scenario API (app/api/scenarios/**) on both databases, over the hand-drawn small tree of
 * tests/unit/scenarios/small-tree.ts:
 *
 *   A (M5) ── B (M2) ── D, E, F
 *            ├─ C (M3) ── G (M1) ── H, I
 *            │          └─ J
 *            └─ K (M2, Sales) ── L
 *
 * "Span at least 3" in A's unit: the narrowest team is K's (1): it merges into the narrowest other
 * manager under A, C (2 < B's 3); C then has 3 and G (2) has no sibling manager: one suggestion.
 * After `merge K into C`: A -> B (D E F), C (G J L), K (an IC); spans A 3, B 3, C 3, G 2: narrow
 * spans (1 or 2) before C G K = 3, after G = 1. "Remove the layer under A": remove B, C and K.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/dal/actor';
import { testActor } from '../support/actors';

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/dal/session', async (importOriginal) =>
  (await import('../support/session-mock')).mockSession(importOriginal, session),
);

import * as list from '@/app/api/scenarios/route';
import * as one from '@/app/api/scenarios/[id]/route';
import * as status from '@/app/api/scenarios/[id]/status/route';
import * as result from '@/app/api/scenarios/[id]/result/route';
import * as suggest from '@/app/api/scenarios/[id]/suggest/route';
import * as tree from '@/app/api/scenarios/[id]/tree/route';
import { importFiles } from '@/cli/commands/import-command';
import { CLI_ACTOR, inOrg } from '@/lib/dal/actor';
import { clearPreparedCache } from '@/lib/dal/snapshot-data';
import type { ScenarioView } from '@/lib/dal/scenario-view';
import type { OrgTreeResponse } from '@/lib/views/org-tree';
import { backends, createTestDb, type TestDb } from '../support/test-db';
import { AS_OF, SMALL_TREE } from '../unit/scenarios/small-tree';

const APP = 'http://localhost:3000';
const hr = testActor('hr');
const leader = testActor('leader', 'C');
const viewer = testActor('viewer');

type Handler = (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;

async function call(
  who: Actor,
  handler: Handler,
  url: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  session.actor = who;
  try {
    const id = /\/api\/scenarios\/(\d+)/.exec(url)?.[1] ?? '';
    const req = new Request(`${APP}${url}`, {
      method: init.method ?? 'GET',
      headers:
        init.body === undefined ? { origin: APP } : { origin: APP, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const res = await handler(req, { params: Promise.resolve({ id }) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  } finally {
    session.actor = null;
  }
}

const setStatus = (who: Actor, id: number, to: string) =>
  call(who, status.POST, `/api/scenarios/${id}/status`, { method: 'POST', body: { status: to } });

const scenarioId = (r: { body: Record<string, unknown> }) => (r.body.scenario as { id: number }).id;

describe.each(backends())('scenario API on %s', (backend) => {
  let tdb: TestDb;
  const savedUrl = process.env.NEXTAUTH_URL;

  beforeAll(async () => {
    process.env.NEXTAUTH_URL = APP;
    tdb = await createTestDb(backend);
    clearPreparedCache();
    const { result: r } = await importFiles([SMALL_TREE], { actor: inOrg(CLI_ACTOR, 1) }, () => undefined);
    expect(r.ok).toBe(true);
  });
  afterAll(async () => {
    process.env.NEXTAUTH_URL = savedUrl;
    await tdb.drop();
  });

  it('hr creates, suggests, accepts a merge, reads before/after with health, proposes and approves', async () => {
    const made = await call(hr, list.POST, '/api/scenarios', {
      method: 'POST',
      body: { name: 'Flatter', effectiveDate: '2024-09-01' },
    });
    expect(made.status).toBe(201);
    expect(made.body.scenario).toMatchObject({ name: 'Flatter', fromAsOf: AS_OF, unitRootId: null, ops: [] });
    const id = scenarioId(made);

    const merges = await call(hr, suggest.GET, `/api/scenarios/${id}/suggest?kind=span-merges&unit=A&min=3`);
    expect(merges).toEqual({
      status: 200,
      body: {
        ops: [{ op: 'merge', from: 'K', into: 'C' }],
        people: {
          K: { name: 'Kim Sales', title: 'Sales Manager' },
          C: { name: 'Cy Head', title: 'Director of Platform' },
        },
      },
    });
    const layer = await call(hr, suggest.GET, `/api/scenarios/${id}/suggest?kind=remove-layer&under=A`);
    expect(layer.body.ops).toEqual([
      { op: 'remove', id: 'B' },
      { op: 'remove', id: 'C' },
      { op: 'remove', id: 'K' },
    ]);
    const badAsk = await call(hr, suggest.GET, `/api/scenarios/${id}/suggest?kind=span-merges&unit=A&min=1`);
    expect(badAsk.status).toBe(422);
    expect(badAsk.body.error).toMatch(/min: Ask for a span of at least 2/);

    const patched = await call(hr, one.PATCH, `/api/scenarios/${id}`, {
      method: 'PATCH',
      body: { ops: merges.body.ops },
    });
    expect(patched.status).toBe(200);
    const view = (await call(hr, result.GET, `/api/scenarios/${id}/result`)).body as unknown as ScenarioView;
    expect([view.before.headcount, view.after.headcount]).toEqual([12, 12]);
    // managers A B C G K = 5 before; K becomes an IC: 4 after; spans 3 3 2 2 1 -> 3 3 3 2.
    expect([view.before.managers, view.after.managers]).toEqual([5, 4]);
    expect([view.before.span.mean, view.after.span.mean]).toEqual([2.2, 2.75]);
    expect(view.changes.moved).toEqual([{ id: 'L', from: 'K', to: 'C', op: 0 }]);
    expect(view.people.L).toEqual({ name: 'Lee Rep', title: 'Account Executive' });
    const narrow = (side: 'before' | 'after') =>
      view.health[side].flags
        .find((f) => f.kind === 'narrowSpan')
        ?.items.map((i) => i.id)
        .sort();
    expect(narrow('before')).toEqual(['C', 'G', 'K']);
    expect(narrow('after')).toEqual(['G']);
    // No targets set: the target flags and checks are not checked.
    expect(view.health.after.flags.find((f) => f.kind === 'wideSpan')?.count).toBeNull();
    expect(view.health.targets.span.after.pass).toBeNull();
    // Ceiling risk scores declared ICs: D E F H I J L on both sides (K, now without reports, keeps
    // the manager track of M2); hr sees every group.
    expect(view.ceilingRisk.before).toMatchObject({ ics: 7 });
    expect(view.ceilingRisk.after).toMatchObject({ ics: 7 });

    const t = (await call(hr, tree.GET, `/api/scenarios/${id}/tree`)).body as unknown as OrgTreeResponse;
    expect(t.levels[0]?.node?.id).toBe('A');
    expect(t.levels[0]?.children.map((c) => [c.id, c.span])).toEqual([
      ['C', 3],
      ['B', 3],
      ['K', 0],
    ]);
    const sub = (await call(hr, tree.GET, `/api/scenarios/${id}/tree?root=C&depth=2`))
      .body as unknown as OrgTreeResponse;
    expect(sub.levels[0]?.children.map((c) => c.id)).toEqual(['G', 'J', 'L']);
    expect(sub.levels[0]?.children[0]?.children?.map((c) => c.id)).toEqual(['H', 'I']);

    const renamed = await call(hr, one.PATCH, `/api/scenarios/${id}`, {
      method: 'PATCH',
      body: { name: 'Flatter Sales' },
    });
    expect(renamed.body.scenario).toMatchObject({ name: 'Flatter Sales', ops: merges.body.ops });
    expect((await setStatus(hr, id, 'proposed')).body.scenario).toMatchObject({ status: 'proposed' });
    expect((await setStatus(hr, id, 'approved')).body.scenario).toMatchObject({ status: 'approved' });
    const listed = await call(hr, list.GET, '/api/scenarios');
    expect((listed.body.scenarios as Array<{ id: number }>).map((s) => s.id)).toContain(id);
  });

  it('a refused operation is a 422 naming the operation; bad ids and bodies say what to fix', async () => {
    const id = scenarioId(
      await call(hr, list.POST, '/api/scenarios', { method: 'POST', body: { name: 'Bad' } }),
    );
    const empty = (await call(hr, result.GET, `/api/scenarios/${id}/result`)).body as unknown as ScenarioView;
    // No operation: the after side is the before side, to the ceiling-risk summary.
    expect(empty.ceilingRisk.after).toEqual(empty.ceilingRisk.before);
    expect(empty.health.after.flags.slice(0, 4)).toEqual(empty.health.before.flags.slice(0, 4));
    const refused = await call(hr, one.PATCH, `/api/scenarios/${id}`, {
      method: 'PATCH',
      body: {
        ops: [
          { op: 'remove', id: 'J' },
          { op: 'move', id: 'C', to: 'H' },
        ],
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe(
      'operation #2 move {"id":"C","to":"H"} refused: new manager H is inside C\'s own subtree',
    );
    const unknown = await call(hr, list.POST, '/api/scenarios', {
      method: 'POST',
      body: { name: 'Ghost', ops: [{ op: 'remove', id: 'NOBODY' }] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatch(/^operation #1 remove \{"id":"NOBODY"\} refused/);
    expect((await call(hr, one.GET, '/api/scenarios/abc')).status).toBe(422);
    expect((await call(hr, one.GET, '/api/scenarios/999999')).status).toBe(404);
    const noName = await call(hr, list.POST, '/api/scenarios', { method: 'POST', body: { name: ' ' } });
    expect([noName.status, noName.body.error]).toEqual([422, 'name: A scenario needs a name.']);
    expect((await call(hr, one.DELETE, `/api/scenarios/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await call(hr, one.GET, `/api/scenarios/${id}`)).status).toBe(404);
  });

  it('a leader plans inside their subtree only: every operation touching someone outside is refused', async () => {
    const made = await call(leader, list.POST, '/api/scenarios', {
      method: 'POST',
      body: { name: 'Platform' },
    });
    expect(made.status).toBe(201);
    expect(made.body.scenario).toMatchObject({ unitRootId: 'C' });
    const id = scenarioId(made);
    const outside: Array<Record<string, string>> = [
      { op: 'move', id: 'H', to: 'B' },
      { op: 'move', id: 'D', to: 'G' },
      { op: 'remove', id: 'B' },
      { op: 'remove', id: 'G', reportsTo: 'A' },
      { op: 'remove', id: 'C' },
      { op: 'merge', from: 'G', into: 'K' },
      { op: 'merge', from: 'B', into: 'G' },
      { op: 'add', id: 'V9', manager: 'B' },
      { op: 'set-level', id: 'F', level: 'IC4' },
      { op: 'set-level', id: 'C', level: 'M4' },
    ];
    for (const op of outside) {
      const r = await call(leader, one.PATCH, `/api/scenarios/${id}`, {
        method: 'PATCH',
        body: { ops: [op] },
      });
      expect([op, r.status]).toEqual([op, 422]);
      expect(r.body.error).toMatch(/^operation #1 .* refused: .* is not inside the subtree of C$/);
    }
    const inside = await call(leader, one.PATCH, `/api/scenarios/${id}`, {
      method: 'PATCH',
      body: { ops: [{ op: 'merge', from: 'G', into: 'J' }] },
    });
    expect(inside.status).toBe(200);
    const t = (await call(leader, tree.GET, `/api/scenarios/${id}/tree`)).body as unknown as OrgTreeResponse;
    expect(t.levels[0]?.node?.id).toBe('C');
    expect((await call(leader, tree.GET, `/api/scenarios/${id}/tree?root=B`)).status).toBe(404);
    expect(
      (await call(leader, suggest.GET, `/api/scenarios/${id}/suggest?kind=remove-layer&under=B`)).status,
    ).toBe(404);
    expect((await setStatus(leader, id, 'approved')).status).toBe(403);
    expect((await setStatus(leader, id, 'proposed')).status).toBe(200);
    // hr's organisation-wide scenario is not the leader's to see.
    const hrs = scenarioId(
      await call(hr, list.POST, '/api/scenarios', { method: 'POST', body: { name: 'Org' } }),
    );
    expect((await call(leader, result.GET, `/api/scenarios/${hrs}/result`)).status).toBe(404);
    const mine = await call(leader, list.GET, '/api/scenarios');
    expect((mine.body.scenarios as Array<{ id: number }>).map((s) => s.id)).toEqual([id]);
    // the list names the scenario's unit, never the bare id (issue #16)
    expect(mine.body.scenarios).toMatchObject([{ unitRootId: 'C', unitLabel: 'Cy Head (C)' }]);
    const all = (await call(hr, list.GET, '/api/scenarios')).body.scenarios as Array<{
      name: string;
      unitLabel: string | null;
    }>;
    expect(all.find((s) => s.name === 'Org')?.unitLabel).toBeNull();
  });

  it('viewers get 403 on every scenario route', async () => {
    const id = scenarioId(
      await call(hr, list.POST, '/api/scenarios', { method: 'POST', body: { name: 'Seen' } }),
    );
    for (const [handler, url, method] of [
      [list.GET, '/api/scenarios', 'GET'],
      [list.POST, '/api/scenarios', 'POST'],
      [one.GET, `/api/scenarios/${id}`, 'GET'],
      [result.GET, `/api/scenarios/${id}/result`, 'GET'],
      [tree.GET, `/api/scenarios/${id}/tree`, 'GET'],
      [suggest.GET, `/api/scenarios/${id}/suggest?kind=remove-layer&under=A`, 'GET'],
    ] as Array<[Handler, string, string]>) {
      const r = await call(viewer, handler, url, method === 'POST' ? { method, body: { name: 'x' } } : {});
      expect([url, method, r.status]).toEqual([url, method, 403]);
    }
  });
});
