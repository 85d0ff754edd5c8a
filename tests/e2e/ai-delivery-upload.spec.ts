import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const D = path.resolve(process.cwd(), 'tests/fixtures/ai/delivery');
const SCREENS = 'test-results/screens';

test('hr checks a pull-request CSV and an identity file: counts per file, PR totals, unknown employee warned', async ({
  page,
}) => {
  await signIn(page, 'hr');
  await page.goto('/ai/data');
  await page.setInputFiles('#ai-upload-files', [
    path.join(D, 'pull-requests.csv'),
    path.join(D, 'identities.csv'),
  ]);
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await expect(page.getByText('ready to import')).toBeVisible();
  const files = page.getByTestId('ai-upload-files');
  // file, read as, usage rows, seats, pull requests, identity lines
  await expect(files.getByRole('row', { name: /pull-requests\.csv/ })).toContainText('Pull requests (CSV)');
  await expect(
    files
      .getByRole('row', { name: /pull-requests\.csv/ })
      .getByRole('cell')
      .nth(4),
  ).toHaveText('5');
  await expect(
    files
      .getByRole('row', { name: /identities\.csv/ })
      .getByRole('cell')
      .nth(5),
  ).toHaveText('3');
  await expect(page.getByTestId('ai-upload-prs')).toHaveText('5 pull requests (3 merged, 2 AI-assisted)');
  // E99 is not in the demo company
  await expect(page.getByText(/employee E99 is not in the/)).toBeVisible();
  await expect(page.getByRole('button', { name: /pull request\(s\), 3 identity line\(s\)/ })).toBeEnabled();
  const axe = await new AxeBuilder({ page }).include('[data-testid="ai-upload-report"]').analyze();
  expect(axe.violations).toEqual([]);
  await page.screenshot({ path: `${SCREENS}/ai-delivery-upload-report.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENS}/ai-delivery-upload-report-mobile.png`, fullPage: true });
  await page.getByRole('button', { name: 'Cancel' }).click();
});
