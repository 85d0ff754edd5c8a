import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { navFor } from '../../lib/nav';
import { REAL_ORG, REAL_USERS, signIn, type E2eRole } from './helpers';

/**
 * Issue #16 "Done when": every page, for each role, at 1280x800 and 390x844, on the demo company
 * and on one real organisation (the Home Office's published organograms, imported by
 * scripts/e2e-server.mjs from ../shared/data), screenshotted into test-results/screens/all/ to be
 * looked at; and on each page the checks a reader would make at a glance: nothing reads
 * "undefined", "NaN" or "[object Object]", no ISO date, no page wider than the screen, nothing
 * still loading.
 */

const OUT = 'test-results/screens/all';
const REAL_DATA = path.resolve(process.cwd(), '../shared/data/ukgov-organograms-datagovuk/home_office');
const SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '390', width: 390, height: 844 },
] as const;
const ROLES = ['admin', 'hr', 'leader', 'viewer'] as const satisfies readonly E2eRole[];
/** An ISO calendar date as text (not part of a file name such as org-2026-01-31.csv). */
const ISO_DAY = /(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-]|\.\w)/;
const BROKEN = /\bundefined\b|\bNaN\b|\[object Object\]|\bnull\b/;
/** A sentence ending in " ." or a comma after a space: text joined around a missing piece ("span of 1-3 ."). */
const LOOSE_STOP = /\S [.,](\s|$)/;
/** "1 more departments", "1 managers": a count of one with a plural noun. */
const ONE_PLURAL =
  /(?<![\d.,])\b1 (more |other )?(departments|managers|people|ICs|snapshots|teams|rows|files|users)\b/;

async function orgIdOf(page: Page, name: string): Promise<number | null> {
  const body = (await (await page.request.get('/api/organisations')).json()) as {
    organisations: Array<{ id: number; name: string }>;
  };
  return body.organisations.find((o) => o.name === name)?.id ?? null;
}

