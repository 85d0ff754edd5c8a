import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  announceStampedAddresses,
  CLIENT_ADDRESS_HEADER,
  clientAddress,
  compileTrust,
  stampedClientAddress,
} from '@/scripts/client-address.mjs';
import { createStrataServer } from '@/scripts/server.mjs';

/** A request as node:http hands it over: a socket peer and the headers the client sent. */
function request(peer: string, headers: Record<string, string>): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: peer });
  const req = new http.IncomingMessage(socket);
  req.headers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return req;
}

const spoofed = { 'X-Forwarded-For': '203.0.113.9', 'X-Real-IP': '203.0.113.10' };

describe('clientAddress (STRATA_TRUSTED_PROXIES)', () => {
  it('unset: X-Forwarded-For from any peer changes nothing; the socket address counts', () => {
    const trust = compileTrust(undefined);
    expect(clientAddress(request('198.51.100.7', spoofed), trust)).toBe('198.51.100.7');
    expect(clientAddress(request('127.0.0.1', spoofed), trust)).toBe('127.0.0.1');
    expect(clientAddress(request('::ffff:198.51.100.7', spoofed), trust)).toBe('198.51.100.7');
  });

  it('a named proxy: its X-Forwarded-For counts; the same header from another peer does not', () => {
    const trust = compileTrust(' 127.0.0.1, 10.0.0.0/8 ');
    expect(clientAddress(request('10.1.2.3', spoofed), trust)).toBe('203.0.113.9');
    expect(clientAddress(request('127.0.0.1', spoofed), trust)).toBe('203.0.113.9');
    expect(clientAddress(request('198.51.100.7', spoofed), trust)).toBe('198.51.100.7');
  });

  it('walks a chain of trusted proxies from the right and stops at the first untrusted hop', () => {
    const trust = compileTrust('10.0.0.0/8');
    const chain = { 'X-Forwarded-For': '1.1.1.1, 198.51.100.20, 10.0.0.5' };
    expect(clientAddress(request('10.0.0.1', chain), trust)).toBe('198.51.100.20');
    expect(clientAddress(request('10.0.0.1', chain), compileTrust('loopback'))).toBe('10.0.0.1');
  });

  it('counts IPv6 clients by /64, so one host cannot rotate through its own addresses', () => {
    const trust = compileTrust('');
    expect(clientAddress(request('2001:db8:1:2:aaaa::1', {}), trust)).toBe('2001:db8:1:2::/64');
    expect(clientAddress(request('2001:db8:1:2:bbbb::9', {}), trust)).toBe('2001:db8:1:2::/64');
  });

  it('refuses a configuration that is not an address instead of silently trusting nothing', () => {
    expect(() => compileTrust('10.0.0.0/8, proxy.internal')).toThrow(/STRATA_TRUSTED_PROXIES/);
  });
});

describe('the custom server', () => {
  let server: http.Server | null = null;
  afterEach(() => {
    server?.close();
    server = null;
  });

  /** Starts the server with a handler that answers the address the app would see; returns a fetcher. */
  async function start(trusted: string | undefined) {
    server = createStrataServer((req, res) => {
      res.end(stampedClientAddress(req.headers));
    }, compileTrust(trusted));
    const s = server;
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const { port } = s.address() as AddressInfo;
    return async (headers: Record<string, string>) =>
      (await fetch(`http://127.0.0.1:${port}/`, { headers })).text();
  }

  it('the app sees the socket address, whatever the client claims, unless the peer is a trusted proxy', async () => {
    announceStampedAddresses();
    const claims = { ...spoofed, [CLIENT_ADDRESS_HEADER]: '6.6.6.6' };
    expect(await (await start(undefined))(claims)).toBe('127.0.0.1');
    server?.close();
    expect(await (await start('loopback'))(claims)).toBe('203.0.113.9');
  });
});
