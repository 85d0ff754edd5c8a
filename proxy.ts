import { withAuth } from 'next-auth/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { HSTS, newNonce, pageCsp, servedOverHttps } from '@/lib/security-headers';
import { ORG_COOKIE, ORG_HEADER, ORG_PARAM, ORG_PREF_HEADER } from '@/lib/query/org';

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
  // The organisation of the page (?org=, kept in the URL) reaches the page as a header, the one
  // last chosen (cookie) as a preference for links without ?org (see lib/dal/session.ts, which
  // checks access); headers a client sent itself are dropped.
  const org = req.nextUrl.searchParams.get(ORG_PARAM);
  const remembered = req.cookies.get(ORG_COOKIE)?.value;
  requestHeaders.delete(ORG_HEADER);
  requestHeaders.delete(ORG_PREF_HEADER);
  if (org) requestHeaders.set(ORG_HEADER, org);
  else if (remembered) requestHeaders.set(ORG_PREF_HEADER, remembered);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  if (org && /^\d{1,9}$/.test(org) && org !== remembered)
    res.cookies.set(ORG_COOKIE, org, { path: '/', sameSite: 'lax', httpOnly: true, secure: https });
  res.headers.set('content-security-policy', csp);
  if (https) res.headers.set('strict-transport-security', HSTS);
  return res;
}

export const config = {
  matcher: ['/((?!api|_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
