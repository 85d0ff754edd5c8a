import { toolName } from '@/lib/ai-tool-names';
import { formatDaysIn, formatMonth } from '@/lib/dates';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { AiDashboard } from '@/lib/dal/dashboards/ai';
import { isSuppressed } from '@/lib/query/suppressed';
import { signIn, type E2eRole } from './helpers';

const COPILOT_USERS = path.resolve(
  process.cwd(),
  '../shared/data/copilot-metrics-viewer/new-api/organization-users-28-day-report.json',
);
const SCREENS = 'test-results/screens';
const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;

async function api(page: Page, query = ''): Promise<AiDashboard> {
  const res = await page.request.get(`/api/metrics/ai${query}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as AiDashboard;
}

test.describe.configure({ mode: 'serial' });

for (const role of ['admin', 'hr', 'leader', 'viewer'] as const satisfies readonly E2eRole[]) {
  test(`${role} sees the AI dashboard with the API's figures`, async ({ page }) => {
    await signIn(page, role);
    await page.goto('/ai');
    await expect(page.getByTestId('ai-dashboard')).toBeVisible();
    const d = await api(page);
    expect(d.hasData).toBe(true);
    expect(Array.isArray(d.kpis)).toBe(true);
    if (!Array.isArray(d.kpis)) return;
    for (const key of ['adoption', 'acceptanceRateByCount', 'aiAssistedPrShare'] as const) {
      const k = d.kpis.find((x) => x.key === key);
      await expect(page.getByTestId(`ai-kpi-${key}-value`)).toHaveText(pct(k?.value));
    }
    // the period in the reader's locale (en-US here), not the server's
    await expect(page.getByTestId('ai-period')).toHaveText(
      d.window?.month ? formatMonth(d.window.month, 'en-US') : '',
    );
    // the biggest subtree first in the manager table, with the API's adoption
    const top = d.managers[0];
    if (top && !('suppressed' in top.figures)) {
      await expect(page.getByTestId(`ai-manager-${top.id}`)).toContainText(pct(top.figures.adoption));
    }
    const canManage = role === 'admin' || role === 'hr';
    expect(d.idleSeats === null).toBe(!canManage);
    await expect(page.getByRole('link', { name: 'Upload AI usage and review identities' })).toHaveCount(
      canManage ? 1 : 0,
    );
    await page.screenshot({ path: `${SCREENS}/ai-${role}-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByTestId('ai-dashboard')).toBeVisible();
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(scroll).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENS}/ai-${role}-390.png`, fullPage: true });
  });
}

test.describe('in a French browser', () => {
  test.use({ locale: 'fr-FR' });
  test("the period is written in the reader's locale, not the server's (issue #16)", async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto('/ai');
    const d = await api(page);
    const month = d.window?.month ?? null;
    expect(month).not.toBeNull();
    await expect(page.getByTestId('ai-period')).toHaveText(formatMonth(month ?? '', 'fr-FR'));
    await expect(page.getByTestId('ai-period')).not.toHaveText(
      /January|February|March|April|May|June|July|August|September|October|November|December/,
    );
  });
});