/** Opens each page of the role's navigation, checks what reads wrong, and screenshots it. */
async function visitAll(page: Page, prefix: string, role: E2eRole, query: string): Promise<string[]> {
  const problems: string[] = [];
  for (const item of navFor(role)) {
    await page.goto(`${item.href}${query}`);
    await expect(page.locator('main')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main .skeleton')).toHaveCount(0, { timeout: 30_000 });
    problems.push(...(await readProblems(page, item.href)));
    await page.screenshot({ path: `${OUT}/${prefix}-${item.href.slice(1)}.png`, fullPage: true });
  }
  if (navFor(role).some((i) => i.href === '/scenarios'))
    problems.push(...(await visitScenario(page, prefix, query)));
  return problems;
}

/** Reads wrong text on the open page's main: ISO dates, "undefined", "NaN", a page wider than the screen. */
async function readProblems(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  const text = await page.locator('main').innerText();
  for (const line of text.split('\n')) {
    if (ISO_DAY.test(line)) problems.push(`${where}: ISO date: ${line.slice(0, 140)}`);
    if (BROKEN.test(line)) problems.push(`${where}: broken text: ${line.slice(0, 140)}`);
    if (ONE_PLURAL.test(line)) problems.push(`${where}: one, plural: ${line.slice(0, 140)}`);
    if (LOOSE_STOP.test(line)) problems.push(`${where}: a space before a stop: ${line.slice(0, 140)}`);
  }
  const wider = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (wider > 1) problems.push(`${where}: page ${wider}px wider than the screen`);
  // a chart's axis labels are drawn whole, inside the chart (a 70 px axis read "on-users")
  const clipped = await page.locator('main svg.recharts-surface').evaluateAll((svgs) =>
    svgs.flatMap((svg) => {
      const box = svg.getBoundingClientRect();
      if (box.width === 0) return [];
      return [...svg.querySelectorAll('.recharts-cartesian-axis-tick-value')]
        .filter((t) => {
          const r = t.getBoundingClientRect();
          return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
        })
        .map((t) => t.textContent ?? '');
    }),
  );
  for (const c of clipped) problems.push(`${where}: axis label cut at the chart's edge: ${c}`);
  // at 1280 a table shows all its columns (the scenario editor's was cut at "Before", the Data
  // page's at "Actions"); only a table made to scroll sideways (data-scrolls) may
  if ((page.viewportSize()?.width ?? 0) >= 1280) {
    const cut = await page
      .locator('main .table-wrap:not([data-scrolls])')
      .evaluateAll((wraps) =>
        wraps
          .filter((w) => w.checkVisibility() && w.scrollWidth > w.clientWidth + 1)
          .map((w) => w.getAttribute('aria-label') ?? w.querySelector('caption, th')?.textContent ?? '?'),
      );
    for (const c of cut) problems.push(`${where}: table cut at 1280: ${c}`);
  }
  return problems;
}

/**
 * The scenario editor (not in the navigation): opens the role's first scenario in this
 * organisation, creating one (with an effective date, so both of its dates are read) when there is none.
 */
async function visitScenario(page: Page, prefix: string, query: string): Promise<string[]> {
  const list = async () =>
    (
      (await (await page.request.get(`/api/scenarios${query}`)).json()) as {
        scenarios?: Array<{ id: number }>;
      }
    ).scenarios ?? [];
  let first = (await list())[0];
  if (!first) {
    const made = await page.request.post(`/api/scenarios${query}`, {
      data: { name: 'Screens plan', effectiveDate: '2027-01-01' },
    });
    expect(made.ok(), await made.text()).toBe(true);
    first = (await list())[0];
  }
  expect(first, 'a scenario to open').toBeTruthy();
  await page.goto(`/scenarios/${first?.id}${query}`);
  await expect(page.locator('main h1')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main .skeleton')).toHaveCount(0, { timeout: 30_000 });
  const problems = await readProblems(page, `/scenarios/${first?.id}`);
  await page.screenshot({ path: `${OUT}/${prefix}-scenario-editor.png`, fullPage: true });
  return problems;
}

/** Signs in as a user of the real organisation and opens a page there; skips when its files are absent. */
async function openReal(page: Page, role: E2eRole, href: string): Promise<void> {
  test.skip(!fs.existsSync(REAL_DATA), `the published organograms are not at ${REAL_DATA}`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, role, REAL_USERS);
  await page.goto(href);
}

test.describe('every page x role x size, screenshotted and read', () => {
  test.setTimeout(600_000);
  for (const size of SIZES)
    for (const role of ROLES) {
      test(`demo company: ${role} at ${size.name}`, async ({ page }) => {
        fs.mkdirSync(OUT, { recursive: true });
        await page.setViewportSize({ width: size.width, height: size.height });
        await signIn(page, role);
        expect(await visitAll(page, `demo-${role}-${size.name}`, role, '')).toEqual([]);
      });

      test(`real organisation (${REAL_ORG} organograms): ${role} at ${size.name}`, async ({ page }) => {
        test.skip(
          !fs.existsSync(REAL_DATA),
          `the published organograms are not at ${REAL_DATA}: the real-organisation screens are skipped`,
        );
        fs.mkdirSync(OUT, { recursive: true });
        await page.setViewportSize({ width: size.width, height: size.height });
        await signIn(page, role, REAL_USERS);
        const id = await orgIdOf(page, REAL_ORG);
        expect(id, `${REAL_ORG} was not imported by scripts/e2e-server.mjs`).not.toBeNull();
        // the admin sees every organisation and picks this one; the others were given only it
        const query = role === 'admin' ? `?org=${id}` : '';
        expect(await visitAll(page, `real-${role}-${size.name}`, role, query)).toEqual([]);
      });
    }
});

test('real organisation: the explorer never shows a bare post id as a name; costs say a year, FTE one decimal', async ({
  page,
}) => {
  await openReal(page, 'hr', '/structure');
  const tree = page.getByRole('tree');
  await expect(tree).toBeVisible();
  // Home Office 2012-09-30: post 1CPG12 (Head of Drug and Alcohol Unit) is published as "N/D"
  const row = tree.getByRole('treeitem').filter({ hasText: 'Head of Drug and Alcohol Unit' }).first();
  await expect(row).toContainText('Name not published (1CPG12)');
  const top = tree.getByRole('treeitem').filter({ hasText: 'Helen Kilpatrick' }).first();
  await expect(top.getByTestId('node-cost')).toHaveText(/^cost [\d,]+ a year$/);
  await expect(top).toContainText(/10,\d{3}\.\d junior FTE/);
  await expect(top).not.toContainText(/\d\.\d{2} junior FTE/);
});

test('real organisation: a leaver-rate dash says why (every IC but one is at the ceiling)', async ({
  page,
}) => {
  await openReal(page, 'hr', '/ceiling-risk');
  const card = page.getByTestId('kpi-leaverRate');
  await expect(card).toBeVisible();
  // 104 of 105 ICs at the ceiling in 2012: nobody below it in some pair of snapshots
  await expect(page.getByTestId('kpi-leaverRate-value')).toHaveText(/% vs —$/);
  await expect(card).toContainText('— = no ICs below the ceiling in any pair');
});

test('real organisation, viewer: departments the floor hides wholly are folded away in the ceiling-risk heatmap', async ({
  page,
}) => {
  // Home Office 2012 for a viewer: about 100 departments, nearly all under 5 declared ICs per level.
  // Before, the heatmap listed every one as a row of "<5" and the few that show were lost among them.
  await openReal(page, 'viewer', '/ceiling-risk');
  const heat = page.locator('section', {
    has: page.getByRole('heading', { name: 'Ceiling risk by department and level' }),
  });
  const fold = heat.getByTestId('risk-heatmap-hidden');
  await expect(fold).toHaveText('List them');
  const shown = await heat.locator('tbody tr').count();
  const line = await fold.locator('..').innerText();
  const hidden = Number(/^(\d+) more departments? (is|are) hidden for privacy/.exec(line)?.[1]);
  expect(hidden).toBeGreaterThan(shown);
  // every department left on the heatmap shows at least one figure (a coloured cell)
  for (const row of await heat.locator('tbody tr').all())
    expect(await row.locator('td[style]').count()).toBeGreaterThan(0);
  await fold.click();
  await expect(heat.locator('tbody tr')).toHaveCount(shown + hidden);
  await expect(fold).toHaveText('Leave them out');
});

test('real organisation, leader: a heatmap whose every department is hidden says so in one line', async ({
  page,
}) => {
  // the Crime and Policing Group: about 17 departments, none with 5 declared ICs at a level; before, a
  // heatmap of nothing but "<5"
  await openReal(page, 'leader', '/ceiling-risk');
  const heat = page.locator('section', {
    has: page.getByRole('heading', { name: 'Ceiling risk by department and level' }),
  });
  const fold = heat.getByTestId('risk-heatmap-hidden');
  await expect(fold.locator('..')).toContainText(/^All \d+ departments are hidden for privacy/);
  await expect(heat.locator('tbody tr')).toHaveCount(0);
  await fold.click();
  expect(await heat.locator('tbody tr').count()).toBeGreaterThan(5);

  // the Ladder's one shown department is named in full enough to read: at a fixed 130 px axis it
  // read "National Crime Ag…" beside an empty half of the card
  await page.goto('/ladder');
  const tick = page.locator('.recharts-yAxis-tick-labels text[data-full="National Crime Agency Programme"]');
  await expect(tick).toHaveText(/^National Crime Agency/);
});

test('real organisation, leader: Compare names unnamed posts in words and draws no empty department chart', async ({
  page,
}) => {
  await openReal(page, 'leader', '/compare');
  // every department of the Crime and Policing Group is under 5 in one snapshot: the note alone
  const hiddenNote = page.getByTestId('compare-departments-hidden');
  await expect(hiddenNote).toContainText(/^\d+ departments are left out/);
  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Department headcount' }) });
  await expect(card.locator('.recharts-wrapper')).toHaveCount(0);
  // joiners: a post published without a name read its id in both the Name and the Employee ID column
  const table = page.getByTestId('people-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  for (const row of await table.locator('tbody tr').all()) {
    const [name, id] = await row
      .locator('td')
      .evaluateAll((tds) => tds.slice(0, 2).map((t) => t.textContent));
    expect(name, 'the id stands in its own column').not.toBe(id);
  }
  await expect(table).toContainText('Name not published');
});

test('real organisation, viewer: the Ladder names the ~100 hidden departments on request, not in a 20-line paragraph', async ({
  page,
}) => {
  await openReal(page, 'viewer', '/ladder');
  const note = page.getByTestId('levels-hidden');
  await expect(note).toBeVisible();
  const summary = note.locator('summary');
  await expect(summary).toHaveText(
    /^\d+ departments not shown for privacy: \d+ with fewer than 5 people(; \d+ hidden so a smaller group cannot be worked out)?\. Show their names$/,
  );
  // the names are one click away, and fit in far fewer lines than before
  const closed = (await note.boundingBox())?.height ?? 0;
  expect(closed).toBeLessThan(80);
  await summary.click();
  await expect(note).toContainText('Fewer than 5 people: ');
  // a card holding one line of text is as tall as the line, not as a chart (it stood 200 px empty)
  const velocity = page.locator('section', {
    has: page.getByRole('heading', { name: /Promotion velocity/ }),
  });
  await expect(velocity).toContainText('No promotions with a known level start');
  expect((await velocity.locator('.chart-body').boundingBox())?.height ?? 999).toBeLessThan(80);
});

test('delayering bars are drawn whole: the last one is not cut at the edge of the time axis', async ({
  page,
}) => {
  // Home Office: 2 managers left by 2012-09-30, the last snapshot (the bar was half outside)
  await openReal(page, 'viewer', '/trends');
  const multiples = page.getByTestId('delayering-multiples');
  await expect(multiples).toBeVisible();
  const plot = multiples.locator('figure').first();
  await expect(plot.locator('.recharts-bar-rectangle').first()).toBeVisible();
  const grid = await plot.locator('.recharts-cartesian-grid').boundingBox();
  const bars = await plot.locator('.recharts-bar-rectangle path').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, width: r.width };
    }),
  );
  expect(grid).not.toBeNull();
  expect(bars.length).toBeGreaterThan(0);
  // the depth stayed at 5: the empty second plot says so
  await expect(multiples.locator('figcaption').nth(1)).toHaveText('Layers removed: none in this history');
  for (const b of bars) {
    expect(b.left).toBeGreaterThanOrEqual((grid?.x ?? 0) - 0.5);
    expect(b.right).toBeLessThanOrEqual((grid?.x ?? 0) + (grid?.width ?? 0) + 0.5);
  }
});

