import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

/**
 * Issue #16 "Leaders read it in a minute": money says its unit and period, dates read one way,
 * wide tables scroll inside their card with the first column fixed, legends sit under the plot.
 */

const SCREENS = 'test-results/screens';

/** An ISO calendar date as text (not part of a file name such as org-2026-01-31.csv). */
const ISO_DAY = /(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-]|\.\w)/;

async function mainText(page: Page): Promise<string> {
  return page.locator('main').innerText();
}

test('money on the Structure cost card and the AI page says its unit and period', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'hr');
  await page.goto('/structure');
  await expect(page.getByTestId('cost-card')).toBeVisible();
  await expect(page.getByTestId('kpi-costTotal-value')).toHaveText(/^[\d.,]+[KMB]? a year$/);
  await expect(page.getByTestId('kpi-costManagement-value')).toHaveText(/ a year$/);
  await expect(page.getByTestId('kpi-costPerIc-value')).toHaveText(/ per IC per year$/);
  await expect(page.getByTestId('kpi-costPerIc')).toContainText(/management [\d.,]+ per IC per year/);
  const layer = page.getByTestId('cost-card').getByRole('region', { name: 'Management cost by layer' });
  await layer.getByRole('button', { name: 'Table' }).click();
  await expect(
    layer.getByRole('columnheader', { name: "Cost (a year, in the file's currency)" }),
  ).toBeVisible();
  await page.getByTestId('cost-card').screenshot({ path: `${SCREENS}/polish-cost-card-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('cost-card').screenshot({ path: `${SCREENS}/polish-cost-card-390.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto('/ai');
  await expect(page.getByTestId('ai-dashboard')).toBeVisible();
  await expect(page.getByTestId('ai-kpi-spendPerEngineerMonth-unit')).toHaveText(
    'USD per engineer per month',
  );
  await expect(page.getByTestId('ai-kpi-costPerMergedPr-unit')).toHaveText('USD per merged PR');
  await expect(page.getByTestId('ai-kpi-throughputPerEngineerWeek-unit')).toHaveText(
    'PRs merged per engineer per week',
  );
  // amounts: whole dollars from $100, cents below, never "$19.00"
  const value = (await page.getByTestId('ai-kpi-spendPerEngineerMonth-value').textContent()) ?? '';
  expect(value).toMatch(/^(—|\$\d[\d,]*(\.\d\d)?)$/);
  if (/^\$\d{3,}/.test(value)) expect(value).not.toContain('.');
  const tools = page.getByTestId('ai-tools');
  // the e2e company's AI usage is per team: the tool table lists no tool, so its columns are not drawn
  if ((await tools.locator('table').count()) > 0) {
    await expect(tools.locator('th', { hasText: 'Cost (USD per merged PR)' })).toHaveCount(1);
    await expect(tools.locator('th', { hasText: 'Cost (USD in the period)' })).toHaveCount(1);
  }
  await expect(page.getByText(/Unmatched: 0%/)).toHaveCount(0);
  // the managers' PRs per engineer per week read aligned to two decimals (it read 2.3 and 2 beside 2.16)
  const managers = page.getByTestId('ai-manager-table');
  const head = await managers.locator('thead th').allInnerTexts();
  const k = head.findIndex((h) => h.startsWith('PRs per engineer per week'));
  expect(k).toBeGreaterThan(0);
  const cells = await managers.locator(`tbody tr td:nth-child(${k + 1})`).allInnerTexts();
  expect(cells.length).toBeGreaterThan(0);
  for (const c of cells) expect(c).toMatch(/^(\d[\d,]*\.\d\d|—|.*hidden.*|.*fewer.*)$/i);
});