test('a trend chart shows its table and downloads the rows drawn; the manager table sorts and downloads', async ({
  page,
}) => {
  await signIn(page, 'hr');
  await page.goto('/ai');
  const d = await api(page);
  const card = page.getByRole('region', { name: /^Adoption(?! vs)/ }).first();
  await card.getByRole('button', { name: 'Table' }).click();
  await expect(card.locator('table tbody tr')).toHaveCount(d.trend.length);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('Month,Adoption,AI-active users,Engineers,Unmatched share (org)');
  expect(csv.trim().split('\r\n')).toHaveLength(d.trend.length + 1);

  const table = page.getByTestId('ai-managers');
  await table.getByRole('button', { name: /^Adoption/ }).click();
  await expect(table.getByRole('columnheader', { name: /Adoption/ })).toHaveAttribute(
    'aria-sort',
    /ascending|descending/,
  );
  const [tdl] = await Promise.all([
    page.waitForEvent('download'),
    table.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const rows = fs
    .readFileSync(await tdl.path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(rows[0]).toContain('Manager,Employee ID,Department,Layer,Span,Team size,Engineers,Adoption');
  expect(rows).toHaveLength(d.managers.length + 1);
});

test('hr uploads a Copilot users report, maps two unmatched logins, and the manager table changes', async ({
  page,
}) => {
  test.skip(!fs.existsSync(COPILOT_USERS), `sample data missing at ${COPILOT_USERS}`);
  await signIn(page, 'hr');
  await page.goto('/ai/data');
  await page.setInputFiles('#ai-upload-files', COPILOT_USERS);
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await expect(page.getByText('ready to import')).toBeVisible();
  // the sample's logins (octocat, defunkt, ...) are nobody in the demo company
  await expect(page.getByTestId('ai-upload-unmatched')).toContainText('8 identities not joined');
  await page.screenshot({ path: `${SCREENS}/ai-upload-report.png`, fullPage: true });
  await page.getByRole('button', { name: /^Import 107 row/ }).click();
  await expect(page.getByTestId('ai-upload-done')).toContainText('107 usage row(s)');
  await expect(page.getByTestId('identity-octocat')).toBeVisible();
  await expect(page.getByTestId('identity-alicechen')).toBeVisible();

  // April 2026 is before the demo company's first snapshot, so people are placed as in the earliest one.
  const before = await api(page, '?month=2026-04');
  expect(before.unmatchedShare).toBe(1);
  const targets = before.managers.filter((m) => m.firstLine && m.name).slice(0, 2);
  expect(targets).toHaveLength(2);
  for (const m of targets) expect('suppressed' in m.figures ? null : m.figures.adoption).toBe(0);

  for (const [login, m] of [
    ['octocat', targets[0]],
    ['alicechen', targets[1]],
  ] as const) {
    if (!m) continue;
    const picker = page.getByTestId(`identity-${login}`).getByRole('combobox');
    await picker.fill(m.name ?? m.id);
    await page.getByRole('option').filter({ hasText: m.id }).first().click();
    await expect(page.getByRole('status').filter({ hasText: `${login} is now` })).toBeVisible();
  }
  await expect(page.getByTestId('mapping-table')).toContainText('octocat');
  await expect(page.getByTestId('identity-octocat')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/ai-identities-mapped.png`, fullPage: true });

  const after = await api(page, '?month=2026-04');
  expect(after.unmatchedShare).toBe(0.75); // 6 of the 8 active logins are still nobody
  await page.goto('/ai?month=2026-04');
  await expect(page.getByTestId('ai-period')).toHaveText('April 2026');
  for (const m of targets) {
    if (!m) continue;
    const now = after.managers.find((x) => x.id === m.id);
    const adoption = now && !('suppressed' in now.figures) ? now.figures.adoption : null;
    expect(adoption).toBeGreaterThan(0);
    await page.getByLabel('Find a manager').fill(m.name ?? m.id);
    await expect(page.getByTestId(`ai-manager-${m.id}`)).toContainText(pct(adoption));
  }
  await expect(page.getByTestId('unmatched-banner')).toContainText('75.0%');
  await page.getByLabel('Find a manager').fill('');
  await page.screenshot({ path: `${SCREENS}/ai-april-after-mapping.png`, fullPage: true });
});

test('a viewer gets no person-level AI data, from the page or the API', async ({ page }) => {
  await signIn(page, 'viewer');
  const d = await api(page, '?month=2026-04');
  expect(d.idleSeats).toBeNull();
  expect(JSON.stringify(d)).not.toMatch(/octocat|alicechen|defunkt/);
  expect((await page.request.get('/api/ai/identities')).status()).toBe(403);
  expect((await page.request.get('/api/ai/imports')).status()).toBe(403);
  await page.goto('/ai/data');
  await expect(page).toHaveURL(/\/denied/);
  await page.goto('/ai?month=2026-04');
  await expect(page.getByTestId('ai-dashboard')).toBeVisible();
  await expect(page.getByTestId('identity-review')).toHaveCount(0);
  await expect(page.getByTestId('ai-idle-seats')).toHaveCount(0);
});

test('issue #16: the unmatched share is said at most once per view, never as 0%; throughput has its unit', async ({
  page,
}) => {
  await signIn(page, 'hr');
  await page.goto('/ai');
  await expect(page.getByTestId('ai-dashboard')).toBeVisible();
  const d = await api(page);
  const kpis = page.getByRole('list', { name: 'AI figures for the period' });
  // No card repeats the unmatched share, and "Unmatched: 0%" appears nowhere.
  await expect(kpis.getByTestId('unmatched-note')).toHaveCount(0);
  await expect(page.getByText(/Unmatched: 0%/)).toHaveCount(0);
  const shares = Array.isArray(d.kpis) ? d.kpis.map((k) => k.unmatchedShare ?? 0) : [];
  // At most once above the cards and once with the manager table; above the cards only when > 0.
  const notes = page.getByTestId('ai-dashboard').getByTestId('unmatched-note');
  expect(await notes.count()).toBeLessThanOrEqual(2);
  if (shares.every((s) => s === 0)) await expect(notes).toHaveCount(0);
  await expect(page.getByTestId('ai-kpi-throughputPerEngineerWeek-unit')).toHaveText(
    'PRs merged per engineer per week',
  );
  await expect(
    page.getByRole('heading', { name: /Throughput \(PRs merged per engineer per week\)/ }),
  ).toBeVisible();
});

test('issue #15: the AI page answers "is it paying off?" for the org and for a manager, in one screen', async ({
  page,
}) => {
  await signIn(page, 'hr');
  const d = await api(page);
  const p = d.payoff;
  expect(p && !isSuppressed(p)).toBe(true);
  if (!p || isSuppressed(p)) return;
  await page.goto('/ai');
  const headline = page.getByTestId('ai-headline');
  await expect(headline).toHaveText(formatDaysIn(p.headline, 'en-US'));
  await expect(page.getByTestId('ai-caveat')).toContainText('not a proof of cause');
  // the answer is in the first screen at 1280x800
  const box = await headline.boundingBox();
  expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(800);
  const tools = page.getByTestId('ai-tools');
  await expect(tools).toBeVisible();
  // each tool row's cost holds its seats, its people's usage and its team and organisation reports,
  // so the shown rows and the hidden rows' spend add up to the AI spend of the tiles
  await expect(tools.getByRole('columnheader', { name: /Team and org reports/ })).toBeVisible();
  let rowsSpend = p.spendNotByToolUsd ?? 0;
  for (const t of p.byTool) if (!('suppressed' in t)) rowsSpend += t.spendUsd;
  expect(Math.abs(rowsSpend - (p.figures?.spendUsd ?? 0))).toBeLessThan(0.01);
  // each tool by the name its users know it by, never the importer's id ("claude-code")
  for (const t of p.byTool) {
    await expect(tools.getByRole('cell', { name: toolName(t.tool), exact: true })).toHaveCount(1);
    if (toolName(t.tool) !== t.tool)
      await expect(tools.getByRole('cell', { name: t.tool, exact: true })).toHaveCount(0);
  }
  // AI credits: "—" for a tool none of whose rows reports any (Cursor, Claude Code), never "0"
  const creditsAt = await tools.getByRole('columnheader').allTextContents();
  const credits = creditsAt.indexOf('AI credits');
  expect(credits).toBeGreaterThan(0);
  const noCredits = p.byTool.filter((t) => !('suppressed' in t) && t.aiCredits === null);
  expect(noCredits.length).toBeGreaterThan(0);
  for (const t of noCredits) {
    const row = tools
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: toolName(t.tool), exact: true }) });
    await expect(row.getByRole('cell').nth(credits)).toHaveText('—');
  }
  await tools.locator('.table-wrap').evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await tools.screenshot({ path: `${SCREENS}/ai-tools-org-1280.png` });
  // evidence one click away
  await page.getByTestId('ai-structure').locator('summary').click();
  await expect(page.getByTestId('ai-payoff-managers')).toBeVisible();
  const axe = async () => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      );
  };
  expect(await axe()).toEqual([]);
  await page.screenshot({ path: `${SCREENS}/ai-payoff-org-1280.png`, fullPage: true });

  // one manager's subtree: the largest team the payoff lists
  const manager = p.managers.find((m) => m.figures !== null && m.engineers < (p.unit?.engineers ?? 0));
  if (manager) {
    const sub = await api(page, `?subtree=${manager.id}`);
    const sp = sub.payoff;
    await page.goto(`/ai?subtree=${manager.id}`);
    if (sp && !isSuppressed(sp))
      await expect(page.getByTestId('ai-headline')).toHaveText(formatDaysIn(sp.headline, 'en-US'));
    await page.screenshot({ path: `${SCREENS}/ai-payoff-subtree-1280.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/ai');
  await expect(page.getByTestId('ai-headline')).toBeVisible();
  await page.getByTestId('ai-structure').locator('summary').click();
  expect(await axe()).toEqual([]);
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(scroll).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SCREENS}/ai-payoff-org-390.png`, fullPage: true });
});
