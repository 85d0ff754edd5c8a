import type { Actor } from '@/lib/dal/actor';

/** A signed-in test user with a role and an optional scope (the subtree root's employee id). */
export function testActor(role: Actor['role'], scopeEmployeeId: string | null = null): Actor {
  return { userId: 1, email: `${role}@x.test`, name: role, role, scopeEmployeeId, orgId: 1, orgIds: [1] };
}
