import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { listAppEntries } from '../support/app-routes';
import { DASHBOARD_FAMILY_NAMES } from '../../lib/query/families';
import { signIn } from './helpers';

const EVIL = 'http://evil.example';
const CSV = path.resolve('tests/fixtures/e2e/boss-ref-2024-06-30.csv');

/** What a cross-site attacker's form or fetch could change; read back to prove nothing moved. */
async function state(page: Page) {
  const json = async (url: string) => (await page.request.get(url)).json() as Promise<unknown>;
  return {
    settings: await json('/api/admin/settings'),
    users: await json('/api/admin/users'),
    reports: await json('/api/reports'),
    snapshots: await json('/api/data/snapshots'),
    lastAudit: ((await json('/api/admin/audit')) as { entries: Array<{ id: number }> }).entries[0]?.id,
  };
}

/** The four writes of the reproduction, each with the given Origin; `body` picks the body type. */
function writes(page: Page, origin: string, body: 'text/plain' | 'application/json') {
  const send = (url: string, method: string, data: unknown) =>
    page.request.fetch(url, {
      method,
      headers: { origin, 'content-type': body },
      data: JSON.stringify(data),
    });
  return {
    settings: () => send('/api/admin/settings', 'PUT', { minGroupSize: 3, execLayers: 2 }),
    user: () =>
      send('/api/admin/users', 'POST', {
        email: `mallory-${body.length}@evil.example`,
        name: 'Mallory',
        role: 'admin',
        password: 'mallory-password-123',
      }),
    report: () => send('/api/reports', 'POST', { format: 'csv', table: 'structure-pyramid' }),
    upload: () =>
      page.request.post('/api/data/uploads', {
        headers: { origin },
        multipart: { files: { name: 'org.csv', mimeType: 'text/csv', buffer: fs.readFileSync(CSV) } },
      }),
  };
}

async function expectRefused(res: APIResponse, status: number, message: RegExp) {
  expect(res.status()).toBe(status);
  expect(((await res.json()) as { error: string }).error).toMatch(message);
}

test.describe('cross-site writes', () => {
  test('with a foreign Origin and a text/plain body, none of the four writes changes anything', async ({
    page,
  }) => {
    await signIn(page, 'admin');
    const before = await state(page);
    for (const body of ['text/plain', 'application/json'] as const) {
      const w = writes(page, EVIL, body);
      for (const write of [w.settings, w.user, w.report, w.upload])
        await expectRefused(await write(), 403, /another site/);
    }
    // An opaque origin (sandboxed frame) and a cross-site fetch without Origin are refused too.
    const opaque: Array<Record<string, string>> = [{ origin: 'null' }, { 'sec-fetch-site': 'cross-site' }];
    for (const headers of opaque) {
      const res = await page.request.put('/api/admin/settings', { headers, data: { minGroupSize: 3 } });
      await expectRefused(res, 403, /another site/);
    }
    expect(await state(page)).toEqual(before);
  });

  test('every state-changing API route refuses a foreign Origin', async ({ page }) => {
    await signIn(page, 'admin');
    const concrete = (p: string) => p.replace(/\[[^\]]+\]/g, '1');
    let checked = 0;
    for (const e of listAppEntries().filter((x) => x.kind === 'route' && !x.urlPath.includes('...'))) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        if (!new RegExp(`export\\s+(const|async function|function)\\s+${method}\\b`).test(e.source)) continue;
        const res = await page.request.fetch(concrete(e.urlPath), {
          method,
          headers: { origin: EVIL },
          data: {},
        });
        await expectRefused(res, 403, /another site/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(16);
  });

  test('from the app itself, JSON writes and uploads work; a text/plain body gets 415', async ({ page }) => {
    await signIn(page, 'admin');
    const own = new URL(page.url()).origin;
    const plain = writes(page, own, 'text/plain');
    await expectRefused(await plain.settings(), 415, /Content-Type: application\/json/);
    const bad = await page.request.post('/api/data/uploads', {
      headers: { origin: own, 'content-type': 'text/plain' },
      data: 'id,name\n1,x',
    });
    await expectRefused(bad, 415, /multipart\/form-data/);

    const w = writes(page, own, 'application/json');
    const settings = await w.settings();
    expect(settings.status()).toBe(200);
    expect(((await settings.json()) as { settings: { minGroupSize: number } }).settings.minGroupSize).toBe(3);
    const restore = await page.request.put('/api/admin/settings', {
      headers: { origin: own },
      data: { minGroupSize: 5, execLayers: 2 },
    });
    expect(restore.status()).toBe(200);
    expect((await w.report()).status()).toBe(202);
    const upload = await w.upload();
    expect(upload.status()).toBe(201);
    const { upload: u } = (await upload.json()) as { upload: { id: string } };
    expect(
      (await page.request.delete(`/api/data/uploads/${u.id}`, { headers: { origin: own } })).status(),
    ).toBe(204);
  });
});

