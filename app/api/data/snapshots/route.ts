// GET /api/data/snapshots — every snapshot version with source, uploader and warnings (hr, admin).
import { guardedRoute } from '@/lib/dal/route';
import { listSnapshots } from '@/lib/dal/snapshot-list';

export const GET = guardedRoute(['admin', 'hr'], async (actor) =>
  Response.json({ snapshots: await listSnapshots(actor) }),
);
