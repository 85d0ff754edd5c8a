import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// These tests add snapshots dated before the demo company's; remove them afterwards so the
// dashboards' series in later specs are the demo company's alone.
test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, 'admin');
  const list = (await (await page.request.get('/api/data/snapshots')).json()) as {
    snapshots: Array<{ id: number; asOf: string }>;
  };
  for (const s of list.snapshots.filter((x) => x.asOf < '2026-01-01')) {
    await page.request.delete(`/api/data/snapshots/${s.id}`);
  }
  await page.close();
});

const DATA = path.resolve(process.cwd(), '../shared/data/ukgov-organograms-datagovuk/home_office');

test('hr uploads a file with an unknown manager column, maps it, reads the report, commits, and sees the snapshot', async ({
  page,
}) => {
  await signIn(page, 'hr');
  await page.goto('/data');
  await page.setInputFiles('#upload-files', path.resolve('tests/fixtures/e2e/boss-ref-2024-06-30.csv'));
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await expect(page.getByText(/Required field.*not found: Manager ID/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Commit/ })).toBeDisabled();
  await page.getByLabel('Field for column Boss Ref').selectOption('manager_id');
  await page.getByRole('button', { name: 'Apply mapping and check again' }).click();
  await expect(page.getByText('ready to commit')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/data-mapped.png', fullPage: true });
  await page.getByRole('button', { name: /Commit 1 snapshot/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported Jun 30, 2024' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByTestId('snapshot-table')).toContainText('Jun 30, 2024');
  await expect(page.getByTestId('snapshot-table')).toContainText('boss-ref-2024-06-30.csv');
  // a source file name is never broken at its hyphens (one file a line)
  const fileName = page.getByTestId('snapshot-table').locator('.file-name').first();
  expect(await fileName.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');

  // The mapping was saved: the same columns are mapped automatically next time.
  await page.setInputFiles('#upload-files', path.resolve('tests/fixtures/e2e/boss-ref-2024-06-30.csv'));
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await expect(page.getByText(/A mapping saved for files with these columns was applied/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
});

test.describe('read in British English', () => {
  test.use({ locale: 'en-GB' });

  test('the snapshot table shows each date once in the reader locale, one action menu per row, and confirms a delete in a dialog', async ({
    page,
  }) => {
    await signIn(page, 'hr');
    await page.goto('/data');
    const table = page.getByTestId('snapshot-table');
    const actions = table.getByRole('button', { name: /^Actions for snapshot/ });
    await expect(actions.first()).toBeVisible();
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(1);
    // As of: the date once (no "2026-10-31 (2026-10-31)"), in the same style as Uploaded.
    for (const t of await table.locator('tbody tr td:nth-child(1)').allInnerTexts())
      expect(t.trim()).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
    // Uploaded: when, then by whom, in one column
    for (const t of await table.locator('tbody tr td:nth-child(5)').allInnerTexts())
      expect(t.trim()).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}\s+by \S+$/);
    // One Actions button per row, no column of Delete buttons.
    await expect(actions).toHaveCount(rows);
    await expect(table.getByRole('button', { name: /delete/i })).toHaveCount(0);

    // Keyboard: Enter opens the menu on its first item, Escape closes it back onto the button.
    const button = table.getByRole('button', { name: 'Actions for snapshot 30 Jun 2024 version 1' });
    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Actions for snapshot 30 Jun 2024 version 1' });
    await expect(menu.getByRole('menuitem')).toHaveText(['Open in Overview', 'Delete…']);
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()).violations).toEqual([]);
    await page.screenshot({ path: 'test-results/screens/data-actions-menu.png' });
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(button).toBeFocused();

    // Delete: a dialog names the snapshot; Cancel keeps it, Delete snapshot removes it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await expect(menu.getByRole('menuitem', { name: 'Delete…' })).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete this snapshot?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('30 Jun 2024 (2024-06-30), version 1 of 1');
    await expect(dialog).toContainText('boss-ref-2024-06-30.csv');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()).violations).toEqual([]);
    await page.screenshot({ path: 'test-results/screens/data-delete-dialog.png' });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(table.locator('tbody tr')).toHaveCount(rows);
    await button.click();
    await menu.getByRole('menuitem', { name: 'Delete…' }).click();
    await dialog.getByRole('button', { name: 'Delete snapshot' }).click();
    await expect(dialog).toBeHidden();
    await expect(table.locator('tbody tr')).toHaveCount(rows - 1);
    await expect(button).toHaveCount(0);
  });
});

