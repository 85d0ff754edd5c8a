// POST /api/ai/uploads — store AI-usage files, return the validation report; nothing is imported yet (hr, admin).
import { can } from '@/lib/auth/permissions';
import { guardedRoute } from '@/lib/dal/route';
import { readUploadForm } from '@/lib/dal/upload-input';
import { createAiUpload } from '@/lib/dal/ai-uploads';

export const POST = guardedRoute(can.manageData, async (actor, req) => {
  const { files } = await readUploadForm(req);
  return Response.json({ upload: await createAiUpload(actor, files) }, { status: 201 });
});
