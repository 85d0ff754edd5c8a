import 'server-only';
import { can } from '@/lib/auth/permissions';
import type { ReportAccess } from '@/db/schema/reports';
import type { Actor } from '../actor';
import { DalError, ForbiddenError, NotFoundError } from '../errors';
import { getScenario } from '../scenarios';
import { isWithin } from '../scope';
import { loadPrepared, resolveSnapshot } from '../snapshot-data';
import type { ReportContext } from './context';

export type { ReportAccess };

const START_AGAIN = 'Start a new report to get one made with your current rights.';

/** The rights a finished report was made with, as stored next to its file. */
export function reportAccessOf(ctx: ReportContext): ReportAccess {
  return {
    role: ctx.dash.actor.role,
    subtree: ctx.dash.unit.subtree,
    asOf: ctx.dash.ref.asOf,
    includesPeople: ctx.includePeople,
    suppressed: ctx.dash.suppress,
  };
}

/** Whether the report's subtree lies inside the actor's current scope (in the report's snapshot). */
async function insideScope(scope: string, access: ReportAccess, orgId: number): Promise<boolean> {
  if (access.subtree === scope) return true;
  if (access.subtree === null) return false;
  try {
    const snap = await loadPrepared(await resolveSnapshot(orgId, access.asOf));
    return isWithin(snap, access.subtree, scope);
  } catch (err) {
    if (err instanceof DalError) return false; // e.g. that snapshot was deleted since: cannot tell
    throw err;
  }
}

/**
 * Re-checks, at download, a finished report against the user's CURRENT role and scope (403 when
 * they now have fewer rights than it was made with): person-level pages need a role that sees
 * people, unsuppressed small groups need hr or admin, and its subtree must lie inside the user's
 * scope. A report from before rights were recorded (access null) is only for org-wide hr/admin.
 */
export async function assertReportAccess(
  actor: Actor,
  access: ReportAccess | null,
  orgId: number,
): Promise<void> {
  if (access === null) {
    if (can.seeSmallGroups(actor) && actor.scopeEmployeeId === null) return;
    throw new ForbiddenError(
      `This report was made before Strata recorded the rights behind it. ${START_AGAIN}`,
    );
  }
  if (access.includesPeople && !can.seePeople(actor))
    throw new ForbiddenError(
      `This report holds person-level data, which your current role does not include. ${START_AGAIN}`,
    );
  if (!access.suppressed && !can.seeSmallGroups(actor))
    throw new ForbiddenError(
      `This report shows groups under the minimum size, which your current role may not see. ${START_AGAIN}`,
    );
  if (actor.scopeEmployeeId !== null && !(await insideScope(actor.scopeEmployeeId, access, orgId)))
    throw new ForbiddenError(`This report covers people outside your current scope. ${START_AGAIN}`);
  for (const id of access.scenarios ?? []) {
    try {
      await getScenario(actor, id);
    } catch (err) {
      if (err instanceof NotFoundError || err instanceof ForbiddenError)
        throw new ForbiddenError(`This report holds a scenario you may no longer see. ${START_AGAIN}`);
      throw err;
    }
  }
}
