import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { StructureDashboard } from '@/lib/dal/dashboards/structure';
import type { OrgTreeResponse, TreeNode } from '@/lib/dal/dashboards/org-tree';
import { isSuppressed, type SuppressedMarker } from '@/lib/query/suppressed';
import { isFoldable } from '@/lib/privacy/hidden-text';
import { signIn, type E2eRole } from './helpers';

const int = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 1 });
const dec = (n: number | null) => (n === null ? '—' : n.toLocaleString('en', { maximumFractionDigits: 2 }));

async function api<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.ok(), `${url} -> ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}

async function openStructure(page: Page, query = '') {
  await page.goto(`/structure${query}`);
  await expect(page.getByTestId('structure')).toBeVisible();
}

function unwrap<T>(v: T): Exclude<T, SuppressedMarker> {
  if (isSuppressed(v)) throw new Error('unexpectedly suppressed');
  return v as Exclude<T, SuppressedMarker>;
}

async function readDownload(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const p = await download.path();
  return fs.readFileSync(p, 'utf8');
}

for (const role of ['admin', 'hr', 'leader', 'viewer'] as E2eRole[]) {
  test(`structure page for ${role}: figures match the API, screenshots at desktop and phone size`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, role);
    await openStructure(page);
    const d = await api<StructureDashboard>(page, '/api/metrics/structure');
    const s = unwrap(d.summary);
    await expect(page.getByTestId('kpi-headcount-value')).toHaveText(int(s.headcount));
    await expect(page.getByTestId('kpi-managers-value')).toHaveText(int(s.managers));
    await expect(page.getByTestId('kpi-spanMedian-value')).toHaveText(dec(s.span.median));
    await expect(page.getByTestId('kpi-depth-value')).toHaveText(int(s.depth));
    await expect(page.getByTestId('kpi-middleManagers-value')).toHaveText(int(s.middleManagers));
    await expect(page.getByTestId('narrow-span-count')).toHaveText(int(unwrap(d.narrowSpan.count)));

    // The department table shows the API's rows, largest first.
    const table = page.getByTestId('department-table');
    const first = d.departments[0];
    expect(first).toBeTruthy();
    const firstRow = table.locator('tbody tr').first();
    await expect(firstRow.locator('th')).toHaveText(first?.department ?? '(no department)');
    await expect(firstRow.locator('td').first()).toHaveText(
      int(unwrap(first?.metrics ?? null)?.headcount ?? 0),
    );
    // departments the floor hides are listed on request (issue #16)
    const hidden = d.departments.filter((r) => isSuppressed(r.metrics)).length;
    if (isFoldable(hidden, d.departments.length)) {
      await expect(table.locator('tbody tr')).toHaveCount(d.departments.length - hidden);
      await page.getByTestId('department-table-hidden').click();
    } else await expect(page.getByTestId('department-table-hidden')).toHaveCount(0);
    await expect(table.locator('tbody tr')).toHaveCount(d.departments.length);

    if (role === 'viewer') {
      // only managers labelling a unit of at least 5 people, never with a title; the rest counted
      const listed = d.narrowSpan.managers ?? [];
      expect(
        listed.every((m) => m.title === null && (m.subtreeSize === null || m.subtreeSize + 1 >= 5)),
      ).toBe(true);
      expect(listed.length + d.narrowSpan.more + d.narrowSpan.unlabelled).toBe(unwrap(d.narrowSpan.count));
      if (d.narrowSpan.unlabelled > 0)
        await expect(page.getByTestId('narrow-span-unlabelled')).toContainText('team of fewer than 5 people');
      const tree = await api<OrgTreeResponse>(page, '/api/org/tree?depth=3');
      const all: TreeNode[] = [];
      const walk = (ns: TreeNode[]) => ns.forEach((n) => (all.push(n), walk(n.children ?? [])));
      walk(tree.levels[0]?.children ?? []);
      expect(all.length).toBeGreaterThan(0);
      expect(all.filter((n) => n.kind === 'person' && n.level === 'ic')).toEqual([]);
      // a named manager leads a unit of at least 5; its headcount is 0 (not shown) where the
      // privacy floor hides the unit, so no parent minus its children counts a small group
      expect(all.filter((n) => n.kind === 'person' && n.subtreeSize > 0 && n.subtreeSize + 1 < 5)).toEqual(
        [],
      );
      expect(all.filter((n) => n.title !== null)).toEqual([]);
      expect(all.some((n) => n.kind === 'ic-group')).toBe(true);
    } else {
      expect(d.narrowSpan.managers?.length).toBe(unwrap(d.narrowSpan.count));
      await expect(page.getByTestId('narrow-span-table').locator('tbody tr')).toHaveCount(
        Math.min(25, d.narrowSpan.managers?.length ?? 0),
      );
    }

    const axe = await new AxeBuilder({ page }).include('[data-testid=structure]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);

    await page.screenshot({ path: `test-results/screens/structure-${role}-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `test-results/screens/structure-${role}-390.png`, fullPage: true });
  });
}

