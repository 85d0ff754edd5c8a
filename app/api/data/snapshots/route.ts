// GET /api/data/snapshots — every snapshot version with source, uploader and warnings (hr, admin).
import { can } from '@/lib/auth/permissions';
import { guardedRoute } from '@/lib/dal/route';
import { listSnapshots } from '@/lib/dal/snapshot-list';

export const GET = guardedRoute(can.manageData, async (actor) =>
  Response.json({ snapshots: await listSnapshots(actor) }),
);
