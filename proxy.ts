import { withAuth } from 'next-auth/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { HSTS, newNonce, pageCsp, servedOverHttps } from '@/lib/security-headers';

/**
 * Redirects browsers without a session cookie to /login (a convenience, not the security
 * boundary: every page, route handler and server action re-checks the session in lib/dal), then
 * gives the page a per-request CSP nonce: Next reads it from the request's CSP header and puts it
 * on its scripts. API routes are excluded: they answer 401 JSON themselves, and their headers
 * come from next.config.mjs.
 */
export default async function proxy(req: NextRequest): Promise<Response> {
  const redirect = await withAuth(Object.assign(req, { nextauth: { token: null } }), {
    pages: { signIn: '/login' },
  });
  if (redirect) return redirect;
  const https = servedOverHttps(req.url);
  const csp = pageCsp(newNonce(), https);
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('content-security-policy', csp);
  // The organisation of the page (?org=, kept in the URL) reaches the page as a header (see
  // lib/dal/session.ts); one a client sent itself is dropped. Access is checked there.
  const org = req.nextUrl.searchParams.get('org');
  if (org) requestHeaders.set('x-strata-org', org);
  else requestHeaders.delete('x-strata-org');
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set('content-security-policy', csp);
  if (https) res.headers.set('strict-transport-security', HSTS);
  return res;
}

export const config = {
  matcher: ['/((?!api|_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
