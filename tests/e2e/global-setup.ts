import { request, type FullConfig } from '@playwright/test';
import { ADMIN, DEMO_CEO, USERS } from './helpers';

/** Creates one user per role through the admin API, as an admin would on the Admin page. */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL ?? 'http://127.0.0.1:3100';
  const ctx = await request.newContext({ baseURL });
  const csrf = (await (await ctx.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const login = await ctx.post('/api/auth/callback/credentials', {
    form: { csrfToken: csrf.csrfToken, email: ADMIN.email, password: ADMIN.password, json: 'true' },
  });
  if (!login.ok()) throw new Error(`admin sign-in failed: ${login.status()}`);
  for (const role of ['hr', 'leader', 'viewer'] as const) {
    const res = await ctx.post('/api/admin/users', {
      data: {
        email: USERS[role].email,
        name: `E2E ${role}`,
        role,
        password: USERS[role].password,
        // A leader must have a scope: the demo company's CEO, so the e2e leader still sees it all.
        ...(role === 'leader' ? { scopeEmployeeId: DEMO_CEO } : {}),
      },
    });
    if (!res.ok() && res.status() !== 409)
      throw new Error(`creating ${role} failed: ${res.status()} ${await res.text()}`);
  }
  await ctx.dispose();
}
