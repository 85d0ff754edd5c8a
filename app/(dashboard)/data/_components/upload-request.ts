import type { CommitEvent, UploadView } from './types';

/** POSTs the files with XMLHttpRequest so the upload bar can show bytes sent. */
export function sendUpload(
  files: File[],
  fields: Record<string, string>,
  onProgress: (fraction: number) => void,
): Promise<UploadView> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/data/uploads');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: { upload?: UploadView; error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.upload) resolve(body.upload);
      else reject(new Error(body.error ?? `Upload failed (${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error('The upload did not reach the server.'));
    xhr.send(form);
  });
}

/** Reads the commit endpoint's NDJSON stream, reporting each event. */
export async function streamCommit(id: string, onEvent: (e: CommitEvent) => void): Promise<void> {
  const res = await fetch(`/api/data/uploads/${encodeURIComponent(id)}/commit`, { method: 'POST' });
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
