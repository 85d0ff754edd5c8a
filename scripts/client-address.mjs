// The client address of a request, established by the server from the socket: forwarded headers
// count only when they arrive from a proxy named in STRATA_TRUSTED_PROXIES. Plain ESM so the custom
// server (scripts/server.mjs) can run it with node; types in client-address.d.mts.
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

/** The request header that carries the address the server established (any client-sent copy is removed first). */
export const CLIENT_ADDRESS_HEADER = 'x-strata-client-ip';

const STAMPED = Symbol.for('strata.clientAddressHeader');

/**
 * Compiles STRATA_TRUSTED_PROXIES (comma-separated addresses, CIDRs, or the names `loopback`,
 * `linklocal`, `uniquelocal`) into proxy-addr's trust function. Unset or empty trusts no proxy.
 * Throws on an entry that is not an address, so a typo stops the server instead of trusting nothing.
 */
export function compileTrust(value) {
  const entries = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!entries.length) return () => false;
  try {
    return proxyaddr.compile(entries);
  } catch (err) {
    throw new Error(`STRATA_TRUSTED_PROXIES: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * The address a sign-in limit should count: the socket peer, or, while the peer (and each hop
 * before it) is a trusted proxy, the next address to the left in X-Forwarded-For. IPv4-mapped IPv6
 * is written as IPv4; other IPv6 addresses count by /64 (one host usually owns a whole /64).
 */
export function clientAddress(req, trust) {
  const raw = proxyaddr(req, trust);
  if (!raw || !ipaddr.isValid(raw)) return '';
  const addr = ipaddr.parse(raw);
  if (addr.kind() === 'ipv4') return addr.toString();
  if (addr.isIPv4MappedAddress()) return addr.toIPv4Address().toString();
  const prefix = addr.parts.slice(0, 4).concat([0, 0, 0, 0]);
  return `${new ipaddr.IPv6(prefix).toString()}/64`;
}

/** Replaces any client-sent CLIENT_ADDRESS_HEADER with the address the server established; returns it. */
export function stampClientAddress(req, trust) {
  const address = clientAddress(req, trust);
  delete req.headers[CLIENT_ADDRESS_HEADER];
  const raw = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i].toLowerCase() !== CLIENT_ADDRESS_HEADER)
      raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  req.rawHeaders = raw;
  if (address) {
    req.headers[CLIENT_ADDRESS_HEADER] = address;
    req.rawHeaders.push(CLIENT_ADDRESS_HEADER, address);
  }
  return address;
}

/** Called by the custom server: from now on this process's requests carry a trustworthy CLIENT_ADDRESS_HEADER. */
export function announceStampedAddresses() {
  globalThis[STAMPED] = true;
}

/**
 * The client address for app code: the stamped header, or '' when the app runs without the custom
 * server (`next dev`, plain `next start`), where any such header could come from the client.
 */
export function stampedClientAddress(headers) {
  if (globalThis[STAMPED] !== true) return '';
  const value = headers?.[CLIENT_ADDRESS_HEADER];
  return (Array.isArray(value) ? '' : (value ?? '')).trim();
}