test("admin: every user's row says which organisation its scope lies in", async ({ page }) => {
  test.skip(!fs.existsSync(REAL_DATA), `the published organograms are not at ${REAL_DATA}`);
  await signIn(page, 'admin');
  const id = await orgIdOf(page, REAL_ORG);
  await page.goto(`/admin?org=${id}`);
  // Before, on the Home Office's Admin page hr@e2e.test read "Whole organisation", with no word of
  // which: it is Organisation 1's
  const row = (email: string) =>
    page.getByRole('row').filter({ has: page.getByRole('cell', { name: email, exact: true }) });
  await expect(row('ho-hr@e2e.test').getByTestId('user-orgs')).toHaveText(REAL_ORG);
  await expect(row('ho-leader@e2e.test').getByTestId('user-orgs')).toHaveText(REAL_ORG);
  await expect(row('hr@e2e.test').getByTestId('user-orgs')).toHaveText('Organisation 1');
  await expect(
    page.getByRole('row').filter({ hasText: 'admin@e2e.test' }).getByTestId('user-orgs'),
  ).toHaveText('Every organisation');
});

test('phone: why the AI payoff tables are empty is read without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'viewer');
  await page.goto('/ai');
  // the demo's AI usage is per team only: before, the reason sat in a table-wide cell, cut at the
  // card's edge ("no per-user AI usage for the pe")
  for (const id of ['ai-payoff-why', 'ai-before-after']) {
    const note = page.getByTestId(id);
    await expect(note).toBeVisible();
    expect(await note.evaluate((e) => e.tagName)).toBe('P');
    const box = await note.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  }
  await expect(page.getByTestId('ai-payoff-why')).toHaveText('— : no per-user AI usage for the period.');
  // the AI trends by month are drawn as straight segments between months, as on Trends (they were
  // smoothed curves)
  const curves = page.locator('main path.recharts-line-curve');
  await expect(curves.first()).toBeVisible();
  for (const d of await curves.evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? '')))
    expect(d).toMatch(/^M[\d.,\s]+(L[\d.,\s]+)*$/);
});

