// POST /api/data/uploads — store new files, return previews and the validation report (hr, admin).
import { can } from '@/lib/auth/permissions';
import { guardedRoute } from '@/lib/dal/route';
import { readUploadForm } from '@/lib/dal/upload-input';
import { createUpload } from '@/lib/dal/uploads';

export const POST = guardedRoute(can.manageData, async (actor, req) => {
  const { files, options } = await readUploadForm(req);
  return Response.json({ upload: await createUpload(actor, files, options) }, { status: 201 });
});
