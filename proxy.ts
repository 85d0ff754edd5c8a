import { withAuth } from 'next-auth/middleware';

/**
 * Redirects browsers without a session cookie to /login. This is a convenience, not the security
 * boundary: every page, route handler and server action re-checks the session in lib/dal.
 * API routes are excluded so they answer 401 JSON themselves.
 */
export default withAuth({ pages: { signIn: '/login' } });

export const config = {
  matcher: ['/((?!api|login|_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