test('real organisation: about 100 department names beside the Compare bars never overlap', async ({
  page,
}) => {
  await openReal(page, 'hr', '/compare');
  // with no targets set, no chart promises a shaded target band (it read "The shaded band is the
  // target span range" under "No span or layer targets are set yet")
  if ((await page.getByText(/No span or layer targets are set/).count()) > 0)
    await expect(page.locator('main')).not.toContainText('shaded');
  const card = page.getByRole('region', { name: /^Department headcount/ });
  const ticks = card.locator('.recharts-yAxis-tick-labels text');
  await expect(ticks.first()).toBeVisible();
  // first the 20 departments that changed most (all of them made a chart about 6,000 px tall)
  expect(await ticks.count()).toBe(20);
  await expect(card).toContainText('The chart draws the 20 departments whose headcount changed most');
  const drawAll = page.getByTestId('compare-departments-all');
  await expect(drawAll).toHaveText(/^Draw all \d+ departments$/);
  await drawAll.click();
  await expect.poll(() => ticks.count()).toBeGreaterThan(50);
  const boxes = await ticks.evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, text: e.textContent ?? '' };
    }),
  );
  expect(boxes.length).toBeGreaterThan(50);
  boxes.sort((a, b) => a.top - b.top);
  for (let i = 1; i < boxes.length; i++) {
    const [a, b] = [boxes[i - 1], boxes[i]];
    expect(b?.top ?? 0, `"${a?.text}" overlaps "${b?.text}"`).toBeGreaterThanOrEqual((a?.bottom ?? 0) - 0.5);
  }
  // names cut short still tell departments apart (before, "Immigration Enforcement North" and
  // "... South" both read "Immigration Enfor…"): two different names never read the same
  const shown = await ticks.evaluateAll((els) =>
    els.map((e) => ({
      full: e.getAttribute('data-full') ?? '',
      text: Array.from(e.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join(''),
    })),
  );
  const fullOf = new Map<string, string>();
  for (const { full, text } of shown) {
    const other = fullOf.get(text);
    expect(other === undefined || other === full, `"${other}" and "${full}" both read "${text}"`).toBe(true);
    fullOf.set(text, full);
  }
});

