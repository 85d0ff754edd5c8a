import 'server-only';
import type { Permission } from '@/lib/auth/permissions';
import type { Actor } from './actor';
import { toErrorResponse, UnsupportedMediaTypeError, ValidationError } from './errors';
import { assertSameOrigin, hasContentType } from './request-guard';
import { requireActor } from './session';
import { MAX_JSON_BODY_BYTES, readBodyText } from './body-limit';

type Handler<C> = (actor: Actor, req: Request, ctx: C) => Promise<Response> | Response;

/**
 * Wraps a route handler: refuses cross-site writes (Origin check), checks the session (and the permission)
 * before the handler runs and maps every DAL error to its status in one place. Every app/api route
 * except next-auth's own (which has its own CSRF token) uses this.
 */
export function guardedRoute<C = unknown>(permission: Permission | null, handler: Handler<C>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      assertSameOrigin(req);
      const actor = await requireActor(permission ?? undefined, req);
      return await handler(actor, req, ctx);
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}

/** Reads a JSON body: 415 unless sent as application/json, 413 past 1 MB (before the rest is read), 422 when it does not parse. */
export async function readJson(req: Request): Promise<unknown> {
  if (!hasContentType(req, 'application/json'))
    throw new UnsupportedMediaTypeError('Send the request body as JSON (Content-Type: application/json).');
  const text = await readBodyText(req, MAX_JSON_BODY_BYTES);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError('The request body is not valid JSON.');
  }
}
