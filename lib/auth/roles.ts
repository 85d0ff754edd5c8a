/** SPEC roles, most to least privileged. */
export const ROLES = ['admin', 'hr', 'leader', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Whether a string is a known role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Human label for a role. */
export function roleLabel(role: Role): string {
  return { admin: 'Admin', hr: 'HR', leader: 'Leader', viewer: 'Viewer' }[role];
}
