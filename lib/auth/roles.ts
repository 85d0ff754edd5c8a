/** SPEC roles, most to least privileged. */
export const ROLES = ['admin', 'hr', 'leader', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Whether a string is a known role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** admin: users, roles, scopes, ladder, privacy settings. */
export function canAdminister(role: Role): boolean {
  return role === 'admin';
}

/** hr and admin upload and delete data and fix mappings. */
export function canManageData(role: Role): boolean {
  return role === 'admin' || role === 'hr';
}

/** Person-level lists: hr/admin org-wide, leaders inside their scope, never viewers. */
export function canSeePeople(role: Role): boolean {
  return role !== 'viewer';
}

/** hr and admin see every aggregate; leaders and viewers get small groups suppressed. */
export function isExemptFromSuppression(role: Role): boolean {
  return role === 'admin' || role === 'hr';
}

/** Human label for a role. */
export function roleLabel(role: Role): string {
  return { admin: 'Admin', hr: 'HR', leader: 'Leader', viewer: 'Viewer' }[role];
}