test('real organisation: a hidden leaver rate reads short in the figure and in words in the note', async ({
  page,
}) => {
  // The leader's Crime and Policing Group: every IC but none below the ceiling is a small group
  await openReal(page, 'leader', '/ceiling-risk');
  // before: "26.3% vs fewer than 5 ICs" in the card's large figure, over three lines on a phone
  await expect(page.getByTestId('kpi-leaverRate-value')).toHaveText(/^[\d.]+% vs <5$/);
  await expect(page.getByTestId('kpi-leaverRate')).toContainText('<5 = fewer than 5 ICs');
});

test('Data page at 1280: each snapshot row shows its actions whole, without scrolling the table', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'hr');
  await page.goto('/data');
  const table = page.getByTestId('snapshot-table');
  await expect(table).toBeVisible();
  // before, "Uploaded by" and "Uploaded" took two columns and the Actions button was cut at "Actio"
  const wrap = await page.locator('.table-wrap', { has: table }).boundingBox();
  const action = await table
    .getByRole('button', { name: /^Actions for snapshot/ })
    .first()
    .boundingBox();
  expect(wrap && action).toBeTruthy();
  expect((action?.x ?? 0) + (action?.width ?? 0)).toBeLessThanOrEqual((wrap?.x ?? 0) + (wrap?.width ?? 0));
});

test('Scenarios at 1280: the list shows every column without scrolling the table', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'hr');
  await page.goto('/scenarios');
  const table = page.getByTestId('scenario-list').locator('table');
  await expect(table).toBeVisible();
  // before, the list sat beside the form and "Operations" and "Status" were cut off
  const wrap = await page.getByTestId('scenario-list').locator('.table-wrap').boundingBox();
  const last = await table.locator('thead th').last().boundingBox();
  expect((last?.x ?? 0) + (last?.width ?? 0)).toBeLessThanOrEqual((wrap?.x ?? 0) + (wrap?.width ?? 0) + 0.5);
});

test('real organisation: about 100 departments show 25 rows first, the rest one click away', async ({
  page,
}) => {
  await openReal(page, 'hr', '/structure');
  const table = page.getByTestId('department-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  // before, every department was listed and the Structure page ran to about 15,000 px
  await expect(table.locator('tbody tr')).toHaveCount(25);
  const more = page.getByTestId('department-table-all');
  await expect(more).toHaveText(/^Show all \d+ departments$/);
  const n = Number(/\d+/.exec((await more.textContent()) ?? '')?.[0]);
  expect(n).toBeGreaterThan(50);
  await more.click();
  await expect(table.locator('tbody tr')).toHaveCount(n);
  // junior staff are counted in FTE right beside the headcount: a department of junior staff only read
  // "0" with its FTE 13 columns away, off the screen
  await expect(table.locator('thead th')).toHaveText([
    /^Department/,
    /^Headcount/,
    /^Junior FTE/,
    /^Total FTE/,
    /^Managers/,
    /.*/,
    /.*/,
    /.*/,
    /.*/,
    /.*/,
    /.*/,
    /.*/,
    /.*/,
    /.*/,
    /.*/,
    /.*/,
  ]);
});

test('real organisation: the ladder table of about 100 departments shows 25 a page', async ({ page }) => {
  await openReal(page, 'hr', '/ladder');
  const table = page.getByTestId('ladder-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(25);
  await expect(table.getByRole('group', { name: /pages$/ })).toContainText(/Page 1 of [3-9]/);
});

test('Admin: Disable is a quiet button that asks first (not a column of red buttons)', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin');
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'viewer@e2e.test', exact: true }) });
  const disable = row.getByRole('button', { name: /^Disable / });
  await expect(disable).toBeVisible();
  await expect(disable).not.toHaveClass(/danger/);
  // dismissing the question leaves the user active
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await disable.click();
  await expect.poll(() => asked).toContain('Disable');
  await expect(row).toContainText('Active');
});
