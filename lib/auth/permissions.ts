import type { Role } from './roles';

/** Whom a permission is asked about: a role, or anything carrying one (an Actor, a user row). */
export type Who = Role | { readonly role: Role };

/** One right (SPEC "Users and roles"): whether a role has it. */
export type Permission = (who: Who) => boolean;

const roleOf = (who: Who): Role => (typeof who === 'string' ? who : who.role);

/** A permission held by exactly these roles. */
function held(...roles: readonly Role[]): Permission {
  return (who) => roles.includes(roleOf(who));
}

/**
 * The permission table: every right a role may hold, by name, e.g. `can.manageData(actor)`. The
 * one place that says which role may do what (pure: usable from server and client code alike);
 * pass a permission to guardedRoute, requireActor, requirePageActor or assertRole.
 */
export const can = {
  /** Open the admin page (users, organisations, privacy settings, audit log). */
  administer: held('admin'),
  /** Create, change and disable users and their roles and scopes. */
  manageUsers: held('admin'),
  /** Rename, delete and give access to organisations; remove the demo organisation. */
  manageOrganisations: held('admin'),
  /** Create an organisation (hr too, as their first upload to a new name does). */
  createOrganisations: held('admin', 'hr'),
  /** See every organisation without being given access to each. */
  seeEveryOrganisation: held('admin'),
  /** Change the privacy settings (minimum group size). */
  changeSettings: held('admin'),
  /** Read the audit log. */
  readAudit: held('admin'),
  /** Set span and layer targets (ladder configuration). */
  setTargets: held('admin'),
  /** Open the status of a report someone else asked for. */
  readOthersReports: held('admin'),
  /** Upload, commit and delete org snapshots and AI usage data; open the data pages. */
  manageData: held('admin', 'hr'),
  /** Fix AI identity mappings (logins and emails to employees). */
  fixMappings: held('admin', 'hr'),
  /** Mark a snapshot "not comparable" (a change of scope) or comparable again. */
  markSnapshots: held('admin', 'hr'),
  /** See who uploaded a snapshot, from which files, with how many warnings. */
  seeUploadDetails: held('admin', 'hr'),
  /** See idle AI seats by name (person-level AI data). */
  seeIdleSeats: held('admin', 'hr'),
  /** See aggregates over groups smaller than the privacy floor (exempt from suppression). */
  seeSmallGroups: held('admin', 'hr'),
  /** See a person's annual cost (issue #14): leaders and viewers see unit totals only, under the floor. */
  seeCost: held('admin', 'hr'),
  /** See person-level lists (leaders inside their scope only; never viewers). */
  seePeople: held('admin', 'hr', 'leader'),
  /** Read the aggregated dashboards (inside the scope, with the privacy floor where it applies). */
  readDashboards: held('admin', 'hr', 'leader', 'viewer'),
  /**
   * Plan org design scenarios (issue #14): hr and admin from any snapshot of the organisation, a
   * leader from their own subtree, changing only inside it. Viewers see no scenario.
   */
  planScenarios: held('admin', 'hr', 'leader'),
  /** Mark a scenario approved (a leader may propose one, not approve it). */
  approveScenarios: held('admin', 'hr'),
  /** Ask for and download reports. */
  exportReports: held('admin', 'hr', 'leader', 'viewer'),
} as const satisfies Record<string, Permission>;

/** The names of the permissions. */
export type PermissionName = keyof typeof can;

/** A role that grants access only with a scope (a leader leads a subtree; whole-org access is hr or viewer). */
export const needsScope: Permission = held('leader');