test('charts have a table view and a CSV of exactly the rows drawn; McKinsey bands name their source', async ({
  page,
}) => {
  await signIn(page, 'hr');
  await openStructure(page);
  const d = await api<StructureDashboard>(page, '/api/metrics/structure');
  const bands = unwrap(d.bands);
  const card = page.locator('section.chart-card', { has: page.getByRole('heading', { name: /Span bands/ }) });
  await card.getByRole('button', { name: 'Table' }).click();
  await expect(card.locator('tbody tr')).toHaveCount(bands.length);
  await expect(card.locator('tbody tr').nth(2).locator('td').nth(1)).toHaveText(int(bands[2]?.managers ?? 0));
  const csv = await readDownload(page, () => card.getByRole('button', { name: 'Download CSV' }).click());
  const lines = csv.trim().split(/\r\n/);
  expect(lines[0]).toBe('Span band,Managers,Share of managers (%)');
  expect(lines).toHaveLength(bands.length + 1);
  const pctOf = (v: number | null | undefined) =>
    v === null || v === undefined ? '' : Math.round(v * 10000) / 100;
  expect(lines[3]).toBe(`${bands[2]?.band},${bands[2]?.managers},${pctOf(bands[2]?.share)}`);

  const hist = page.locator('section.chart-card', {
    has: page.getByRole('heading', { name: /Spans histogram/ }),
  });
  const toggle = hist.getByRole('button', { name: 'McKinsey bands' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const legend = hist.getByTestId('archetype-legend');
  await expect(legend).toContainText('Player-coach (3-5)');
  await expect(legend).toContainText('Coordinator (15+)');
  await expect(legend).toContainText(
    /Source: McKinsey & Company, .How to identify the right .spans of control/,
  );
  const arch = unwrap(d.archetypes);
  const coach = arch.bands.find((b) => b.key === 'coach');
  await expect(legend).toContainText(`Coach (6-7): ${(((coach?.share ?? 0) as number) * 100).toFixed(1)}%`);
  await expect(hist.locator('.recharts-reference-area')).toHaveCount(5);
  const histCsv = await readDownload(page, () => hist.getByRole('button', { name: 'Download CSV' }).click());
  expect(histCsv.split(/\r\n/)[0]).toBe('Direct reports,Managers,McKinsey archetype');
  expect(histCsv.trim().split(/\r\n/)).toHaveLength(unwrap(d.histogram).length + 1);
  await page.screenshot({ path: 'test-results/screens/structure-mckinsey-1280.png', fullPage: false });
});

test('department table sorts with aria-sort and downloads CSV; a department click filters the dashboard', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await openStructure(page);
  const table = page.getByTestId('department-table');
  const th = table.locator('thead th', { hasText: 'Managers' }).first();
  await expect(th).toHaveAttribute('aria-sort', 'none');
  await th.getByRole('button').click();
  await expect(th).toHaveAttribute('aria-sort', 'descending');
  const col = async () =>
    (await table.locator('tbody tr td:nth-of-type(2)').allTextContents()).map((t) =>
      Number(t.replace(/,/g, '')),
    );
  const desc = await col();
  expect(desc).toEqual([...desc].sort((a, b) => b - a));
  await th.getByRole('button').click();
  await expect(th).toHaveAttribute('aria-sort', 'ascending');
  const asc = await col();
  expect(asc).toEqual([...asc].sort((a, b) => a - b));

  const csv = await readDownload(page, () => table.getByRole('button', { name: 'Download CSV' }).click());
  const lines = csv.trim().split(/\r\n/);
  expect(lines[0]).toContain('Department,Headcount,Managers,ICs,Depth');
  expect(lines).toHaveLength((await table.locator('tbody tr').count()) + 1);

  const name = (await table.locator('tbody tr th').first().textContent()) ?? '';
  await table.locator('tbody tr th').first().getByRole('button').click();
  await expect(page).toHaveURL(
    new RegExp(`department=${encodeURIComponent(name).replace(/%20/g, '(\\+|%20)')}`),
  );
  const d = await api<StructureDashboard>(
    page,
    `/api/metrics/structure?department=${encodeURIComponent(name)}`,
  );
  await expect(page.getByTestId('kpi-headcount-value')).toHaveText(int(unwrap(d.summary).headcount));
});

test('org explorer: keyboard, lazy expand, search with expand-to-path, and scoping the dashboard', async ({
  page,
}) => {
  await signIn(page, 'leader');
  await openStructure(page);
  const tree = page.getByRole('tree', { name: 'Org explorer' });
  const top = await api<OrgTreeResponse>(page, '/api/org/tree');
  const root = top.levels[0]?.node;
  const firstChild = top.levels[0]?.children[0];
  expect(root && firstChild).toBeTruthy();
  const rootItem = tree.locator(`[data-node-id="${root?.id}"]`);
  await expect(rootItem).toHaveAttribute('aria-expanded', 'true');
  await expect(rootItem).toContainText(`${root?.subtreeSize.toLocaleString('en')} below`);
  const shown = top.levels[0]?.children.length ?? 0;
  await expect(tree.getByRole('treeitem')).toHaveCount(1 + shown + ((top.levels[0]?.more ?? 0) > 0 ? 1 : 0));

  // keyboard: focus the root, move down to the first child, open it (fetched lazily), step in
  await rootItem.focus();
  await page.keyboard.press('ArrowDown');
  const childItem = tree.locator(`[data-node-id="${firstChild?.id}"]`);
  await expect(childItem).toBeFocused();
  await expect(childItem).toHaveAttribute('aria-expanded', 'false');
  const sub = await api<OrgTreeResponse>(page, `/api/org/tree?root=${firstChild?.id}`);
  await page.keyboard.press('ArrowRight');
  await expect(childItem).toHaveAttribute('aria-expanded', 'true');
  const grandchild = sub.levels[0]?.children[0];
  await page.keyboard.press('ArrowRight');
  await expect(tree.locator(`[data-node-id="${grandchild?.id}"]`)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(childItem).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(childItem).toHaveAttribute('aria-expanded', 'false');

  // Enter scopes the whole dashboard to the focused node
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`subtree=${firstChild?.id}`));
  const scoped = await api<StructureDashboard>(page, `/api/metrics/structure?subtree=${firstChild?.id}`);
  await expect(page.getByTestId('kpi-headcount-value')).toHaveText(int(unwrap(scoped.summary).headcount));
  expect(unwrap(scoped.summary).headcount).toBe((firstChild?.subtreeSize ?? 0) + 1);
  await expect(tree.locator(`[data-node-id="${firstChild?.id}"]`)).toHaveAttribute('aria-selected', 'true');

  // search someone deep in the tree: the path opens and they get focus
  const deep = await api<OrgTreeResponse>(page, `/api/org/tree?root=${grandchild?.id}`);
  const target = deep.levels[0]?.children[0] ?? grandchild;
  const search = page.getByRole('combobox', { name: /Find in the org/ });
  await search.fill(target?.name ?? '');
  await page.getByRole('option', { name: new RegExp(`\\b${target?.id}\\b`) }).click();
  const hit = tree.locator(`[data-node-id="${target?.id}"]`);
  await expect(hit).toBeFocused();
  await expect(hit).toBeInViewport();
  await page.screenshot({ path: 'test-results/screens/structure-explorer-1280.png', fullPage: false });

  // the "Scope dashboard here" button does the same as Enter
  await rootItem.getByRole('button', { name: 'Scope dashboard here', includeHidden: true }).click();
  await expect(page).toHaveURL(new RegExp(`subtree=${root?.id}`));
});

