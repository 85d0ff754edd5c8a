import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

// scripts/e2e-server.mjs loads the demo company into "Organisation 1" (the first import) and a
// tiny second organisation, "Demo company" (is_demo), with 6 people on 2024-01-31
// (tests/fixtures/orgs/beta-2024-01-31.csv).
const DEMO = 'Demo company';

async function orgIdOf(page: Page, name: string): Promise<number> {
  const body = (await (await page.request.get('/api/organisations')).json()) as {
    organisations: Array<{ id: number; name: string }>;
  };
  const org = body.organisations.find((o) => o.name === name);
  if (!org) throw new Error(`no organisation called ${name}`);
  return org.id;
}

test('the organisation picker switches every view, keeps ?org in the URL and in the sidebar links', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await page.goto('/overview');
  const picker = page.getByTestId('org-picker');
  await expect(picker).toBeVisible();
  const before = await page.getByTestId('kpi-headcount-value').textContent();
  expect(Number((before ?? '').replace(/,/g, ''))).toBeGreaterThan(300); // the 400-person company
  await picker.selectOption({ label: DEMO });
  const demoId = await orgIdOf(page, DEMO);
  await expect(page).toHaveURL(new RegExp(`/overview\\?org=${demoId}$`));
  await expect(page.getByTestId('kpi-headcount-value')).toHaveText('6');
  await expect(page.getByText('As of Jan 31, 2024')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/org-picker-1280.png' });
  // The sidebar keeps the organisation; the Structure page shows its people only.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Structure' }).click();
  await expect(page).toHaveURL(new RegExp(`/structure\\?org=${demoId}$`));
  await expect(page.getByTestId('org-picker')).toHaveValue(String(demoId));
  // A link without ?org stays in the organisation last chosen (remembered in a cookie).
  await page.goto('/overview');
  await expect(page.getByTestId('kpi-headcount-value')).toHaveText('6');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/overview?org=${demoId}`);
  await expect(page.getByTestId('org-picker')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/org-picker-390.png', fullPage: true });
});

test('a user without access to an organisation gets 403 for ?org= on pages and APIs', async ({ page }) => {
  await signIn(page, 'admin');
  const demoId = await orgIdOf(page, DEMO);
  await page.context().clearCookies();
  await signIn(page, 'hr'); // given Organisation 1 only (created by the admin while in it)
  await expect(page.getByTestId('org-picker')).toHaveCount(0);
  const res = await page.goto(`/overview?org=${demoId}`);
  expect(res?.status()).toBe(403);
  await expect(page.getByText('You do not have access to that organisation.')).toBeVisible();
  expect((await page.request.get(`/api/metrics/overview?org=${demoId}`)).status()).toBe(403);
  expect((await page.request.get('/api/metrics/overview')).status()).toBe(200);
});

test('admin removes the demo company from the Organisations tab', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin');
  await page.getByRole('tab', { name: 'Organisations' }).click();
  const table = page.getByRole('table', { name: 'Organisations and what each holds' });
  await expect(table.getByRole('row', { name: /Demo company/ })).toContainText('demo');
  await page.screenshot({ path: 'test-results/screens/admin-organisations-1280.png', fullPage: true });
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Remove demo company' }).click();
  await expect(page.getByText('The demo company and everything in it were removed.')).toBeVisible();
  await expect(table.getByRole('row', { name: /Demo company/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove demo company' })).toHaveCount(0);
  // One organisation left: the header names it instead of offering a choice (with the real
  // organisation loaded, the picker offers the two left).
  await page.reload();
  const left = (
    (await (await page.request.get('/api/organisations')).json()) as {
      organisations: Array<{ name: string }>;
    }
  ).organisations.map((o) => o.name);
  expect(left).not.toContain(DEMO);
  if (left.length === 1) await expect(page.getByTestId('current-org')).toHaveText('Organisation 1');
  else await expect(page.getByTestId('org-picker').locator('option')).toHaveText(left);
});
