import { request, type FullConfig } from '@playwright/test';
import { ADMIN, DEMO_CEO, REAL_LEADER_SCOPE, REAL_ORG, REAL_USERS, USERS } from './helpers';

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
  // The real organisation, when scripts/e2e-server.mjs imported it: one user per role given only it.
  const orgs = (await (await ctx.get('/api/organisations')).json()) as {
    organisations: Array<{ id: number; name: string }>;
  };
  const real = orgs.organisations.find((o) => o.name === REAL_ORG);
  if (real)
    for (const role of ['hr', 'leader', 'viewer'] as const) {
      const res = await ctx.post('/api/admin/users', {
        data: {
          email: REAL_USERS[role].email,
          name: `E2E ${REAL_ORG} ${role}`,
          role,
          password: REAL_USERS[role].password,
          orgIds: [real.id],
          ...(role === 'leader' ? { scopeEmployeeId: REAL_LEADER_SCOPE } : {}),
        },
      });
      if (!res.ok() && res.status() !== 409)
        throw new Error(`creating ${REAL_ORG} ${role} failed: ${res.status()} ${await res.text()}`);
    }
  await ctx.dispose();
}
