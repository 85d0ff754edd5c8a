import type { Permission } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/dal/actor';

/**
 * The module vi.mock('@/lib/dal/session') returns in route tests: requireActor answers with the
 * test's signed-in actor (401 when none), checking the permission as the real one does.
 */
export async function mockSession(
  importOriginal: <T>() => Promise<T>,
  session: { actor: Actor | null },
): Promise<typeof import('@/lib/dal/session')> {
  const real = await importOriginal<typeof import('@/lib/dal/session')>();
  const { UnauthorizedError } = await import('@/lib/dal/errors');
  const { assertRole } = await import('@/lib/dal/actor');
  return {
    ...real,
    requireActor: async (permission?: Permission) => {
      if (!session.actor) throw new UnauthorizedError();
      if (permission) assertRole(session.actor, permission);
      return session.actor;
    },
  };
}
