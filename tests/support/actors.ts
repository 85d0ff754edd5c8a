import type { Actor } from '@/lib/dal/actor';

/** A signed-in actor for DAL tests: the role, and the scope root for scoped leaders and viewers. */
export function testActor(role: Actor['role'], scopeEmployeeId: string | null = null): Actor {
  return { userId: 1, email: `${role}@x.test`, name: role, role, scopeEmployeeId };
}
