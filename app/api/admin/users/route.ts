// GET /api/admin/users — list users; POST /api/admin/users — create a user (admin only).
import { can } from '@/lib/auth/permissions';
import { guardedRoute, readJson } from '@/lib/dal/route';
import { createUser, listUsers } from '@/lib/dal/users';

export const GET = guardedRoute(can.manageUsers, async (actor) =>
  Response.json({ users: await listUsers(actor) }),
);

export const POST = guardedRoute(can.manageUsers, async (actor, req) =>
  Response.json({ user: await createUser(actor, await readJson(req)) }, { status: 201 }),
);
