import { sendFiles } from '@/app/_components/ui/file-upload';
import type { CommitEvent, UploadView } from './types';
import { orgHeaders } from '@/lib/query/org';

/** POSTs the files of a new org upload (with a byte-level progress callback). */
export function sendUpload(
  files: File[],
  fields: Record<string, string>,
  onProgress: (fraction: number) => void,
): Promise<UploadView> {
  return sendFiles<UploadView>('/api/data/uploads', files, fields, onProgress);
}

/** Reads the commit endpoint's NDJSON stream, reporting each event. */
export async function streamCommit(
  id: string,
  opts: { valid: boolean },
  onEvent: (e: CommitEvent) => void,
): Promise<void> {
  // valid=1: commit only the snapshots without errors (the resolutions chosen are stored with the upload).
  const query = opts.valid ? '?valid=1' : '';
  const res = await fetch(`/api/data/uploads/${encodeURIComponent(id)}/commit${query}`, {
    method: 'POST',
    headers: orgHeaders(),
  });
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    onEvent({ type: 'error', status: res.status, message: body.error ?? `Commit failed (${res.status}).` });
    return;
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (line) onEvent(JSON.parse(line) as CommitEvent);
    }
  }
}
