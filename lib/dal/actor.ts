import 'server-only';
import type { Permission } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';
import { ForbiddenError } from './errors';

/** Who is asking: the signed-in user (or the command line, acting as admin). */
export interface Actor {
  userId: number | null;
  email: string;
  name: string;
  role: Role;
  /** null = whole organisation; else the subtree rooted at this employee id. */
  scopeEmployeeId: string | null;
  /**
   * The organisation this request is about (SPEC "Organisations"): every query filters by it.
   * 0 when the user has no organisation yet (a fresh install before its first upload).
   */
  orgId: number;
  /** The organisations the user may see (every one for admin). */
  orgIds: readonly number[];
}

/** The command line runs with the operator's full rights, as the server's own admin. */
export const CLI_ACTOR: Actor = {
  userId: null,
  email: 'cli',
  name: 'Command line',
  role: 'admin',
  scopeEmployeeId: null,
  orgId: 0,
  orgIds: [],
};

/** The same actor, acting in organisation `orgId` (the command line's --org). */
export function inOrg(actor: Actor, orgId: number): Actor {
  return { ...actor, orgId, orgIds: actor.orgIds.includes(orgId) ? actor.orgIds : [...actor.orgIds, orgId] };
}

/** Throws ForbiddenError unless the actor's role holds `permission` (lib/auth/permissions.ts). */
export function assertRole(actor: Actor, permission: Permission): void {
  if (!permission(actor)) throw new ForbiddenError();
}