test('the one dashboard route serves the registry families only, read-only, behind the session check', async ({
  page,
  request,
}) => {
  // Without a session: 401 for a family and for a name that is not one (the guard runs first).
  for (const family of [...DASHBOARD_FAMILY_NAMES, 'no-such-family'])
    expect((await request.get(`/api/metrics/${family}`)).status(), family).toBe(401);
  await signIn(page, 'viewer');
  for (const family of DASHBOARD_FAMILY_NAMES) {
    expect((await page.request.get(`/api/metrics/${family}`)).status(), family).toBe(200);
    expect((await page.request.post(`/api/metrics/${family}`, { data: {} })).status(), family).toBe(405);
  }
  for (const name of ['no-such-family', 'constructor', '__proto__']) {
    const res = await page.request.get(`/api/metrics/${name}`);
    expect(res.status(), name).toBe(404);
    expect(await res.json()).toEqual({ error: 'There is no such dashboard.', details: null });
  }
});

test.describe('security headers', () => {
  test('a page carries a per-request nonce CSP, frame protection, nosniff and a referrer policy', async ({
    request,
  }) => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await request.get('/login');
      const h = res.headers();
      const csp = h['content-security-policy'] ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-eval');
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
      expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
      nonces.push(nonce);
      // Next puts the nonce on every script it renders; none runs without it.
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
      expect(h['x-frame-options']).toBe('DENY');
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(h['permissions-policy']).toContain('camera=()');
      // Served over plain http here: no HSTS (it is sent when NEXTAUTH_URL or the request is https).
      expect(h['strict-transport-security']).toBeUndefined();
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  test('an API answer carries nosniff and frame protection', async ({ request }) => {
    const res = await request.get('/api/snapshots');
    expect(res.status()).toBe(401);
    const h = res.headers();
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

test('every page renders under the CSP with no violation, chart downloads included', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const login = await page.goto('/login');
  expect(login?.headers()['content-security-policy']).toContain('nonce-');
  await signIn(page, 'admin');
  const pages = listAppEntries()
    .filter((e) => e.kind === 'page' && !e.urlPath.includes('['))
    .map((e) => e.urlPath);
  expect(pages.length).toBeGreaterThan(10);
  for (const url of pages) {
    const res = await page.goto(url);
    expect(res?.headers()['content-security-policy'], url).toContain('nonce-');
    await page.waitForLoadState('networkidle');
    expect(problems, `console errors on ${url}`).toEqual([]);
  }
  await page.goto('/overview');
  const png = page.getByRole('button', { name: /as a PNG image/ }).first();
  await expect(png).toBeEnabled();
  const start = { PNG: '\x89PNG', SVG: '<svg' };
  for (const kind of ['PNG', 'SVG'] as const) {
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: new RegExp(`as an? ${kind} image`) })
        .first()
        .click(),
    ]);
    expect(dl.suggestedFilename()).toMatch(new RegExp(`\\.${kind.toLowerCase()}$`));
    const bytes = fs.readFileSync(await dl.path());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe(start[kind]);
    expect(bytes.length).toBeGreaterThan(2_000);
  }
  await page.screenshot({ path: 'test-results/screens/security-overview.png', fullPage: true });
  expect(problems).toEqual([]);

  // Control: the policy is enforced and this test would see a violation. Markup injected as an
  // XSS would be (an image from another site with an inline handler) loads nothing and runs nothing.
  await page.evaluate(() =>
    document.body.insertAdjacentHTML(
      'beforeend',
      '<img alt="" src="http://evil.example/pixel.png" onerror="window.__injected = true">',
    ),
  );
  await expect.poll(() => problems.join('\n')).toMatch(/img-src/);
  await expect.poll(() => problems.join('\n')).toMatch(/script-src/);
  expect(await page.evaluate(() => '__injected' in window)).toBe(false);
});
