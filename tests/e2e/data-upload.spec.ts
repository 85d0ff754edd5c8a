import fs from 'node:fs';
import path from 'node:path';
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
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2024-06-30' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByTestId('snapshot-table')).toContainText('2024-06-30');
  await expect(page.getByTestId('snapshot-table')).toContainText('boss-ref-2024-06-30.csv');

  // The mapping was saved: the same columns are mapped automatically next time.
  await page.setInputFiles('#upload-files', path.resolve('tests/fixtures/e2e/boss-ref-2024-06-30.csv'));
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await expect(page.getByText(/A mapping saved for files with these columns was applied/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
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
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2012-09-30' })).toBeVisible({
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
  await page.getByLabel('Keep the first row of each duplicated id').click();
  await expect(page.getByText('ready to commit')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
});