test('the scenario cost table says each amount is a year, per IC where it is', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'hr');
  const list = (await (await page.request.get('/api/scenarios')).json()) as {
    scenarios?: Array<{ id: number | string; name: string }>;
  };
  const plan = (list.scenarios ?? []).find((s) => s.name === 'E2E plan');
  test.skip(!plan, 'no stored scenario');
  await page.goto(`/scenarios/${plan?.id}`);
  const cost = page.getByTestId('scenario-cost');
  await expect(cost).toBeVisible();
  await expect(cost.locator('tr[data-cost="Total cost"] th')).toContainText('a year');
  await expect(cost.locator('tr[data-cost="Cost per IC"] th')).toContainText('per IC per year');
  await expect(cost.locator('tr[data-cost="Management share"] th')).not.toContainText('year');
  await expect(cost.locator('tr[data-cost="Total cost"] td').first()).toHaveText(
    /^([\d,]+|suppressed: fewer than \d+ people)$/,
  );
  await cost.screenshot({ path: `${SCREENS}/polish-scenario-cost-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await cost.screenshot({ path: `${SCREENS}/polish-scenario-cost-390.png` });
});

test('dates read one way: no ISO date on the dashboards, the as-of in the reader locale', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'hr');
  const found: string[] = [];
  for (const path of ['/overview', '/structure', '/ladder', '/trends', '/ceiling-risk', '/ai', '/data']) {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    if (path === '/data') await expect(page.getByTestId('snapshot-table')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const text = await mainText(page);
    for (const line of text.split('\n')) if (ISO_DAY.test(line)) found.push(`${path}: ${line.slice(0, 160)}`);
  }
  expect(found, 'ISO dates on screen').toEqual([]);
  await page.goto('/structure');
  await expect(page.getByText(/As of [A-Z][a-z]{2} \d{1,2}, \d{4}/).first()).toBeVisible();
  // the snapshot picker lists dates the same way (its value stays ISO for the URL)
  const picker = page.locator('#f-asof');
  const option = picker.locator('option').nth(1);
  await expect(option).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}/);
  expect(await option.getAttribute('value')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

for (const path of ['/structure', '/ladder', '/ceiling-risk', '/ai', '/data', '/admin']) {
  test(`phone 390x844 ${path}: wide tables scroll in their card, first column sticky, page never wider`, async ({
    page,
  }) => {
    await signIn(page, 'admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    if (path === '/data') await expect(page.getByTestId('snapshot-table')).toBeVisible();
    await page.waitForLoadState('networkidle');
    // open the collapsed sections so their tables are laid out too
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('main details')) d.setAttribute('open', '');
    });
    const report = await page.evaluate(() => {
      const wraps = [...document.querySelectorAll<HTMLElement>('main .table-wrap')].filter(
        (w) => w.offsetParent !== null && w.scrollWidth > w.clientWidth + 1,
      );
      return {
        pageWidth: document.documentElement.scrollWidth,
        wide: wraps.map((w) => {
          const first =
            w.querySelector('table tbody tr > :first-child') ?? w.querySelector('table tr > :first-child');
          const head = w.querySelector('table thead tr > :first-child');
          return {
            label: w.querySelector('caption')?.textContent ?? w.getAttribute('aria-label') ?? '',
            first: first ? getComputedStyle(first).position : 'none',
            head: head ? getComputedStyle(head).position : 'sticky',
            overflow: getComputedStyle(w).overflowX,
            // 'anywhere' let the column shrink below its longest word ("Depa / rtme / nt")
            wrap: first ? getComputedStyle(first).overflowWrap : '',
          };
        }),
      };
    });
    expect(report.pageWidth, 'the page scrolls sideways').toBeLessThanOrEqual(390);
    for (const w of report.wide) {
      expect(w.overflow, w.label).toBe('auto');
      expect(w.first, `${w.label}: first column`).toBe('sticky');
      expect(w.head, `${w.label}: first header cell`).toBe('sticky');
      expect(w.wrap, `${w.label}: first column breaks words only when one alone is too wide`).not.toBe(
        'anywhere',
      );
    }
    if (path === '/ceiling-risk') {
      // the heatmap scrolls sideways with its row labels fixed, rather than being cut
      const heat = await page.evaluate(() => {
        const head = document.querySelector('main table th[scope="row"]');
        let box = head?.parentElement ?? null;
        while (box && getComputedStyle(box).overflowX !== 'auto') box = box.parentElement;
        return { head: head ? getComputedStyle(head).position : null, scrolls: box !== null };
      });
      if (heat.head !== null) {
        expect(heat.head).toBe('sticky');
        expect(heat.scrolls).toBe(true);
      }
    }
    if (['/structure', '/ai', '/data', '/admin'].includes(path))
      expect(report.wide.length).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENS}/polish${path.replace(/\//g, '-')}-390.png`, fullPage: true });
    // the first wide table, scrolled sideways: its first column stays in view
    const wrap = page.locator('main .table-wrap').filter({ has: page.locator('table') });
    for (const w of await wrap.all()) {
      if (!(await w.evaluate((e) => e.scrollWidth > e.clientWidth + 1))) continue;
      await w.evaluate((e) => e.scrollBy(120, 0));
      await w.screenshot({ path: `${SCREENS}/polish${path.replace(/\//g, '-')}-table-390.png` });
      break;
    }
  });
}

test('phone 390x844: chart legends sit under their plot, never over it', async ({ page }) => {
  await signIn(page, 'hr');
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/overview', '/trends', '/ladder']) {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('.recharts-legend-wrapper').first()).toBeVisible();
    const overlaps = await page.evaluate(() =>
      [...document.querySelectorAll('.recharts-wrapper')].flatMap((chart) => {
        const legend = chart.querySelector('.recharts-legend-wrapper');
        const grid = chart.querySelector('.recharts-cartesian-grid');
        if (!legend || !grid) return [];
        const l = legend.getBoundingClientRect();
        const g = grid.getBoundingClientRect();
        return l.top + 1 < g.bottom ? [`legend top ${l.top} above plot bottom ${g.bottom}`] : [];
      }),
    );
    expect(overlaps, path).toEqual([]);
  }
});

test('on a phone, sign-out stays in view beside a long scope in the header', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'leader');
  await page.goto('/');
  await expect(page.getByTestId('current-scope')).toBeAttached();
  const button = page.locator('header').getByRole('button', { name: 'Sign out' });
  await expect(button).toBeVisible();
  const box = await button.boundingBox();
  expect((box?.x ?? Infinity) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  // the scope itself is in view too (it used to scroll out of sight behind the user's name), and
  // the header stays under 100 px tall
  const scope = await page.getByTestId('current-scope').boundingBox();
  expect(scope?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((scope?.x ?? Infinity) + (scope?.width ?? 0)).toBeLessThanOrEqual(390);
  const header = await page.locator('header').boundingBox();
  expect(header?.height ?? Infinity).toBeLessThan(100);
});
