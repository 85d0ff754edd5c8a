import { expect, test } from '@playwright/test';
import { listAppEntries, PUBLIC_ENTRIES, requiredRolesFor } from '../support/app-routes';
import { DEMO_CEO, signIn, USERS, type E2eRole } from './helpers';

const entries = listAppEntries().filter((e) => !PUBLIC_ENTRIES.includes(e.urlPath));
const concrete = (p: string) => p.replace(/\[\.\.\.[^\]]+\]/g, 'x').replace(/\[[^\]]+\]/g, '1');

test.describe('sign-in', () => {
  for (const role of Object.keys(USERS) as E2eRole[]) {
    test(`${role} signs in, sees only the navigation their role allows, and signs out`, async ({ page }) => {
      await signIn(page, role);
      await expect(page.getByTestId('current-role')).toHaveText(
        { admin: 'Admin', hr: 'HR', leader: 'Leader', viewer: 'Viewer' }[role],
      );
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(role === 'admin' ? 1 : 0);
      await page.screenshot({ path: `test-results/screens/signed-in-${role}.png`, fullPage: true });
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/login/);
      await page.goto('/admin');
      await expect(page).toHaveURL(/\/login/);
    });
  }

  test('a wrong password gets a message that does not reveal whether the account exists', async ({
    page,
  }) => {
    const messages: string[] = [];
    for (const email of [USERS.viewer.email, 'nobody@e2e.test']) {
      await page.goto('/login');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('definitely-wrong');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const alert = page.getByRole('alert');
      await expect(alert).toBeVisible();
      messages.push((await alert.textContent()) ?? '');
    }
    expect(messages[0]).toBe(messages[1]);
    await expect(page).toHaveURL(/\/login/);
  });

  test('a viewer is blocked from admin pages and admin endpoints', async ({ page }) => {
    await signIn(page, 'viewer');
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/denied/);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    const res = await page.request.get('/api/admin/users');
    expect(res.status()).toBe(403);
  });
});

test.describe('route guard, against the running server', () => {
  test('without a session every page redirects to sign-in and every API route answers 401', async ({
    request,
  }) => {
    for (const e of entries) {
      const url = concrete(e.urlPath);
      if (e.kind === 'page') {
        const res = await request.get(url, { maxRedirects: 0 });
        expect([302, 303, 307, 308], `${url} status`).toContain(res.status());
        expect(res.headers().location ?? '', url).toContain('/login');
      } else if (e.kind === 'route') {
        for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
          if (!new RegExp(`export\\s+(const|async function|function)\\s+${method}\\b`).test(e.source))
            continue;
          const res = await request.fetch(url, { method, data: method === 'GET' ? undefined : {} });
          expect(res.status(), `${method} ${url}`).toBe(401);
        }
      }
    }
  });

  test('a viewer gets 403 from every admin and hr endpoint', async ({ page }) => {
    await signIn(page, 'viewer');
    for (const e of entries.filter((x) => x.kind === 'route' && requiredRolesFor(x.urlPath))) {
      const url = concrete(e.urlPath);
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        if (!new RegExp(`export\\s+(const|async function|function)\\s+${method}\\b`).test(e.source)) continue;
        const res = await page.request.fetch(url, { method, data: method === 'GET' ? undefined : {} });
        expect(res.status(), `${method} ${url}`).toBe(403);
      }
    }
    for (const e of entries.filter((x) => x.kind === 'page' && requiredRolesFor(x.urlPath))) {
      await page.goto(concrete(e.urlPath));
      await expect(page, e.urlPath).toHaveURL(/\/denied/);
    }
  });
});

test('an admin creates a user, changes their role and finds both in the audit log', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin');
  await page.getByLabel('Email').fill('newbie@e2e.test');
  await page.getByLabel('Name').fill('New Bie');
  await page.getByLabel('Role').selectOption('leader');
  await page.getByLabel(/^Password/).fill('newbie-password-1');
  // a leader without a scope would see the whole company: refused with the reason
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'A leader needs a scope' })).toBeVisible();
  await page.getByRole('combobox', { name: /^Scope/ }).fill(DEMO_CEO);
  await page.getByRole('option').filter({ hasText: DEMO_CEO }).first().click();
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Created newbie@e2e.test' })).toBeVisible();
  await page.getByRole('button', { name: 'Edit newbie@e2e.test' }).click();
  await page.getByLabel('Role for newbie@e2e.test').selectOption('viewer');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('row', { name: /newbie@e2e.test/ })).toContainText('Viewer');
  await page.getByRole('tab', { name: 'Audit log' }).click();
  await page.getByLabel('Action').selectOption('user.role_change');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByTestId('audit-table')).toContainText('newbie@e2e.test');
  await page.screenshot({ path: 'test-results/screens/admin-audit.png', fullPage: true });
});

test('an admin gives a leader a scope by searching a name; the scope reads with the name everywhere', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await page.goto('/admin');
  const email = `scoped-${Date.now()}@e2e.test`;
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role').selectOption('leader');
  // No raw id box: the people search, by id or name.
  await expect(page.locator('#nu-scope')).toHaveCount(0);
  const search = page.getByRole('combobox', { name: /^Scope/ });
  await search.fill(DEMO_CEO);
  await page.getByRole('option').filter({ hasText: DEMO_CEO }).first().click();
  await expect(search).toHaveAccessibleDescription(new RegExp(`^Subtree of \\S.* \\(${DEMO_CEO}\\)`));
  await page.getByLabel(/^Password/).fill('scoped-leader-password');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Created ${email}` })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText(new RegExp(`Subtree of \\S.* \\(${DEMO_CEO}\\)`));
  await page.screenshot({ path: 'test-results/screens/admin-scope-by-name.png', fullPage: true });

  // The e2e leader (scope: the CEO) reads the name in the header and on the account page.
  await page.getByRole('button', { name: 'Sign out' }).click();
  // Signing out navigates to the sign-in page: let it land before signing in again.
  await page.waitForURL(/\/login/);
  await signIn(page, 'leader');
  await expect(page.getByTestId('current-scope')).toHaveText(
    new RegExp(`^Scope: subtree of \\S.* \\(${DEMO_CEO}\\)$`),
  );
  await page.goto('/account');
  await expect(page.getByText(new RegExp(`^The subtree of \\S.* \\(${DEMO_CEO}\\)$`))).toBeVisible();
});
