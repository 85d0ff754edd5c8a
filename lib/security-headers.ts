/**
 * Security headers for pages (set per request by proxy.ts). The static ones every answer gets
 * (nosniff, frame protection, referrer and permissions policy) are in next.config.mjs.
 */

/** A fresh, unguessable nonce (128 random bits, base64) for one page response. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** True when the page is served over https: the request itself, or the public URL (TLS at a proxy). */
export function servedOverHttps(requestUrl: string, publicUrl = process.env.NEXTAUTH_URL): boolean {
  return requestUrl.startsWith('https:') || !!publicUrl?.startsWith('https:');
}

/**
 * The Content-Security-Policy of a page: scripts only with this response's nonce (Next puts it on
 * its own scripts; 'strict-dynamic' lets them load their chunks), style elements only from the app
 * or with the nonce, inline style attributes allowed (charts position their parts with them),
 * images also from blob:/data: (chart PNG/SVG downloads), nothing may frame the page.
 */
export function pageCsp(nonce: string, https: boolean, dev = process.env.NODE_ENV === 'development'): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** HSTS for two years, only sent when the app is served over https (browsers ignore it on http). */
export const HSTS = 'max-age=63072000; includeSubDomains';
