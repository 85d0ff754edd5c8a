/**
 * Issue #11 item 5, the request body: an upload over STRATA_MAX_UPLOAD_MB is refused with 413
 * from its Content-Length, or as it streams, before the body is read in full; JSON bodies of the
 * other routes are capped at 1 MB the same way.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DalError, toErrorResponse } from '@/lib/dal/errors';
import { readJson } from '@/lib/dal/route';
import { readUploadForm } from '@/lib/dal/upload-input';

const MB = 1024 * 1024;
const BOUNDARY = '----strata-test-boundary';

/** A POST with a stream body (Node's fetch needs duplex 'half', which lib.dom's RequestInit lacks). */
function streamInit(body: ReadableStream<Uint8Array>, headers: Record<string, string>): RequestInit {
  const init: RequestInit & { duplex: 'half' } = {
    method: 'POST',
    body,
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
    duplex: 'half',
  };
  return init;
}

/** A streamed multipart body with one file of `fileBytes` bytes (64-byte lines, or none); counts the bytes pulled from it. */
function streamedUpload(fileBytes: number, headers: Record<string, string> = {}, lineBreaks = true) {
  const pulled = { bytes: 0 };
  const head = new TextEncoder().encode(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="asOf"\r\n\r\n2024-01-31\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="org.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = new TextEncoder().encode(`\r\n--${BOUNDARY}--\r\n`);
  const chunk = new Uint8Array(256 * 1024).fill(0x61);
  if (lineBreaks) for (let i = 63; i < chunk.byteLength; i += 64) chunk[i] = 0x0a;
  let sent = -1;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      let next: Uint8Array;
      if (sent === -1) next = head;
      else if (sent < fileBytes) next = chunk.subarray(0, Math.min(chunk.byteLength, fileBytes - sent));
      else if (sent === fileBytes) next = tail;
      else {
        controller.close();
        return;
      }
      sent = sent === -1 ? 0 : sent === fileBytes ? fileBytes + 1 : sent + next.byteLength;
      pulled.bytes += next.byteLength;
      controller.enqueue(next);
    },
  });
  const req = new Request('http://localhost/api/data/uploads', streamInit(body, headers));
  return { req, pulled };
}

async function statusOf(promise: Promise<unknown>): Promise<{ status: number; error: string }> {
  try {
    await promise;
    return { status: 200, error: '' };
  } catch (err) {
    const res = toErrorResponse(err);
    return { status: res.status, error: ((await res.json()) as { error: string }).error };
  }
}

describe('upload request bodies are bounded (STRATA_MAX_UPLOAD_MB)', () => {
  beforeEach(() => {
    process.env.STRATA_MAX_UPLOAD_MB = '5';
  });
  afterEach(() => {
    delete process.env.STRATA_MAX_UPLOAD_MB;
  });

  it('refuses a declared Content-Length over the limit with 413 before reading the body', async () => {
    const { req, pulled } = streamedUpload(300 * MB, { 'content-length': String(300 * MB) });
    const out = await statusOf(readUploadForm(req));
    expect(out.status).toBe(413);
    expect(out.error).toMatch(/larger than the limit of 5 MB \(STRATA_MAX_UPLOAD_MB\)/);
    expect(pulled.bytes).toBeLessThan(1 * MB);
  });

  it('refuses a chunked body over the limit with 413 after reading little more than the limit', async () => {
    const { req, pulled } = streamedUpload(300 * MB);
    const out = await statusOf(readUploadForm(req));
    expect(out.status).toBe(413);
    expect(pulled.bytes).toBeLessThan(7 * MB);
  });

  it('still reads an upload under the limit, with its fields', async () => {
    const { req } = streamedUpload(3 * MB);
    const form = await readUploadForm(req);
    expect(form.files.map((f) => [f.name, f.bytes.byteLength])).toEqual([['org.csv', 3 * MB]]);
    expect(form.options.asOf).toBe('2024-01-31');
  });

  it('stops reading a text file with no line break far past the line limit (422)', async () => {
    process.env.STRATA_MAX_UPLOAD_MB = '200';
    const { req, pulled } = streamedUpload(150 * MB, {}, false);
    const out = await statusOf(readUploadForm(req));
    expect(out.status).toBe(422);
    expect(out.error).toMatch(/^Nothing was stored: org\.csv: a line is longer than 1,048,576 characters/);
    expect(pulled.bytes).toBeLessThan(6 * MB);
  });

  it('refuses a body that is not multipart with 415, or a broken multipart body with 422', async () => {
    const req = new Request('http://localhost/api/data/uploads', { method: 'POST', body: 'x' });
    expect((await statusOf(readUploadForm(req))).status).toBe(415);
    const broken = new Request('http://localhost/api/data/uploads', {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    });
    expect((await statusOf(readUploadForm(broken))).status).toBe(422);
  });
});

describe('JSON bodies are capped at 1 MB', () => {
  it('refuses a 5 MB JSON body with 413, reading at most the limit and one chunk', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(`"${'x'.repeat(64 * 1024 - 2)}",`);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 5 * MB) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const req = new Request(
      'http://localhost/api/x',
      streamInit(body, { 'content-type': 'application/json' }),
    );
    const out = await statusOf(readJson(req));
    expect(out.status).toBe(413);
    expect(pulled).toBeLessThan(1.2 * MB);
  });

  it('still reads a small JSON body', async () => {
    const json = { 'content-type': 'application/json' };
    const req = new Request('http://localhost/api/x', { method: 'POST', body: '{"a":1}', headers: json });
    await expect(readJson(req)).resolves.toEqual({ a: 1 });
    const bad = new Request('http://localhost/api/x', { method: 'POST', body: '{', headers: json });
    await expect(readJson(bad)).rejects.toBeInstanceOf(DalError);
  });
});
