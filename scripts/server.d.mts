import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Trust } from './client-address.mjs';

/** An HTTP server that stamps each request's client address, then hands it to `handle`. */
export function createStrataServer(
  handle: (req: IncomingMessage, res: ServerResponse) => unknown,
  trust: Trust,
): Server;
