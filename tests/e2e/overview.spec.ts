import { formatDay, formatDaysIn } from '@/lib/dates';
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn, type E2eRole } from './helpers';

interface Kpi {
  key: string;
  value: number | null;
}
interface Overview {
  asOf: string;
  kpis: Kpi[] | { suppressed: true; minGroupSize: number; reason: 'small' | 'complement' };
  findings: Array<{ text: string }>;
}
interface Hit {
  id: string;
  subtreeSize: number;
}

const fmt = (k: Kpi) =>
  k.value === null
    ? '—'
    : k.key === 'seniorIcShare'
      ? `${(k.value * 100).toFixed(1)}%`
      : k.value.toLocaleString('en', {
          maximumFractionDigits: k.key === 'icsPerManager' || k.key === 'medianSpan' ? 2 : 1,
        });

async function expectKpisMatchApi(page: Page, query = '') {
  const api = (await (await page.request.get(`/api/metrics/overview${query}`)).json()) as Overview;
  if (!Array.isArray(api.kpis)) throw new Error('expected figures, got suppression');
  for (const k of api.kpis) await expect(page.getByTestId(`kpi-${k.key}-value`)).toHaveText(fmt(k));
  return api;
}

for (const role of ['admin', 'hr', 'leader', 'viewer'] as E2eRole[]) {
  test(`${role} sees the overview with the API's figures`, async ({ page }) => {
    await signIn(page, role);
    await page.goto('/overview');
    const api = await expectKpisMatchApi(page);
    // dates on screen in the reader's locale (en-US here), never ISO (issue #16)
    await expect(page.getByText(`As of ${formatDay(api.asOf, 'en-US')}`)).toBeVisible();
    for (const f of api.findings)
      await expect(page.getByTestId('findings')).toContainText(formatDaysIn(f.text, 'en-US'));
    await page.screenshot({ path: `test-results/screens/overview-${role}.png`, fullPage: true });
  });
}

test('filters live in the URL: a department view reloads with the same figures, and the table view and CSV work', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await page.goto('/overview');
  const dept = page.getByLabel('Department', { exact: true });
  // Wait for the department list to load before reading it.
  await expect.poll(async () => dept.locator('option').count()).toBeGreaterThan(1);
  const options = await dept.locator('option').allTextContents();
  const name = options.find((o) => o !== 'All departments') ?? '';
  await dept.selectOption({ label: name });
  await expect(page).toHaveURL(/department=/);
  const q = `?department=${encodeURIComponent(name)}`;
  await expectKpisMatchApi(page, q);
  await page.reload();
  await expectKpisMatchApi(page, q);
  const card = page.getByRole('region', { name: /Spans of control/ });
  await card.getByRole('button', { name: 'Table' }).click();
  await expect(card.getByRole('table')).toBeVisible();
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Download CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^spans-.*\.csv$/);
});

test('filters follow the user: the snapshot and department chosen on one page stay chosen on the next, and the report form starts from them', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await page.goto('/overview');
  const dept = page.getByLabel('Department', { exact: true });
  await expect.poll(async () => dept.locator('option').count()).toBeGreaterThan(1);
  const name = (await dept.locator('option').allTextContents()).find((o) => o !== 'All departments') ?? '';
  await dept.selectOption({ label: name });
  await expect(page).toHaveURL(/department=/);
  const snap = page.getByLabel('Snapshot', { exact: true });
  const dates = (
    await snap.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
  ).filter(Boolean);
  const earlier = dates[1] ?? dates[0] ?? '';
  await snap.selectOption(earlier);
  await expect(page).toHaveURL(new RegExp(`asOf=${earlier}`));
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const label of ['Structure', 'Ladder', 'Trends']) {
    await nav.getByRole('link', { name: label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`asOf=${earlier}.*department=`));
    await expect(page.getByLabel('Department', { exact: true })).toHaveValue(name);
    await expect(page.getByLabel('Snapshot', { exact: true })).toHaveValue(earlier);
  }
  await nav.getByRole('link', { name: 'Reports', exact: true }).click();
  await expect(page.getByLabel('One department')).toBeChecked();
  await expect(page.getByLabel('Department', { exact: true })).toHaveValue(name);
});

