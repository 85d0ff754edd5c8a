// GET /api/snapshots — current snapshot dates for the snapshot picker (any signed-in role).
import { guardedRoute } from '@/lib/dal/route';
import { listSnapshots } from '@/lib/dal/snapshot-list';

export const GET = guardedRoute(null, async (actor) =>
  Response.json({
    snapshots: (await listSnapshots(actor, { currentOnly: true })).map((s) => ({
      id: s.id,
      asOf: s.asOf,
      label: s.label,
    })),
  }),
);
