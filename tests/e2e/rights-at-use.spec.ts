import { expect, test, type Page } from '@playwright/test';
import { DEMO_CEO } from './helpers';

const SCREENS = 'test-results/screens';

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('current-role')).toBeVisible();
}

test('a report made as a leader is refused (403) after the user is downgraded to viewer, and the page says why', async ({
  page,
  browser,
}) => {
  await signInAs(page, 'admin@e2e.test', 'e2e-admin-password');
  const created = await page.request.post('/api/admin/users', {
    data: {
      email: 'downgraded@e2e.test',
      role: 'leader',
      scopeEmployeeId: DEMO_CEO,
      password: 'downgraded-pw-1',
    },
  });
  expect(created.status()).toBe(201);
  const { user } = (await created.json()) as { user: { id: number } };

  const ctx = await browser.newContext();
  const lp = await ctx.newPage();
  await signInAs(lp, 'downgraded@e2e.test', 'downgraded-pw-1');
  const started = await lp.request.post('/api/reports', {
    data: { format: 'xlsx', includePeople: true, sections: ['overview'] },
  });
  expect(started.status()).toBe(202);
  const { report } = (await started.json()) as { report: { id: number } };
  await expect
    .poll(
      async () =>
        ((await (await lp.request.get(`/api/reports/${report.id}`)).json()) as { report: { status: string } })
          .report.status,
      { timeout: 60_000 },
    )
    .toBe('done');
  expect((await lp.request.get(`/api/reports/${report.id}/file`)).status()).toBe(200);

  const downgraded = await page.request.patch(`/api/admin/users/${user.id}`, { data: { role: 'viewer' } });
  expect(downgraded.status()).toBe(200);

  const refused = await lp.request.get(`/api/reports/${report.id}/file`);
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: string }).error).toMatch(/person-level data/);
  await lp.goto('/reports');
  const item = lp.getByTestId(`report-${report.id}`);
  await expect(item).toContainText('Not available');
  await expect(item).toContainText('person-level data, which your current role does not include');
  await expect(item.getByRole('link', { name: /Download/ })).toHaveCount(0);
  await lp.screenshot({ path: `${SCREENS}/reports-after-downgrade.png`, fullPage: true });
  await ctx.close();
});
