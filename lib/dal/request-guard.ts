import 'server-only';
import { ForbiddenError } from './errors';

/** Methods that never change state; every other method must come from the app's own pages. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const CROSS_SITE = 'This request came from another site and was refused. Make changes from Strata itself.';

/** The origin of a URL (scheme, host, port), or null when it does not parse. */
function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * True when `origin` is the app's own: the origin of NEXTAUTH_URL (the public URL, which a
 * reverse proxy deployment must set anyway), or an origin whose host and port equal the Host
 * header the request was sent to (direct access by IP or another name; the scheme is not compared
 * so a TLS-terminating proxy that keeps Host works). X-Forwarded-Host is deliberately not used.
 */
export function isOwnOrigin(origin: string, req: Request, publicUrl = process.env.NEXTAUTH_URL): boolean {
  const parsed = originOf(origin);
  if (!parsed || parsed !== origin) return false;
  if (parsed === originOf(publicUrl)) return true;
  const host = req.headers.get('host')?.toLowerCase();
  return !!host && new URL(parsed).host === host;
}

/**
 * Refuses (403) a state-changing request that a browser sent from another site: `Origin` must be
 * the app's own; without `Origin`, `Sec-Fetch-Site` must be `same-origin`. A request with neither
 * header is not a browser's cross-site request (browsers send `Origin` on every non-GET fetch and
 * form post) and passes, so scripts and curl keep working with a session cookie or none.
 */
export function assertSameOrigin(req: Request, publicUrl = process.env.NEXTAUTH_URL): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const origin = req.headers.get('origin');
  if (origin !== null) {
    // "null" is an opaque origin (sandboxed frame, data: URL): never our own.
    if (isOwnOrigin(origin, req, publicUrl)) return;
    throw new ForbiddenError(CROSS_SITE);
  }
  const site = req.headers.get('sec-fetch-site');
  if (site === null || site === 'same-origin') return;
  throw new ForbiddenError(CROSS_SITE);
}

/** True when the request's Content-Type is `type` (parameters such as charset allowed). */
export function hasContentType(req: Request, type: string): boolean {
  const value = req.headers.get('content-type') ?? '';
  return value.split(';')[0]?.trim().toLowerCase() === type;
}
