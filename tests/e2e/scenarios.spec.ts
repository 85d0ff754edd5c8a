import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_CEO, signIn } from './helpers';

/** Types into a people search inside `scope` and picks the hit with this id. */
async function pick(scope: Locator, label: string, id: string): Promise<void> {
  const box = scope.getByRole('combobox', { name: label });
  await box.fill(id);
  await scope.getByRole('option').filter({ hasText: id }).first().click();
  await expect(scope.getByText(`(${id})`).first()).toBeVisible();
}

/** The before/after table's cells of one figure: [before, after, difference]. */
async function figure(page: Page, group: string, name: string): Promise<string[]> {
  const row = page.getByTestId('before-after').locator(`tr[data-figure="${group}/${name}"]`);
  return row.getByRole('cell').allInnerTexts();
}

interface ChartNode {
  id: string;
  kind: string;
  name: string | null;
  childCount: number;
  annualCost?: number | null;
}
interface TreeAnswer {
  levels: Array<{ node: ChartNode | null; children: ChartNode[]; more: number }>;
}

/** The top of the scenario's after-state tree (what the chart first draws): its node and reports. */
async function scenarioTop(page: Page, id: string): Promise<{ node: ChartNode; children: ChartNode[] }> {
  const res = await page.request.get(`/api/scenarios/${id}/tree`);
  expect(res.ok()).toBe(true);
  const top = ((await res.json()) as TreeAnswer).levels[0];
  if (!top?.node) throw new Error('the scenario tree has no top');
  return { node: top.node, children: top.children };
}

/** Centres the org chart on a person through its "Find in the chart" search. */
async function findInChart(page: Page, id: string): Promise<void> {
  const chart = page.getByTestId('org-chart');
  await chart.scrollIntoViewIfNeeded();
  await page.getByRole('combobox', { name: /Find in the chart/ }).fill(id);
  await page.getByRole('option').filter({ hasText: id }).first().click();
  await expect(chart.locator(`[data-box-id="${id}"]`)).toBeVisible();
  await page.waitForTimeout(600); // the chart's 300 ms pan to the box
}

/** The first of these people whose box is well inside the chart's visible area. */
async function onScreen(page: Page, ids: string[]): Promise<string | null> {
  const canvas = await page.getByTestId('org-chart').boundingBox();
  if (!canvas) return null;
  for (const id of ids) {
    const box = page.getByTestId('org-chart').locator(`[data-box-id="${id}"]`);
    if ((await box.count()) === 0) continue;
    const b = await box.boundingBox();
    // its centre well inside the canvas, clear of the zoom controls at the bottom left
    const cx = b ? b.x + b.width / 2 : -1;
    const cy = b ? b.y + b.height / 2 : -1;
    if (
      cx > canvas.x + 80 &&
      cx < canvas.x + canvas.width - 20 &&
      cy > canvas.y + 20 &&
      cy < canvas.y + canvas.height - 20
    )
      return id;
  }
  return null;
}

/** Drags box `from` onto box `to` in the org chart (both on screen). */
async function dragBox(page: Page, from: string, to: string): Promise<void> {
  const chart = page.getByTestId('org-chart');
  const ra = await chart.locator(`[data-box-id="${from}"]`).boundingBox();
  const rb = await chart.locator(`[data-box-id="${to}"]`).boundingBox();
  if (!ra || !rb) throw new Error('the boxes are not on screen');
  await page.mouse.move(ra.x + ra.width / 2, ra.y + ra.height * 0.25);
  await page.mouse.down();
  await page.mouse.move(ra.x + ra.width / 2 + 10, ra.y + ra.height * 0.25 + 10, { steps: 4 });
  await page.mouse.move(rb.x + rb.width / 2, rb.y + rb.height / 2, { steps: 20 });
  await page.mouse.up();
}

/**
 * Builds a move by dragging: one of the top's reports onto another manager among them (the chart
 * centred on that manager by its search). Checks the operation list gains the move and the result
 * names the new manager; returns the two ids.
 */
