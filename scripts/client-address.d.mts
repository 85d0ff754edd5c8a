import type { IncomingMessage } from 'node:http';

/** Decides whether an address (hop 0 = the socket peer) is a trusted proxy. */
export type Trust = (address: string, hop: number) => boolean;

/** The request header that carries the address the server established. */
export const CLIENT_ADDRESS_HEADER: string;

/** Compiles STRATA_TRUSTED_PROXIES into a trust function; unset or empty trusts no proxy. */
export function compileTrust(value: string | undefined): Trust;

/** The address sign-in limits count for a request ('' when unknown). */
export function clientAddress(req: IncomingMessage, trust: Trust): string;

/** Replaces any client-sent address header with the established address; returns it. */
export function stampClientAddress(req: IncomingMessage, trust: Trust): string;

/** Marks this process's requests as stamped by the custom server. */
export function announceStampedAddresses(): void;

/** The stamped client address for app code, or '' without the custom server. */
export function stampedClientAddress(
  headers: Record<string, string | string[] | undefined> | undefined,
): string;
