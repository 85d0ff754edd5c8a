/**
 * The hostile client of the abuse benchmark, run in its own process (a BenchTask) so building and
 * sending 50 MB bodies never slows the clock of the dashboard readers: uploads one hostile file
 * to /api/data/uploads over and over for a while and reports what came back.
 */
import os from 'node:os';
import { oneLineCsv, xlsxBomb } from './abuse-files';
import { median, round } from './stats';
import type { BenchTask, HostileFigures } from './tasks';

// Uploads go through Node's fetch, which streams the multipart body: Playwright's request API
// would copy 50 MB through its protocol in this process and slow the readers' clock, not the server.
async function keepUploading(
  base: string,
  cookie: string,
  file: { name: string; mimeType: string; bytes: Uint8Array },
  end: number,
): Promise<HostileFigures> {
  const out: HostileFigures = {
    requests: 0,
    statuses: {},
    medianSeconds: 0,
    maxResponseBytes: 0,
    firstError: '',
  };
  const seconds: number[] = [];
  const blob = new Blob([Buffer.from(file.bytes)], { type: file.mimeType });
  while (performance.now() < end) {
    const form = new FormData();
    form.append('files', blob, file.name);
    const t = performance.now();
    // The server may answer and close before the whole body is sent (a refusal as it streams).
    const sent = await fetch(`${base}/api/data/uploads`, { method: 'POST', body: form, headers: { cookie } })
      .then(async (res) => ({ status: String(res.status), body: Buffer.from(await res.arrayBuffer()) }))
      .catch(() => ({ status: 'closed while sending', body: Buffer.alloc(0) }));
    const body = sent.body;
    seconds.push((performance.now() - t) / 1000);
    out.requests += 1;
    out.statuses[sent.status] = (out.statuses[sent.status] ?? 0) + 1;
    out.maxResponseBytes = Math.max(out.maxResponseBytes, body.byteLength);
    if (out.firstError === '') {
      const text = body.subarray(0, 4096).toString('utf8');
      const m = /"(?:error|message)":"([^"]{0,300})/.exec(text);
      out.firstError = m?.[1] ?? text.slice(0, 300);
    }
  }
  out.medianSeconds = round(median(seconds), 2);
  return out;
}

/** Runs one upload task: the 50 MB one-line CSV or the 3 GiB zip bomb, for task.seconds. */
export async function runUploadTask(task: Extract<BenchTask, { kind: 'upload' }>): Promise<HostileFigures> {
  // An attacker's CPU is on another machine; here the two cores are shared, so the hostile
  // process yields the CPU to the server and the readers (nice 19) and the figure measures the
  // server's work on the upload, not the cost of building and sending 50 MB bodies.
  try {
    os.setPriority(0, 19);
  } catch {
    /* not permitted: run at normal priority */
  }
  const file =
    task.file === 'csv'
      ? { name: 'org-2024-01-31.csv', mimeType: 'text/csv', bytes: oneLineCsv(50 * 1024 * 1024) }
      : {
          name: 'org-2024-01-31.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          bytes: xlsxBomb(3 * 1024),
        };
  return keepUploading(task.base, task.cookie, file, performance.now() + task.seconds * 1000);
}