async function dragAReport(page: Page, id: string): Promise<{ who: string; to: string }> {
  const { children } = await scenarioTop(page, id);
  const people = children.filter((c) => c.kind === 'person');
  const to = people.find((c) => c.childCount > 0);
  if (!to) throw new Error('no manager under the top of the chart');
  await findInChart(page, to.id);
  const whoId = await onScreen(
    page,
    people.filter((c) => c.id !== to.id).map((c) => c.id),
  );
  const who = people.find((c) => c.id === whoId);
  if (!who) throw new Error('no other report of the top on screen');
  const ops = page.getByTestId('operations').getByRole('listitem');
  const before = await ops.count();
  await dragBox(page, who.id, to.id);
  await expect(ops).toHaveCount(before + 1);
  await expect(ops.last()).toContainText(`Move ${who.name ?? who.id}`);
  await expect
    .poll(async () => {
      const r = (await (await page.request.get(`/api/scenarios/${id}/result`)).json()) as {
        changes: { moved: Array<{ id: string; to: string }> };
      };
      return r.changes.moved.some((m) => m.id === who.id && m.to === to.id);
    })
    .toBe(true);
  return { who: who.id, to: to.id };
}

/** The cost table's figures of one row as numbers: [before, after, difference] (NaN when hidden). */
async function costFigure(page: Page, name: string): Promise<number[]> {
  const cells = page.getByTestId('scenario-cost').locator(`tr[data-cost="${name}"] td`);
  await expect(cells).toHaveCount(3);
  return Promise.all(
    [0, 1, 2].map(async (k) => Number((await cells.nth(k).getAttribute('data-value')) ?? NaN)),
  );
}

async function noSeriousAxe(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'page scrolls sideways').toBeLessThanOrEqual(1);
}