test('a scoped leader sees only their subtree, cannot leave it, and a small group is suppressed', async ({
  page,
  browser,
}) => {
  await signIn(page, 'admin');
  const find = async (q: string) =>
    (
      (await (await page.request.get(`/api/org/people?q=${encodeURIComponent(q)}`)).json()) as {
        people: Hit[];
      }
    ).people;
  // A director-level manager with a real team, and an individual contributor (a group of one).
  const big = [...(await find('Director')), ...(await find('VP'))].find((h) => h.subtreeSize >= 20);
  const small = [...(await find('Associate')), ...(await find('Software Engineer'))].find(
    (h) => h.subtreeSize === 0,
  );
  expect(big && small).toBeTruthy();
  if (!big || !small) return;
  const mk = async (email: string, scope: string, role: string) =>
    page.request.post('/api/admin/users', {
      data: { email, role, scopeEmployeeId: scope, password: 'scoped-password-1' },
    });
  await mk('scoped-leader@e2e.test', big.id, 'leader');
  await mk('small-viewer@e2e.test', small.id, 'viewer');

  const leaderCtx = await browser.newContext();
  const lp = await leaderCtx.newPage();
  await lp.goto('/login');
  await lp.getByLabel('Email').fill('scoped-leader@e2e.test');
  await lp.getByLabel('Password').fill('scoped-password-1');
  await lp.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(lp.getByTestId('current-role')).toBeVisible();
  await lp.goto('/overview');
  const api = await expectKpisMatchApi(lp);
  const headcount = Array.isArray(api.kpis) ? api.kpis.find((k) => k.key === 'headcount')?.value : null;
  // The subtree's headcount is the manager plus everyone below: subtreeSize + 1.
  expect(headcount).toBe(big.subtreeSize + 1);
  // The CEO sits above the leader's scope: asking for their subtree is 404, not their numbers.
  const root = ((await (await page.request.get('/api/org/people?q=E000001')).json()) as { people: Hit[] })
    .people[0];
  expect(root?.subtreeSize ?? 0).toBeGreaterThan(big.subtreeSize);
  expect((await lp.request.get(`/api/metrics/overview?subtree=${root?.id ?? ''}`)).status()).toBe(404);
  await lp.screenshot({ path: 'test-results/screens/overview-scoped-leader.png', fullPage: true });
  await leaderCtx.close();

  const viewerCtx = await browser.newContext();
  const vp = await viewerCtx.newPage();
  await vp.goto('/login');
  await vp.getByLabel('Email').fill('small-viewer@e2e.test');
  await vp.getByLabel('Password').fill('scoped-password-1');
  await vp.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(vp.getByTestId('current-role')).toBeVisible();
  await vp.goto('/overview');
  await expect(vp.getByText(/Fewer than 5 people/).first()).toBeVisible();
  const sup = (await (await vp.request.get('/api/metrics/overview')).json()) as Overview;
  expect(sup.kpis).toEqual({ suppressed: true, minGroupSize: 5, reason: 'small' });
  await viewerCtx.close();
});

test('issue #16: ICs at the IC ceiling compares with earlier snapshots; counts say which IC definition they use', async ({
  page,
}) => {
  await signIn(page, 'hr');
  await page.goto('/overview');
  const api = (await (await page.request.get('/api/metrics/overview')).json()) as {
    kpis: Array<Kpi & { previous: number | null; peak: number | null }>;
  };
  const ceiling = api.kpis.find((k) => k.key === 'atIcCeiling');
  // The demo has a snapshot series: the ceiling count has a previous value and a peak, like the others.
  expect(ceiling?.previous).not.toBeNull();
  expect(ceiling?.peak).not.toBeNull();
  await expect(page.getByTestId('kpi-atIcCeiling')).not.toContainText('vs previous: n/a');
  await expect(page.getByTestId('kpi-managers-basis')).toHaveText('by reports (structural)');
  await expect(page.getByTestId('kpi-atIcCeiling-basis')).toHaveText('by declared track');
  await page.goto('/structure');
  await expect(page.getByTestId('kpi-managers-basis')).toHaveText('by reports (structural)');
  await expect(page.getByTestId('kpi-icsPerManager-basis')).toHaveText('by reports (structural)');
  await page.goto('/ladder');
  await expect(page.getByTestId('kpi-tracks-basis')).toHaveText('by declared track');
  await expect(
    page.getByRole('img', {
      name: /Definition: People on the IC track.*Structure and Overview count by reports/,
    }),
  ).toHaveCount(1);
});

test('issue #16: chart legends follow the order the series are drawn in, not the alphabet', async ({
  page,
}) => {
  await signIn(page, 'hr');
  await page.goto('/overview');
  const pyramid = page
    .locator('section.chart-card')
    .filter({ has: page.getByRole('heading', { name: 'Layer pyramid' }) });
  // Stacked from the top of the org down; alphabetical order put ICs second.
  await expect
    .poll(() => pyramid.locator('.recharts-legend-item-text').allTextContents())
    .toEqual(['Executives', 'Managers of managers', 'Managers of ICs', 'ICs']);
  await page.goto('/ladder');
  const velocity = page
    .locator('section.chart-card')
    .filter({ has: page.getByRole('heading', { name: 'Promotion velocity' }) });
  // The bars stand median first: "75th percentile months" sorted before it.
  await expect
    .poll(() => velocity.locator('.recharts-legend-item-text').allTextContents())
    .toEqual(['Median months', '75th percentile months']);
});

test('issue #16: a chart image carries its title, scope and date; greyed-out image buttons say why', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'hr');
  await page.goto('/overview');
  const card = page
    .locator('section.chart-card')
    .filter({ has: page.getByRole('heading', { name: /Flattening trend/ }) });
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: /as an SVG image/ }).click(),
  ]);
  const svg = fs.readFileSync((await dl.path()) ?? '', 'utf8');
  const asOf = (await page.locator('[data-chart-scope] strong').first().textContent()) ?? '';
  const text = svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  expect(text).toContain('Flattening trend');
  expect(text).toContain(`As of ${asOf}`);
  expect(text).toContain(`Downloaded ${new Date().toISOString().slice(0, 10)}`);
  // All three small multiples are in the image, each under its caption.
  for (const caption of ['Middle managers', 'Managers', 'Headcount']) expect(text).toContain(` ${caption} `);
  expect(svg.match(/<svg /g)?.length).toBe(4);
  // Table view: PNG and SVG are disabled, with the reason shown and linked to them.
  await card.getByRole('button', { name: 'Table' }).click();
  const png = card.getByRole('button', { name: /as a PNG image/ });
  await expect(png).toBeDisabled();
  await expect(png).toHaveAttribute('title', /switch to Chart to download an image/);
  const hintId = await png.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${hintId}"]`)).toBeVisible();
  await expect(page.locator(`[id="${hintId}"]`)).toHaveText(/switch to Chart to download an image/);
});
