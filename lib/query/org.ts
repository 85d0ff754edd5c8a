/**
 * The organisation of a request (SPEC "Organisations"): kept in the page URL as ?org=<id>, sent by
 * the client's fetch helpers as the x-strata-org header, and remembered in a cookie so a link
 * without ?org stays in the organisation last chosen. The server checks access (lib/dal/session.ts).
 */
export const ORG_PARAM = 'org';
export const ORG_HEADER = 'x-strata-org';
/** The proxy passes the cookie's organisation under this header: a preference, not a demand. */
export const ORG_PREF_HEADER = 'x-strata-org-pref';
export const ORG_COOKIE = 'strata-org';

/** The ?org= of the page the browser shows (null on the server or when absent). */
export function currentOrg(): string | null {
  if (typeof window === 'undefined') return null;
  return new URLSearchParams(window.location.search).get(ORG_PARAM);
}

/** Headers naming the page's organisation, for fetch and XMLHttpRequest. */
export function orgHeaders(): Record<string, string> {
  const org = currentOrg();
  return org ? { [ORG_HEADER]: org } : {};
}

/** `href` with the page's ?org= added (links between pages stay in one organisation). */
export function withOrg(href: string, org: string | null = currentOrg()): string {
  if (!org) return href;
  const [path = '', hash] = href.split('#');
  const sep = path.includes('?') ? '&' : '?';
  if (new URLSearchParams(path.split('?')[1] ?? '').has(ORG_PARAM)) return href;
  return `${path}${sep}${ORG_PARAM}=${encodeURIComponent(org)}${hash !== undefined ? `#${hash}` : ''}`;
}

/** The value of one cookie in a Cookie header, or null. */
export function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}