test('hr builds a scenario: removes a layer and merges a narrow team by the suggestion panels, reads before/after, proposes it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'hr');
  await page.getByRole('link', { name: 'Scenarios' }).click();
  await expect(page.getByRole('heading', { name: 'Scenarios', level: 1 })).toBeVisible();
  await noSeriousAxe(page);
  await page.screenshot({ path: 'test-results/screens/scenarios-list-desktop.png', fullPage: true });
  // The layer under the CEO: the CEO's reports who manage; hr sees each one's annual cost.
  const top = (await (await page.request.get('/api/org/tree')).json()) as TreeAnswer;
  expect(top.levels[0]?.more).toBe(0);
  const layerManagers = (top.levels[0]?.children ?? []).filter(
    (c) => c.kind === 'person' && c.childCount > 0,
  );
  expect(layerManagers.every((c) => typeof c.annualCost === 'number')).toBe(true);
  const removedCost = layerManagers.reduce((t, c) => t + (c.annualCost ?? 0), 0);
  expect(removedCost).toBeGreaterThan(0);
  await page.getByLabel('Name').fill('E2E flatter top');
  await page.getByRole('button', { name: 'Create scenario' }).click();
  await expect(page.getByRole('heading', { name: 'E2E flatter top', level: 1 })).toBeVisible();
  await expect(page.getByTestId('scenario-status')).toHaveText('Draft');
  await expect(
    page.getByTestId('before-after').locator('tr[data-figure="Structure/Headcount"]'),
  ).toBeVisible();
  const [headBefore, headAfter] = await figure(page, 'Structure', 'Headcount');
  expect(headAfter).toBe(headBefore);

  // Remove the layer under the CEO: accept each suggested removal in turn.
  const layer = page.getByTestId('suggest-layer');
  await pick(layer, 'Manager', DEMO_CEO);
  await layer.getByRole('button', { name: 'Suggest' }).click();
  const accepts = layer.getByRole('button', { name: /^Accept: Remove the position of/ });
  await expect(accepts.first()).toBeVisible();
  const toRemove = await accepts.count();
  expect(toRemove).toBe(layerManagers.length);
  for (let k = 0; k < toRemove; k++) {
    await accepts.first().click();
    await expect(page.getByTestId('operations').getByRole('listitem')).toHaveCount(k + 1);
  }
  await expect(layer.getByText('Every suggestion is accepted.')).toBeVisible();

  // Span at least 4 in the CEO's unit: accept the first suggested merge.
  const span = page.getByTestId('suggest-span');
  await pick(span, 'Manager', DEMO_CEO);
  await span.getByLabel('Span at least').fill('4');
  await span.getByRole('button', { name: 'Suggest' }).click();
  const merge = span.getByRole('button', { name: /^Accept: Merge the team of/ }).first();
  await expect(merge).toBeVisible();
  await merge.click();
  const ops = page.getByTestId('operations').getByRole('listitem');
  await expect(ops).toHaveCount(toRemove + 1);
  await expect(ops.last()).toContainText('Merge the team of');

  // Before and after: the removed managers leave the headcount; layers shrink by one.
  await expect(page.getByTestId('before-after')).toBeVisible();
  await expect.poll(async () => (await figure(page, 'Structure', 'Headcount'))[2]).toBe(`−${toRemove}`);
  const [b, a] = await figure(page, 'Structure', 'Headcount');
  expect(b).toBe(headBefore);
  expect(Number(a?.replace(/,/g, ''))).toBe(Number(b?.replace(/,/g, '')) - toRemove);
  const depth = await figure(page, 'Structure', 'Depth (layers)');
  expect(Number(depth[1])).toBe(Number(depth[0]) - 1);
  // shares read in % as on the dashboards, their change in points (the table showed "0.1905")
  const ratio = await figure(page, 'Structure', 'Manager ratio');
  expect(ratio[0]).toMatch(/^\d+\.\d%$/);
  expect(ratio[1]).toMatch(/^\d+\.\d%$/);
  expect(ratio[2]).toMatch(/^(0|[+−]\d+\.\d pts)$/);
  const people = page.getByTestId('people-affected');
  await expect(people.getByRole('cell', { name: 'Position removed' }).first()).toBeVisible();
  await expect(people.getByRole('cell', { name: 'New manager' }).first()).toBeVisible();
  const narrow = page
    .getByTestId('health-flags')
    .getByRole('row', { name: /Managers with one or two reports/ })
    .getByRole('cell');
  await expect(narrow).toHaveCount(2);
  expect((await narrow.allInnerTexts()).every((t) => /^\d[\d,]*$/.test(t))).toBe(true);
  await expect(page.getByTestId('targets-checked')).toBeVisible();
  // The org chart of the after-state: the CEO's box and their reports.
  const chart = page.getByTestId('org-chart');
  await expect(chart).toBeVisible();
  await expect.poll(async () => Number(await chart.getAttribute('data-boxes'))).toBeGreaterThan(1);

  // Undo the merge and put it back: the list is the operations, in order.
  await ops
    .last()
    .getByRole('button', { name: /^Undo operation/ })
    .click();
  await expect(ops).toHaveCount(toRemove);
  await span.getByRole('button', { name: 'Suggest' }).click();
  await span
    .getByRole('button', { name: /^Accept: Merge the team of/ })
    .first()
    .click();
  await expect(ops).toHaveCount(toRemove + 1);

  // The same kind of change by dragging in the chart: a report of the top onto another manager.
  const scenarioId = /\/scenarios\/(\d+)/.exec(page.url())?.[1] ?? '';
  const dragged = await dragAReport(page, scenarioId);
  await expect(ops).toHaveCount(toRemove + 2);

  // A planned position, then someone moved under it by the form (added positions are choosable).
  const form = page.getByTestId('op-form');
  await form.getByLabel('Operation').selectOption('add');
  await form.getByLabel('New position id').fill('E2E-PLAN-1');
  await pick(form, 'Manager of the new position', dragged.to);
  await form.getByRole('button', { name: 'Add operation' }).click();
  await expect(ops).toHaveCount(toRemove + 3);
  await form.getByLabel('Operation').selectOption('move');
  await pick(form, 'Person to move', dragged.who);
  await pick(form, 'New manager', 'E2E-PLAN-1');
  await form.getByRole('button', { name: 'Add operation' }).click();
  await expect(ops).toHaveCount(toRemove + 4);
  await expect(ops.last()).toContainText('E2E-PLAN-1');

  // Cost: the removed managers' cost is saved; merges and moves only shift cost between management
  // and ICs; the planned position has no level, so it is listed as not costed.
  const cost = page.getByTestId('scenario-cost');
  await expect(cost).toBeVisible();
  await expect
    .poll(async () => (await costFigure(page, 'Total cost'))[2] ?? NaN)
    .toBeCloseTo(-removedCost, 1);
  const [costBefore, costAfter, costDiff] = await costFigure(page, 'Total cost');
  expect(costBefore).toBeGreaterThan(0);
  expect(costDiff).toBeCloseTo((costAfter ?? 0) - (costBefore ?? 0), 1);
  const [mBefore, mAfter, mDiff] = await costFigure(page, 'Management cost');
  expect(mDiff).toBeCloseTo((mAfter ?? 0) - (mBefore ?? 0), 1);
  expect(mDiff).toBeLessThan(0);
  const removedRow = page.getByTestId('cost-groups').getByRole('row', { name: /^Removed positions/ });
  await expect(removedRow.getByRole('cell').nth(1)).toHaveText(String(toRemove));
  await expect(removedRow.getByRole('cell').nth(3)).toHaveText(
    removedCost.toLocaleString('en', { maximumFractionDigits: 0 }),
  );
  const planned = page.getByTestId('cost-people').getByRole('row', { name: /E2E-PLAN-1/ });
  await expect(planned).toContainText('not costed');
  await noSeriousAxe(page);
  await page.screenshot({ path: 'test-results/screens/scenario-editor-desktop.png', fullPage: true });
  await cost.screenshot({ path: 'test-results/screens/scenario-cost-desktop.png' });
  await page
    .getByTestId('cost-groups')
    .screenshot({ path: 'test-results/screens/scenario-cost-groups-desktop.png' });
  await page
    .getByTestId('cost-people')
    .screenshot({ path: 'test-results/screens/scenario-cost-people-desktop.png' });

  await page.getByRole('button', { name: 'Propose' }).click();
  await expect(page.getByTestId('scenario-status')).toHaveText('Proposed');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId('before-after')).toBeVisible();
  await noSeriousAxe(page);
  await expect(page.getByTestId('scenario-cost')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/scenario-editor-phone.png', fullPage: true });
  await page
    .getByTestId('scenario-cost')
    .screenshot({ path: 'test-results/screens/scenario-cost-phone.png' });
  await page
    .getByTestId('cost-people')
    .screenshot({ path: 'test-results/screens/scenario-cost-people-phone.png' });
  await page.goto('/scenarios');
  await expect(
    page.getByTestId('scenario-list').getByRole('link', { name: 'E2E flatter top' }),
  ).toBeVisible();
  await noSeriousAxe(page);
  await page.screenshot({ path: 'test-results/screens/scenarios-list-phone.png', fullPage: true });
});