test('hr uploads a UK organogram (senior + junior files) and commits it', async ({ page }) => {
  test.skip(!fs.existsSync(DATA), `real data missing at ${DATA}`);
  await signIn(page, 'hr');
  await page.goto('/data');
  await page.setInputFiles('#upload-files', [
    path.join(DATA, 'home_office-2012-09-30-senior.csv'),
    path.join(DATA, 'home_office-2012-09-30-junior.csv'),
  ]);
  await page.getByRole('button', { name: 'Upload and check' }).click();
  const report = page.getByRole('region', { name: /Validation report/ });
  await expect(page.getByText('ready to commit')).toBeVisible();
  await expect(page.getByText(/138\s*people/)).toBeVisible();
  await expect(page.getByText(/10,267.22\s*junior staff FTE/)).toBeVisible();
  await expect(report.or(page.getByTestId('issues-table'))).toBeTruthy();
  await page.getByRole('button', { name: /Commit 1 snapshot/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported Sep 30, 2012' })).toBeVisible({
    timeout: 60_000,
  });
  await page.screenshot({ path: 'test-results/screens/data-organogram.png', fullPage: true });
});

test('a duplicate-id file is refused until the keep-first choice is made', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/data');
  await page.setInputFiles('#upload-files', path.resolve('tests/fixtures/ingest/duplicates.csv'));
  await page.getByLabel('As-of date').first().fill('2023-01-31');
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await expect(page.getByTestId('issues-table')).toContainText('duplicate');
  await expect(page.getByRole('button', { name: /^Commit/ })).toBeDisabled();
  const dup = page.getByTestId('resolve-duplicate-id');
  await expect(dup).toContainText('blocks the import');
  await dup.getByLabel(/^keep-first/).check();
  await expect(page.getByText('ready to commit')).toBeVisible();
  await expect(dup).toContainText('resolved');
  await page.getByRole('button', { name: 'Cancel' }).click();
});

const DFID = path.resolve(process.cwd(), '../shared/data/ukgov-organograms-datagovuk/dfid');
const IFG = path.resolve(process.cwd(), '../shared/data/ukgov-organograms-ifg/multi-snapshot/dfid.csv');

/**
 * Types the organisation an upload goes to, once the page is hydrated and has filled in the current
 * one (a name typed before that is replaced, and the upload would go to the current organisation).
 */
async function chooseOrg(page: import('@playwright/test').Page, name: string): Promise<void> {
  const field = page.locator('#upload-org');
  await expect(field).not.toHaveValue('');
  await field.fill(name);
  await expect(field).toHaveValue(name);
}

/** Deletes an organisation this spec created (admin), so later specs see the organisations they expect. */
async function deleteOrg(page: import('@playwright/test').Page, name: string): Promise<void> {
  const body = (await (await page.request.get('/api/organisations')).json()) as {
    organisations: Array<{ id: number; name: string }>;
  };
  const org = body.organisations.find((o) => o.name === name);
  if (org) {
    const res = await page.request.delete(`/api/admin/organisations/${org.id}`, { data: { confirm: name } });
    expect(res.status()).toBe(200);
  }
}

