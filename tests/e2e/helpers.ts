import { expect, type Page } from '@playwright/test';

export const ADMIN = { email: 'admin@e2e.test', password: 'e2e-admin-password' };
export const USERS = {
  admin: ADMIN,
  hr: { email: 'hr@e2e.test', password: 'hr-password-123' },
  leader: { email: 'leader@e2e.test', password: 'leader-password-123' },
  viewer: { email: 'viewer@e2e.test', password: 'viewer-password-123' },
} as const;
export type E2eRole = keyof typeof USERS;
/** The employee id of the generated demo company's chief executive (the root of its org). */
export const DEMO_CEO = 'E000001';

/** Signs in through the real form and waits for the signed-in shell. */
export async function signIn(page: Page, role: E2eRole): Promise<void> {
  const u = USERS[role];
  await page.goto('/login');
  await page.getByLabel('Email').fill(u.email);
  await page.getByLabel('Password').fill(u.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('current-role')).toBeVisible();
}