test('a leader plans inside their subtree only; a viewer has no scenarios', async ({ page, browser }) => {
  await signIn(page, 'admin');
  const tree = (await (await page.request.get('/api/org/tree')).json()) as {
    levels: Array<{
      children: Array<{ id: string; name: string | null; subtreeSize: number; kind: string }>;
    }>;
  };
  const [mine, other] = (tree.levels[0]?.children ?? [])
    .filter((c) => c.kind === 'person' && c.subtreeSize >= 10)
    .sort((x, y) => y.subtreeSize - x.subtreeSize);
  expect(mine && other).toBeTruthy();
  if (!mine || !other) return;
  const email = 'scenario-leader@e2e.test';
  const made = await page.request.post('/api/admin/users', {
    data: { email, role: 'leader', scopeEmployeeId: mine.id, password: 'scenario-password-1' },
  });
  expect([201, 200, 409]).toContain(made.status());
  const inside = (
    (await (await page.request.get(`/api/org/tree?root=${mine.id}`)).json()) as {
      levels: Array<{ children: Array<{ id: string; kind: string }> }>;
    }
  ).levels[0]?.children.find((c) => c.kind === 'person');
  expect(inside).toBeTruthy();

  const ctx = await browser.newContext();
  const lp = await ctx.newPage();
  await lp.goto('/login');
  await lp.getByLabel('Email').fill(email);
  await lp.getByLabel('Password').fill('scenario-password-1');
  await lp.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(lp.getByTestId('current-role')).toBeVisible();
  await lp.goto('/scenarios');
  await lp.getByLabel('Name').fill('E2E my subtree');
  await lp.getByRole('button', { name: 'Create scenario' }).click();
  await expect(lp.getByRole('heading', { name: 'E2E my subtree', level: 1 })).toBeVisible();
  await expect(lp.getByText(`subtree of`).first()).toBeVisible();
  // the unit is named before any operation (it read "Unit: subtree of (E000001)")
  if (mine.name) await expect(lp.getByText(`Unit: subtree of ${mine.name} (${mine.id})`)).toBeVisible();
  // the editor's header dates read in the reader's locale, not ISO (issue #16)
  await expect(lp.getByText(/^From snapshot /)).not.toHaveText(/\d{4}-\d{2}-\d{2}/);
  const id = /\/scenarios\/(\d+)/.exec(lp.url())?.[1];
  expect(id).toBeTruthy();
  // the list names the scenario's unit: "Name (id)", never the bare id (issue #16)
  await lp.goto('/scenarios');
  const row = lp.getByTestId('scenario-list').getByRole('row', { name: /E2E my subtree/ });
  await expect(row).toContainText(new RegExp(`\\S.* \\(${mine.id}\\)`));
  await lp.goto(`/scenarios/${id}`);
  await expect(lp.getByRole('heading', { name: 'E2E my subtree', level: 1 })).toBeVisible();

  // The people search of the operation form finds nobody outside the subtree.
  const form = lp.getByTestId('op-form');
  const person = form.getByRole('combobox', { name: 'Person to move' });
  await person.fill(other.id);
  await expect(form.getByRole('status').first()).toHaveText('0 matches');
  await expect(form.getByRole('listbox')).toHaveCount(0);
  // Asked directly, an operation touching someone outside is refused, naming the operation.
  const refused = await lp.request.patch(`/api/scenarios/${id}`, {
    data: { ops: [{ op: 'move', id: inside?.id, to: other.id }] },
  });
  expect(refused.status()).toBe(422);
  expect(((await refused.json()) as { error: string }).error).toBe(
    `operation #1 move {"id":"${inside?.id}","to":"${other.id}"} refused: ${other.id} is not inside the subtree of ${mine.id}`,
  );
  await expect(lp.getByTestId('operations').getByRole('listitem')).toHaveCount(0);
  // Nor may the larger edits be suggested about someone outside (404, as for anything out of scope).
  for (const query of [`kind=remove-layer&under=${other.id}`, `kind=span-merges&unit=${other.id}&min=4`])
    expect((await lp.request.get(`/api/scenarios/${id}/suggest?${query}`)).status()).toBe(404);
  // Approving is for hr and admin.
  await expect(lp.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  expect(
    (await lp.request.post(`/api/scenarios/${id}/status`, { data: { status: 'approved' } })).status(),
  ).toBe(403);
  // Remove the layer under the leader's top and merge a narrow team, by the buttons ...
  const layer = lp.getByTestId('suggest-layer');
  await pick(layer, 'Manager', mine.id);
  await layer.getByRole('button', { name: 'Suggest' }).click();
  const accepts = layer.getByRole('button', { name: /^Accept: Remove the position of/ });
  await expect(accepts.first()).toBeVisible();
  const toRemove = await accepts.count();
  const ops = lp.getByTestId('operations').getByRole('listitem');
  for (let k = 0; k < toRemove; k++) {
    await accepts.first().click();
    await expect(ops).toHaveCount(k + 1);
  }
  const span = lp.getByTestId('suggest-span');
  await pick(span, 'Manager', mine.id);
  await span.getByLabel('Span at least').fill('4');
  await span.getByRole('button', { name: 'Suggest' }).click();
  const merge = span.getByRole('button', { name: /^Accept: Merge the team of/ }).first();
  await expect(merge).toBeVisible();
  await merge.click();
  await expect(ops).toHaveCount(toRemove + 1);
  // ... and by dragging inside the subtree.
  await dragAReport(lp, id ?? '');
  await expect(ops).toHaveCount(toRemove + 2);
  // Nobody outside the subtree is in the chart to drop on; dragging the unit's top under one of its
  // own reports is refused, naming the move.
  const chart = lp.getByTestId('org-chart');
  await expect(chart.locator(`[data-box-id="${other.id}"]`)).toHaveCount(0);
  await findInChart(lp, mine.id);
  const under = await onScreen(
    lp,
    (await scenarioTop(lp, id ?? '')).children.filter((c) => c.kind === 'person').map((c) => c.id),
  );
  expect(under).toBeTruthy();
  if (under) {
    await dragBox(lp, mine.id, under);
    await expect(lp.getByText(/cannot move under/)).toBeAttached();
    await expect(ops).toHaveCount(toRemove + 2);
  }
  // The leader reads the cost as unit totals: figures or hidden, never a made-up 0. A hidden cell is
  // short ("<5" or "hidden"): the note above the table says why once, not in every cell (issue #16).
  const cost = lp.getByTestId('scenario-cost');
  await expect(cost).toBeVisible();
  await expect(cost.locator('tr[data-cost="Total cost"] td').first()).toHaveText(/^([\d,]+|<\d+|hidden)$/);
  if (
    /^(<\d+|hidden)$/.test((await cost.locator('tr[data-cost="Total cost"] td').first().textContent()) ?? '')
  )
    await expect(cost.getByTestId('cost-hidden')).toContainText(/hidden/);
  const [lb, la, ld] = await costFigure(lp, 'Total cost');
  if (!Number.isNaN(ld)) expect(ld).toBeCloseTo((la ?? 0) - (lb ?? 0), 1);
  await expect(lp.getByRole('heading', { name: 'Cost: people and planned positions' })).toHaveCount(0);
  await noSeriousAxe(lp);
  await lp.screenshot({ path: 'test-results/screens/scenario-editor-leader.png', fullPage: true });
  await cost.screenshot({ path: 'test-results/screens/scenario-cost-leader.png' });

  // Rename, then delete the draft.
  await lp.getByText('Rename or delete').click();
  await lp.getByRole('textbox', { name: 'Name', exact: true }).fill('E2E my subtree, renamed');
  await lp.getByRole('button', { name: 'Rename' }).click();
  await expect(lp.getByRole('heading', { name: 'E2E my subtree, renamed', level: 1 })).toBeVisible();
  lp.once('dialog', (d) => void d.accept());
  await lp.getByRole('button', { name: 'Delete scenario' }).click();
  await expect(lp.getByRole('heading', { name: 'Scenarios', level: 1 })).toBeVisible();
  await expect(lp.getByTestId('scenario-list').getByText('No scenarios yet')).toBeVisible();
  await ctx.close();

  const viewerCtx = await browser.newContext();
  const vp = await viewerCtx.newPage();
  await signIn(vp, 'viewer');
  await expect(vp.getByRole('link', { name: 'Scenarios' })).toHaveCount(0);
  expect((await vp.request.get('/api/scenarios')).status()).toBe(403);
  await viewerCtx.close();
});
