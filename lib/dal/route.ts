import 'server-only';
import type { Role } from '@/lib/auth/roles';
import type { Actor } from './actor';
import { toErrorResponse, ValidationError } from './errors';
import { requireActor } from './session';
import { MAX_JSON_BODY_BYTES, readBodyText } from './body-limit';

type Handler<C> = (actor: Actor, req: Request, ctx: C) => Promise<Response> | Response;

/**
 * Wraps a route handler: checks the session (and roles) before the handler runs and maps every
 * DAL error to its status in one place. Every app/api route except next-auth's own uses this.
 */
export function guardedRoute<C = unknown>(roles: readonly Role[] | null, handler: Handler<C>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      const actor = await requireActor(roles ?? undefined);
      return await handler(actor, req, ctx);
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}

/** Reads a JSON body of at most 1 MB (413 past it, before the rest is read), or throws a 422 with a clear message. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await readBodyText(req, MAX_JSON_BODY_BYTES);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError('The request body is not valid JSON.');
  }
}
