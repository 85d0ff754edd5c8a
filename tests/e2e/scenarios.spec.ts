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
  const row = page
    .getByTestId('before-after')
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: group, exact: true }) })
    .filter({ has: page.getByRole('cell', { name, exact: true }) });
  return (await row.first().getByRole('cell').allInnerTexts()).slice(2);
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
  await page.getByLabel('Name').fill('E2E flatter top');
  await page.getByRole('button', { name: 'Create scenario' }).click();
  await expect(page.getByRole('heading', { name: 'E2E flatter top', level: 1 })).toBeVisible();
  await expect(page.getByTestId('scenario-status')).toHaveText('Draft');
  const [headBefore] = await figure(page, 'Structure', 'Headcount');

  // Remove the layer under the CEO: accept each suggested removal in turn.
  const layer = page.getByTestId('suggest-layer');
  await pick(layer, 'Manager', DEMO_CEO);
  await layer.getByRole('button', { name: 'Suggest' }).click();
  const accepts = layer.getByRole('button', { name: /^Accept: Remove the position of/ });
  await expect(accepts.first()).toBeVisible();
  const toRemove = await accepts.count();
  expect(toRemove).toBeGreaterThan(0);
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
  await noSeriousAxe(page);
  await page.screenshot({ path: 'test-results/screens/scenario-editor-desktop.png', fullPage: true });

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

  await page.getByRole('button', { name: 'Propose' }).click();
  await expect(page.getByTestId('scenario-status')).toHaveText('Proposed');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId('before-after')).toBeVisible();
  await noSeriousAxe(page);
  await page.screenshot({ path: 'test-results/screens/scenario-editor-phone.png', fullPage: true });
  await page.goto('/scenarios');
  await expect(
    page.getByTestId('scenario-list').getByRole('link', { name: 'E2E flatter top' }),
  ).toBeVisible();
  await noSeriousAxe(page);
});

test('a leader plans inside their subtree only; a viewer has no scenarios', async ({ page, browser }) => {
  await signIn(page, 'admin');
  const tree = (await (await page.request.get('/api/org/tree')).json()) as {
    levels: Array<{ children: Array<{ id: string; subtreeSize: number; kind: string }> }>;
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
  const id = /\/scenarios\/(\d+)/.exec(lp.url())?.[1];
  expect(id).toBeTruthy();

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
  // Approving is for hr and admin.
  await expect(lp.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  expect(
    (await lp.request.post(`/api/scenarios/${id}/status`, { data: { status: 'approved' } })).status(),
  ).toBe(403);
  await ctx.close();

  const viewerCtx = await browser.newContext();
  const vp = await viewerCtx.newPage();
  await signIn(vp, 'viewer');
  await expect(vp.getByRole('link', { name: 'Scenarios' })).toHaveCount(0);
  expect((await vp.request.get('/api/scenarios')).status()).toBe(403);
  await viewerCtx.close();
});