test('a published DFID organogram with a self-report: resolved on the upload screen, committed into its own organisation, and a re-upload shows the difference first', async ({
  page,
}) => {
  test.skip(!fs.existsSync(DFID), `real data missing at ${DFID}`);
  const ORG = 'DFID (e2e)';
  await signIn(page, 'admin');
  await deleteOrg(page, ORG); // what a failed earlier attempt left
  await page.goto('/data');
  const pair = [
    path.join(DFID, 'department_for_international_development-2011-03-31-senior.csv'),
    path.join(DFID, 'department_for_international_development-2011-03-31-junior.csv'),
  ];
  await chooseOrg(page, ORG);
  await page.setInputFiles('#upload-files', pair);
  await page.getByRole('button', { name: 'Upload and check' }).click();
  const self = page.getByTestId('resolve-self-manager');
  await expect(self).toContainText('blocks the import');
  // The error names the file's line (header = line 1) and comes before the warnings.
  await expect(page.getByTestId('issues-table').locator('tbody tr').first()).toContainText(
    'Line 30: A6 is recorded as their own manager',
  );
  await expect(page.getByRole('button', { name: /^Commit 1 snapshot/ })).toBeDisabled();
  await page.screenshot({ path: 'test-results/screens/data-resolve-before.png', fullPage: true });
  await self.getByLabel(/^root/).check();
  await expect(page.getByText('ready to commit')).toBeVisible();
  await expect(self).toContainText('resolved');
  await page.screenshot({ path: 'test-results/screens/data-resolve-after.png', fullPage: true });
  await page.getByRole('button', { name: /^Commit 1 snapshot/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported Mar 31, 2011 (80 people' })).toBeVisible({
    timeout: 60_000,
  });

  // The same date again in the same organisation: the difference, and a tick before a new version.
  await chooseOrg(page, ORG);
  await page.setInputFiles('#upload-files', pair);
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await self.getByLabel(/^root/).check();
  const diff = page.getByTestId('version-diff-2011-03-31');
  await expect(diff).toContainText('version 1 is current; committing stores version 2');
  await expect(diff).toContainText('0 added, 0 removed, 0 with another manager');
  const commit = page.getByRole('button', { name: /^Commit 1 snapshot/ });
  await expect(commit).toBeDisabled();
  await page.getByLabel(/Store a new version of this date/).check();
  await expect(commit).toBeEnabled();
  await page.screenshot({ path: 'test-results/screens/data-reupload-diff.png', fullPage: true });
  await commit.click();
  await expect(page.getByRole('status').filter({ hasText: 'version 2 replaces 1' })).toBeVisible({
    timeout: 60_000,
  });
  await deleteOrg(page, ORG);
});

test('a stacked multi-snapshot file: the snapshots without errors are committed, the others listed with why', async ({
  page,
}) => {
  test.skip(!fs.existsSync(IFG), `real data missing at ${IFG}`);
  const ORG = 'DFID stacked (e2e)';
  await signIn(page, 'admin');
  await deleteOrg(page, ORG); // what a failed earlier attempt left
  await page.goto('/data');
  await chooseOrg(page, ORG);
  await page.setInputFiles('#upload-files', IFG);
  await page.getByRole('button', { name: 'Upload and check' }).click();
  const partial = page.getByTestId('partial-commit');
  await expect(partial).toContainText('5 of 8 snapshots have no errors');
  for (const d of ['Mar 31, 2011', 'Sep 30, 2011', 'Sep 30, 2013'])
    await expect(partial).toContainText(`${d}`);
  await expect(partial).toContainText('self-manager');
  await expect(page.getByRole('button', { name: /^Commit 8 snapshots/ })).toBeDisabled();
  await page.screenshot({ path: 'test-results/screens/data-partial-commit.png', fullPage: true });
  await page.getByRole('button', { name: 'Commit the 5 snapshots without errors' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Imported Sep 30, 2012' });
  await expect(done).toBeVisible({ timeout: 60_000 });
  await expect(done).not.toContainText('Mar 31, 2011');
  await deleteOrg(page, ORG);
});
