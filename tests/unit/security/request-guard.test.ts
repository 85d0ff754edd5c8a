import { describe, expect, it } from 'vitest';
import { assertSameOrigin, hasContentType, isOwnOrigin } from '@/lib/dal/request-guard';
import { pageCsp, servedOverHttps } from '@/lib/security-headers';

const PUBLIC = 'https://strata.example.com';

function req(method: string, headers: Record<string, string>): Request {
  return new Request('http://internal:3000/api/admin/settings', { method, headers });
}

/** The status assertSameOrigin answers with: 'ok', or the thrown error's status. */
function verdict(r: Request, publicUrl = PUBLIC): 'ok' | number {
  try {
    assertSameOrigin(r, publicUrl);
    return 'ok';
  } catch (e) {
    return (e as { status: number }).status;
  }
}

describe('state-changing requests must come from the app itself', () => {
  it('refuses a foreign, an opaque and a look-alike Origin on every write method', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const origin of [
        'http://evil.example',
        'null',
        'https://strata.example.com.evil.example',
        'https://strata.example.com/',
      ])
        expect(verdict(req(method, { origin, host: 'strata.example.com' })), `${method} ${origin}`).toBe(403);
    }
  });

  it('accepts the public URL of NEXTAUTH_URL behind a proxy that rewrites Host', () => {
    expect(verdict(req('POST', { origin: PUBLIC, host: 'internal:3000' }))).toBe('ok');
  });

  it('accepts an Origin whose host is the Host the request was sent to (direct access by IP)', () => {
    expect(verdict(req('POST', { origin: 'http://10.0.0.5:3000', host: '10.0.0.5:3000' }))).toBe('ok');
    expect(verdict(req('POST', { origin: 'http://10.0.0.5:3001', host: '10.0.0.5:3000' }))).toBe(403);
  });

  it('does not trust X-Forwarded-Host, which any client can send', () => {
    const r = req('POST', {
      origin: 'http://evil.example',
      host: 'internal:3000',
      'x-forwarded-host': 'evil.example',
    });
    expect(verdict(r)).toBe(403);
  });

  it('without Origin, falls back to Sec-Fetch-Site; with neither (curl, scripts) lets the session check decide', () => {
    expect(verdict(req('POST', { 'sec-fetch-site': 'cross-site' }))).toBe(403);
    expect(verdict(req('POST', { 'sec-fetch-site': 'same-site' }))).toBe(403);
    expect(verdict(req('POST', { 'sec-fetch-site': 'same-origin' }))).toBe('ok');
    expect(verdict(req('POST', {}))).toBe('ok');
  });

  it('never blocks reads', () => {
    expect(verdict(req('GET', { origin: 'http://evil.example' }))).toBe('ok');
  });

  it('accepts the own host when NEXTAUTH_URL is unset', () => {
    expect(isOwnOrigin('http://localhost:3000', req('POST', { host: 'localhost:3000' }), undefined)).toBe(
      true,
    );
    expect(isOwnOrigin('http://evil.example', req('POST', { host: 'localhost:3000' }), undefined)).toBe(
      false,
    );
  });
});

describe('content types', () => {
  it('matches the media type whatever its parameters and case', () => {
    const r = (t: string) => new Request('http://x/', { method: 'POST', headers: { 'content-type': t } });
    expect(hasContentType(r('application/json; charset=utf-8'), 'application/json')).toBe(true);
    expect(hasContentType(r('Application/JSON'), 'application/json')).toBe(true);
    expect(hasContentType(r('text/plain'), 'application/json')).toBe(false);
    expect(hasContentType(r('application/jsonp'), 'application/json')).toBe(false);
    expect(hasContentType(new Request('http://x/'), 'application/json')).toBe(false);
  });
});

describe('page CSP and https', () => {
  it('allows scripts only with the nonce, forbids framing, and upgrades requests only over https', () => {
    const csp = pageCsp('abc', false, false);
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' blob: data:");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(pageCsp('abc', true, false)).toContain('upgrade-insecure-requests');
  });

  it('counts as https when the request or the public URL is https', () => {
    expect(servedOverHttps('http://internal:3000/', 'https://strata.example.com')).toBe(true);
    expect(servedOverHttps('https://strata.example.com/', undefined)).toBe(true);
    expect(servedOverHttps('http://localhost:3000/', 'http://localhost:3000')).toBe(false);
  });
});