test('the tree API refuses viewers an IC and validates its input', async ({ page, browser }) => {
  await signIn(page, 'viewer');
  const top = await api<OrgTreeResponse>(page, '/api/org/tree');
  expect(top.levels[0]?.children.every((c) => c.kind !== 'person' || c.level !== 'ic')).toBe(true);
  // an IC id (found as hr) is a 404 for the viewer
  const hrCtx = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const hrPage = await hrCtx.newPage();
  await signIn(hrPage, 'hr');
  const deep = await api<OrgTreeResponse>(hrPage, '/api/org/tree?depth=3');
  const all: TreeNode[] = [];
  const walk = (ns: TreeNode[]) => ns.forEach((n) => (all.push(n), walk(n.children ?? [])));
  walk(deep.levels[0]?.children ?? []);
  const ic = all.find((n) => n.kind === 'person' && n.level === 'ic');
  expect(ic).toBeTruthy();
  expect((await page.request.get(`/api/org/tree?root=${ic?.id}`)).status()).toBe(404);
  expect((await page.request.get(`/api/org/tree?reveal=${ic?.id}`)).status()).toBe(404);
  expect((await page.request.get('/api/org/tree?depth=9')).status()).toBe(422);
  await hrCtx.close();
});

test("a viewer's explorer shows no name of a manager of a team under 5 people", async ({ page, browser }) => {
  // as hr, walk down the tree to a manager whose unit (them and everyone below) is under 5 people
  const hrCtx = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const hrPage = await hrCtx.newPage();
  await signIn(hrPage, 'hr');
  const queue = [...((await api<OrgTreeResponse>(hrPage, '/api/org/tree')).levels[0]?.children ?? [])];
  let found: { small: TreeNode; parent: TreeNode } | null = null;
  for (let n = 0; n < 150 && queue.length && !found; n++) {
    const parent = queue.shift();
    if (!parent || parent.kind !== 'person' || parent.childCount === 0) continue;
    const kids =
      (await api<OrgTreeResponse>(hrPage, `/api/org/tree?root=${parent.id}`)).levels[0]?.children ?? [];
    const small = kids.find((k) => k.kind === 'person' && k.level !== 'ic' && k.subtreeSize + 1 < 5);
    if (small && parent.subtreeSize + 1 >= 5) found = { small, parent };
    queue.push(...kids);
  }
  await hrCtx.close();
  expect(found, 'the demo company has a team under 5 people').toBeTruthy();
  const small = found?.small;
  const parent = found?.parent;

  // as a viewer, find the parent in the explorer, open it: the small team is there, unnamed
  await signIn(page, 'viewer');
  await openStructure(page);
  const tree = page.getByRole('tree', { name: 'Org explorer' });
  await page.getByRole('combobox', { name: /Find in the org/ }).fill(parent?.name ?? '');
  await page.getByRole('option', { name: new RegExp(`\\b${parent?.id}\\b`) }).click();
  const parentItem = tree.locator(`[data-node-id="${parent?.id}"]`);
  await expect(parentItem).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(parentItem).toHaveAttribute('aria-expanded', 'true');
  await expect(tree.locator(`[data-node-id="~teams~${parent?.id}"]`)).toContainText(
    /team(s)? of fewer than 5 people/,
  );
  await expect(tree).not.toContainText(small?.name ?? '');
  await expect(tree.locator(`[data-node-id="${small?.id}"]`)).toHaveCount(0);
  expect((await page.request.get(`/api/org/tree?root=${small?.id}`)).status()).toBe(404);
  const hits = await api<{ people: TreeNode[] }>(
    page,
    `/api/org/people?q=${encodeURIComponent(small?.name ?? '')}`,
  );
  expect(hits.people.map((h) => h.id)).not.toContain(small?.id);
  await tree.locator(`[data-node-id="~teams~${parent?.id}"]`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/structure-explorer-viewer-1280.png', fullPage: false });
});
