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

/**
 * The real organisation scripts/e2e-server.mjs imports when ../shared/data holds it (the Home
 * Office's published organograms), and its users: each given only that organisation; the leader
 * leads the Crime and Policing Group. The admin is the one admin (every organisation).
 */
export const REAL_ORG = 'Home Office';
/** The real leader's scope: post 3CPG01, the Director General of Crime and Policing (about 40 senior posts in 2012). */
export const REAL_LEADER_SCOPE = '3CPG01';
export const REAL_USERS = {
  admin: ADMIN,
  hr: { email: 'ho-hr@e2e.test', password: 'ho-hr-password-123' },
  leader: { email: 'ho-leader@e2e.test', password: 'ho-leader-password-123' },
  viewer: { email: 'ho-viewer@e2e.test', password: 'ho-viewer-password-123' },
} as const;

/** Signs in through the real form and waits for the signed-in shell. */
export async function signIn(
  page: Page,
  role: E2eRole,
  users: Record<E2eRole, { email: string; password: string }> = USERS,
): Promise<void> {
  const u = users[role];
  await page.goto('/login');
  await page.getByLabel('Email').fill(u.email);
  await page.getByLabel('Password').fill(u.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('current-role')).toBeVisible();
}
