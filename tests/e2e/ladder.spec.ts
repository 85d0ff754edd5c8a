import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { CeilingRiskDashboard } from '@/lib/dal/dashboards/ceiling-risk';
import type { LadderDashboard } from '@/lib/dal/dashboards/ladder';
import { isFoldable } from '@/lib/privacy/hidden-text';
import { signIn, type E2eRole } from './helpers';

const ROLES: E2eRole[] = ['admin', 'hr', 'leader', 'viewer'];
const share = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const isSuppressed = (v: unknown) => typeof v === 'object' && v !== null && 'suppressed' in v;

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

/** Downloads a CSV by clicking the button and returns its text. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

async function screens(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  const [scrollWidth, clientWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scrollWidth, 'no horizontal page scroll on a phone').toBeLessThanOrEqual(clientWidth);
  await page.screenshot({ path: `test-results/screens/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe('ladder dashboard', () => {
  for (const role of ROLES) {
    test(`${role}: figures match the API, table view and CSV work`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await signIn(page, role);
      await page.goto('/ladder');
      await expect(page.getByTestId('ladder')).toBeVisible();
      const api = await getJson<LadderDashboard>(page, '/api/metrics/ladder');
      expect(isSuppressed(api.summary)).toBe(false);
      if (isSuppressed(api.summary)) return;
      const m = api.summary.metrics;
      await expect(page.getByTestId('kpi-icLadderDepth-value')).toHaveText(String(m.icLadderDepth));
      await expect(page.getByTestId('kpi-icCeiling-value')).toHaveText(m.icCeiling ?? '—');
      await expect(page.getByTestId('kpi-seniorIcShare-value')).toHaveText(share(m.seniorIcShare));
      await expect(page.getByTestId('kpi-topManagerLevel-value')).toHaveText(
        api.summary.topManagerLevel ?? '—',
      );

      // Leaders and viewers never get a number for a department under the minimum group size.
      const hidden = api.departments.filter((d) => isSuppressed(d.group));
      if (role === 'viewer' || role === 'leader') {
        // no number, only why: a small group, or one hidden so a smaller one cannot be worked out
        for (const d of hidden) {
          expect(Object.keys(d.group)).toEqual(['suppressed', 'minGroupSize', 'reason']);
          expect(['small', 'complement']).toContain((d.group as { reason?: string }).reason);
        }
      } else expect(hidden).toEqual([]);

      // The levels chart's table view lists exactly the departments drawn; its CSV has one line each.
      const levels = page.locator('section', {
        has: page.getByRole('heading', { name: 'Levels per department' }),
      });
      await levels.getByRole('button', { name: 'Table' }).click();
      const shown = api.departments.length - hidden.length;
      await expect(levels.locator('tbody tr')).toHaveCount(shown);
      const csv = await download(page, () => levels.getByRole('button', { name: 'Download CSV' }).click());
      expect(csv.name).toBe(`ladder-levels-${api.asOf}.csv`);
      expect(csv.text.trim().split('\r\n')).toHaveLength(shown + 1);

      // The ladder table sorts by a header (aria-sort follows) and matches the API per department.
      const table = page.getByTestId('ladder-table');
      // departments the floor hides are listed only on request when others show (issue #16)
      const foldable = isFoldable(hidden.length, api.departments.length);
      await expect(table.locator('tbody tr')).toHaveCount(
        api.departments.length - (foldable ? hidden.length : 0),
      );
      if (foldable) {
        await page.getByTestId('ladder-table-hidden').click();
        await expect(table.locator('tbody tr')).toHaveCount(api.departments.length);
      }
      const ceilingHeader = table.getByRole('columnheader', { name: /IC ceiling/ });
      await ceilingHeader.getByRole('button').click();
      await expect(ceilingHeader).toHaveAttribute('aria-sort', 'ascending');
      const firstOpen = api.departments.find((d) => !isSuppressed(d.group));
      if (firstOpen && !isSuppressed(firstOpen.group)) {
        const row = table.locator('tbody tr', { hasText: firstOpen.department ?? 'No department' }).first();
        await expect(row.locator('td').nth(4)).toHaveText(String(firstOpen.group.metrics.icLadderDepth));
      }
      const tcsv = await download(page, () => table.getByRole('button', { name: 'Download CSV' }).click());
      expect(tcsv.text.split('\r\n')[0]).toContain('Parity gap');

      // Velocity and moves: table views carry the API's rows.
      const moves = page.locator('section', {
        has: page.getByRole('heading', { name: /IC ↔ manager moves/ }),
      });
      await moves.getByRole('button', { name: 'Table' }).click();
      if (!isSuppressed(api.moves)) await expect(moves.locator('tbody tr')).toHaveCount(api.moves.length);
      const velocity = page.locator('section', {
        has: page.getByRole('heading', { name: 'Promotion velocity' }),
      });
      await velocity.getByRole('button', { name: 'Table' }).click();
      await expect(velocity.locator('tbody tr')).toHaveCount(api.velocity.length);
      expect(JSON.stringify(api)).not.toMatch(/"employeeId"|"name":/);
      await velocity.getByRole('button', { name: 'Chart' }).click();
      await moves.getByRole('button', { name: 'Chart' }).click();
      await levels.getByRole('button', { name: 'Chart' }).click();
      await screens(page, `ladder-${role}`);
    });
  }
});

test.describe('ceiling-risk dashboard', () => {
  for (const role of ROLES) {
    test(`${role}: heatmap and figures match the API; people list only where allowed`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await signIn(page, role);
      await page.goto('/ceiling-risk');
      await expect(page.getByTestId('ceiling-risk')).toBeVisible();
      const api = await getJson<CeilingRiskDashboard>(page, '/api/metrics/ceiling-risk');
      if (isSuppressed(api.summary)) throw new Error('the e2e company is large enough');
      await expect(page.getByTestId('kpi-ics-value')).toHaveText(api.summary.ics.toLocaleString('en'));
      await expect(page.getByTestId('kpi-meanScore-value')).toHaveText(
        api.summary.meanScore === null ? '—' : api.summary.meanScore.toLocaleString('en'),
      );
      await expect(page.getByTestId('kpi-highRisk-value')).toHaveText(
        api.summary.highRisk.toLocaleString('en'),
      );

      // Heatmap: one rendered row per department; the table view lists every cell with the API's numbers.
      const heat = page.locator('section', {
        has: page.getByRole('heading', { name: 'Ceiling risk by department and level' }),
      });
      // Issue #16: a department whose every cell the floor hides is listed only on request when others
      // show (a Home Office viewer scrolled past about 100 rows of "<5"), in the heatmap and its table.
      const open = new Set(api.heatmap.cells.filter((c) => !isSuppressed(c.value)).map((c) => c.department));
      const hiddenDepts = api.heatmap.departments.filter((d) => !open.has(d));
      const folded = isFoldable(hiddenDepts.length, api.heatmap.departments.length);
      const fold = heat.getByTestId('risk-heatmap-hidden');
      if (folded) {
        await expect(heat.locator('tbody tr')).toHaveCount(
          api.heatmap.departments.length - hiddenDepts.length,
        );
        await expect(heat).toContainText(
          hiddenDepts.length === api.heatmap.departments.length
            ? `All ${hiddenDepts.length} departments`
            : `${hiddenDepts.length} more department`,
        );
        await fold.click();
        await expect(fold).toHaveText('Leave them out');
      } else await expect(fold).toHaveCount(0);
      await expect(heat.locator('tbody tr')).toHaveCount(api.heatmap.departments.length);
      await heat.getByRole('button', { name: 'Table' }).click();
      await expect(heat.locator('tbody tr')).toHaveCount(api.heatmap.cells.length);
      const first = api.heatmap.cells[0];
      if (first) {
        const cells = heat.locator('tbody tr').first().locator('td');
        await expect(cells.nth(0)).toHaveText(first.department ?? 'No department');
        const value = first.value;
        await expect(cells.nth(2)).toHaveText(
          isSuppressed(value) ? '—' : String((value as { ics: number }).ics),
        );
      }
      const suppressedCells = api.heatmap.cells.filter((c) => isSuppressed(c.value));
      if (role === 'admin' || role === 'hr') expect(suppressedCells).toEqual([]);
      else expect(suppressedCells.length).toBeGreaterThan(0);
      const hcsv = await download(page, () => heat.getByRole('button', { name: 'Download CSV' }).click());
      expect(hcsv.text.trim().split('\r\n')).toHaveLength(api.heatmap.cells.length + 1);
      await heat.getByRole('button', { name: 'Chart' }).click();

      const people = page.getByTestId('risk-people');
      if (role === 'viewer') {
        // No person-level data in the API answer at all, and the page says why.
        expect(api.people).toBeNull();
        expect(JSON.stringify(api)).not.toMatch(/"employeeId"|"reasonText"/);
        await expect(page.getByTestId('people-hidden')).toBeVisible();
        await expect(page.getByTestId('risk-people-table')).toHaveCount(0);
      } else {
        expect(api.people).not.toBeNull();
        const list = api.people ?? [];
        const high = list.filter((p) => p.score >= 60);
        // Issue #16: the counts add up against the declared ICs of the KPI, and say so.
        const ics = isSuppressed(api.summary) ? null : (api.summary as { ics: number }).ics;
        if (ics !== null) {
          const total = api.peopleTotal ?? 0;
          await expect(page.getByTestId('people-count')).toContainText(
            `${high.length.toLocaleString('en')} of ${ics.toLocaleString('en')} declared ICs score 60 or more; ${total.toLocaleString('en')} score above 0 and ${(ics - total).toLocaleString('en')} score 0`,
          );
          await expect(page.getByTestId('kpi-ics-value')).toHaveText(ics.toLocaleString('en'));
        }
        // The continuous part discriminates: the ten highest do not all share one score, and
        // each person at risk has a suggested next step.
        if (list.length >= 10) expect(new Set(list.slice(0, 10).map((p) => p.score)).size).toBeGreaterThan(1);
        for (const p of list) expect(p.nextStep).toMatch(/^Consider /);
        // Show everyone with a score, then check the top row and the CSV.
        await people.getByLabel('Show ICs scoring').selectOption('0.1');
        const top = list[0];
        if (top) {
          const row = page.getByTestId('risk-people-table').locator('tbody tr').first();
          await expect(row).toContainText(top.name ?? top.employeeId);
          await expect(row).toContainText(top.score.toFixed(1));
          await expect(row).toContainText(top.reasonText[0] ?? '');
        }
        const pcsv = await download(page, () => people.getByRole('button', { name: 'Download CSV' }).click());
        const lines = pcsv.text.trim().split('\r\n');
        expect(lines[0]).toBe(
          'Employee ID,Name,Title,Department,Level,Months in level,Risk score,Why,Suggested next step',
        );
        expect(lines).toHaveLength(list.length + 1);
        await people.getByLabel('Show ICs scoring').selectOption('60');
      }

      // Leavers: the table view has one row per pair of snapshots (5 pairs in the 6-month company).
      const leavers = page.locator('section', {
        has: page.getByRole('heading', { name: /Leavers: at the ceiling/ }),
      });
      if (!isSuppressed(api.leavers)) {
        expect(api.leavers).toHaveLength(5);
        await leavers.getByRole('button', { name: 'Table' }).click();
        await expect(leavers.locator('tbody tr')).toHaveCount(api.leavers.length);
        await leavers.getByRole('button', { name: 'Chart' }).click();
      }
      await screens(page, `ceiling-risk-${role}`);
    });
  }
});

test('issue #16: level legends follow the ladder, not the alphabet; department labels never overlap', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'hr');
  await page.goto('/ladder');
  const api = await getJson<LadderDashboard>(page, '/api/metrics/ladder');
  const card = page
    .locator('section.chart-card')
    .filter({ has: page.getByRole('heading', { name: /Levels per department/ }) });
  // Ladder order: IC track by rank (unlevelled last), then the manager track (the legend is drawn
  // once the chart has measured itself: wait for it).
  await expect
    .poll(() => card.locator('.recharts-legend-item-text').allTextContents())
    .toEqual(api.levels.map((l) => l.label));
  // Department labels: one tick per bar, each with its full name as a tooltip, none overlapping.
  const ticks = card.locator('.recharts-yAxis-tick-labels text[data-full]');
  const boxes = await ticks.evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return {
        top: r.top,
        bottom: r.bottom,
        // Where the label starts against the chart's left edge (negative: cut off).
        inside: r.left - (e.closest('svg')?.getBoundingClientRect().left ?? 0),
        full: e.getAttribute('data-full'),
        title: e.querySelector('title')?.textContent,
      };
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  expect(boxes.length).toBeLessThanOrEqual(25);
  const sorted = [...boxes].sort((a, b) => a.top - b.top);
  for (let i = 1; i < sorted.length; i++)
    expect(sorted[i]?.top ?? 0).toBeGreaterThanOrEqual(sorted[i - 1]?.bottom ?? 0);
  for (const b of boxes) expect(b.title).toBe(b.full);
  for (const b of boxes) expect(b.inside, `${b.full} starts inside the chart`).toBeGreaterThanOrEqual(0);
});
