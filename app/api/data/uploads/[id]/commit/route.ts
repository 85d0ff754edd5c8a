// POST /api/data/uploads/:id/commit[?valid=1][&resolve=CODE=ACTION...] — import in one transaction (with
// valid=1 only the snapshots without errors); streams NDJSON progress, then the result (hr, admin).
import { can } from '@/lib/auth/permissions';
import { toErrorResponse } from '@/lib/dal/errors';
import { guardedRoute } from '@/lib/dal/route';
import { commitPendingUpload } from '@/lib/dal/uploads';
import { parseResolveParams } from '@/lib/dal/upload-input';

type Ctx = { params: Promise<{ id: string }> };

export const POST = guardedRoute<Ctx>(can.manageData, async (actor, req, ctx) => {
  const id = (await ctx.params).id;
  const params = new URL(req.url).searchParams;
  const choice = {
    resolutions: parseResolveParams(params.getAll('resolve')),
    commitValid: params.get('valid') === '1',
  };
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (o: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(o)}\n`));
      send({ type: 'progress', phase: 'validating', snapshot: 0, of: 0 });
      try {
        const snapshots = await commitPendingUpload(
          actor,
          id,
          (p) => send({ type: 'progress', ...p }),
          choice,
        );
        send({ type: 'done', snapshots });
      } catch (err) {
        const res = toErrorResponse(err);
        const body = (await res.json()) as { error: string };
        send({ type: 'error', status: res.status, message: body.error });
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' },
  });
});
