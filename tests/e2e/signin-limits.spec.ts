import http from 'node:http';
import { expect, test } from '@playwright/test';
import { USERS } from './helpers';

const PORT = Number(process.env.E2E_PORT ?? 3100);

/** One HTTP exchange from a chosen loopback source address (so this test's blocked address is its own). */
function send(
  from: string,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<{ status: number; cookies: string[]; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: PORT, localAddress: from, method, path, headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, cookies: res.headers['set-cookie'] ?? [], text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Signs in with email + password through next-auth's credentials endpoint; true when a session cookie comes back. */
async function signInFrom(
  from: string,
  email: string,
  password: string,
  claims: Record<string, string>,
): Promise<boolean> {
  const csrf = await send(from, 'GET', '/api/auth/csrf', claims);
  const cookie = csrf.cookies.map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password, json: 'true' }).toString();
  const answer = await send(
    from,
    'POST',
    '/api/auth/callback/credentials',
    {
      ...claims,
      cookie,
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(form)),
    },
    form,
  );
  return answer.cookies.some((c) => /session-token=[^;]/.test(c));
}

test('a client cannot reset its sign-in allowance by sending X-Forwarded-For (no trusted proxy configured)', async () => {
  const spoof = (n: number) => ({
    'x-forwarded-for': `203.0.113.${n}`,
    'x-real-ip': `198.51.100.${n}`,
    'x-strata-client-ip': `192.0.2.${n}`,
  });
  // The per-address allowance (20) spent from 127.0.0.5, each guess claiming another address.
  for (let i = 0; i < 20; i++)
    expect(await signInFrom('127.0.0.5', `guess${i}@e2e.test`, 'x', spoof(i))).toBe(false);
  const { email, password } = USERS.viewer;
  expect(await signInFrom('127.0.0.5', email, password, spoof(99))).toBe(false);
  // Another client is not affected.
  expect(await signInFrom('127.0.0.6', email, password, {})).toBe(true);
});
