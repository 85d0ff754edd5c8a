import { orgHeaders } from './org';

/** Error thrown by fetchJson with the server's message (already safe to show). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details: unknown,
  ) {
    super(message);
  }
}

/** fetch + JSON with the API's error shape turned into an ApiError; in the page's organisation. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...orgHeaders(), ...(init?.headers ?? {}) },
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const b = (body ?? {}) as { error?: string; details?: unknown };
    throw new ApiError(b.error ?? `Request failed (${res.status}).`, res.status, b.details ?? null);
  }
  return body as T;
}
