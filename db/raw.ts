import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { Sql, TransactionSql } from 'postgres';
import type { DbHandle } from './client';

/** A minimal SQL surface shared by postgres.js and PGlite, used inside one transaction. */
export interface RawTx {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * COPY ... FROM STDIN in text format; chunks are already-escaped COPY text (strings, or UTF-8
   * bytes that are handed over: the off-thread transaction may move their memory to its thread, so
   * do not reuse a chunk's buffer). With a synchronous iterable, the off-thread transaction takes
   * the first chunks before this call returns, so the caller can compute while the worker streams.
   */
  copyIn(table: string, columns: readonly string[], chunks: CopyChunks): Promise<void>;
}

/** COPY text in chunks: strings or UTF-8 bytes. */
export type CopyChunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** Options of withRawTransaction. */
export interface RawTransactionOptions {
  /**
   * PostgreSQL only: run the transaction on a dedicated connection owned by a worker thread, so
   * COPY keeps streaming while this thread computes. Falls back to the ordinary transaction when
   * the worker cannot start (e.g. connection options that cannot be handed to a thread).
   */
  offThread?: boolean;
}

/** Escapes one value for COPY text format (null -> \N). */
export function copyValue(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  return v.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/**
 * COPY FROM STDIN on a postgres.js transaction. postgres.js 3.4 loses a server error that arrives
 * after the stream has ended (porsager/postgres#1173: the promise never settles), so the query's
 * reject is watched as well and such an error fails the copy instead of hanging it.
 */
async function copyInPostgres(
  sql: TransactionSql,
  table: string,
  columns: readonly string[],
  chunks: CopyChunks,
): Promise<void> {
  const query = sql.unsafe(`copy ${table} (${columns.join(', ')}) from stdin`);
  let failure: unknown = null;
  let onFailure: (err: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    onFailure = reject;
  });
  failed.catch(() => undefined);
  const fail = (err: unknown) => {
    if (failure !== null) return;
    failure = err ?? new Error('COPY failed');
    onFailure(failure);
  };
  const hook = query as unknown as { reject?: (err: unknown) => void };
  const original = hook.reject;
  if (typeof original === 'function') {
    hook.reject = (err: unknown) => {
      fail(err);
      original.call(query, err);
    };
  }
  const writable: Writable = await Promise.race([query.writable(), failed]);
  writable.on('error', fail);
  for await (const chunk of chunks) {
    if (failure !== null) break;
    if (!writable.write(chunk))
      await Promise.race([new Promise((resolve) => writable.once('drain', resolve)), failed]);
  }
  if (failure !== null) throw failure;
  const finished = new Promise<void>((resolve) => writable.once('finish', resolve));
  writable.end();
  await Promise.race([finished, failed]);
}

function postgresTx(sql: TransactionSql): RawTx {
  return {
    query: async <R>(text: string, params: unknown[] = []) =>
      (await sql.unsafe(text, params as never[])) as unknown as R[],
    copyIn: (table, columns, chunks) => copyInPostgres(sql, table, columns, chunks),
  };
}

/** Runs fn in one transaction on either driver; everything or nothing is written. */
export async function withRawTransaction<T>(
  handle: DbHandle,
  fn: (tx: RawTx) => Promise<T>,
  options: RawTransactionOptions = {},
): Promise<T> {
  const raw = handle.raw;
  if (raw.kind === 'postgres') {
    if (options.offThread) {
      const session = await openWorkerTransaction(raw.sql);
      if (session) return session.run(fn);
    }
    const result = await raw.sql.begin((sql) => fn(postgresTx(sql)));
    return result as T;
  }
  return raw.pg.transaction(async (t) => {
    const tx: RawTx = {
      query: async <R>(text: string, params: unknown[] = []) => (await t.query<R>(text, params)).rows,
      copyIn: async (table, columns, chunks) => {
        const parts: Array<string | Uint8Array> = [];
        for await (const chunk of chunks) parts.push(chunk);
        const blob = new Blob(parts as BlobPart[]); // views of plain ArrayBuffers
        await t.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob });
      },
    };
    return fn(tx);
  });
}

// ---------------------------------------------------------------------------------------------
// The off-thread transaction. A worker thread owns one postgres.js connection and runs the
// transaction on it; this thread sends it queries and COPY text as messages. While this thread is
// busy (computing metrics), the worker keeps the COPY flowing, so the database works in parallel.
// The worker is plain JavaScript (eval) that only needs the postgres package, so it runs the same
// under tsx, vitest and a Next.js server build.

/**
 * COPY bytes taken from a synchronous iterable before copyIn returns, i.e. what the database can
 * load while the caller computes. All of a 100k-person snapshot; a third of a million-person one,
 * where more would push the process past its memory budget (the records alone take ~1 GB).
 */
const COPY_PREFETCH_BYTES = 64 * 1024 * 1024;
/** Later chunks wait while this much is queued in the worker. */
const COPY_HIGH_WATER_BYTES = 16 * 1024 * 1024;

interface PlainError {
  message: string;
  [field: string]: string;
}

type FromWorker =
  | { op: 'ready' }
  | { op: 'unavailable'; error: PlainError }
  | { op: 'finished'; ok: boolean; error?: PlainError }
  | { op: 'result'; id: number; rows: unknown[] }
  | { op: 'error'; id: number; error: PlainError }
  | { op: 'written'; id: number; bytes: number }
  | { op: 'copied'; id: number };

type ToWorker =
  | { op: 'query'; id: number; text: string; params: unknown[] }
  | { op: 'copy'; id: number; table: string; columns: string[] }
  | { op: 'chunk'; id: number; data: Uint8Array }
  | { op: 'end'; id: number }
  | { op: 'finish'; commit: boolean };

const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const FIELDS = ['name', 'code', 'detail', 'hint', 'severity', 'where', 'schema_name', 'table_name', 'column_name', 'constraint_name'];
const post = (m) => parentPort.postMessage(m);
const plain = (e) => {
  const out = { message: e && e.message ? String(e.message) : String(e) };
  if (e && typeof e === 'object') for (const k of FIELDS) if (typeof e[k] === 'string') out[k] = e[k];
  return out;
};
const inbox = [];
let wake = null;
parentPort.on('message', (m) => { inbox.push(m); if (wake) { const w = wake; wake = null; w(); } });
async function next() {
  while (inbox.length === 0) await new Promise((r) => { wake = r; });
  return inbox.shift();
}
async function copyIn(tx, m) {
  const query = tx.unsafe('copy ' + m.table + ' (' + m.columns.join(', ') + ') from stdin');
  let failure = null;
  let onFailure = () => {};
  const failed = new Promise((_, reject) => { onFailure = reject; });
  failed.catch(() => {});
  const fail = (e) => {
    if (failure) return;
    failure = e || new Error('COPY failed');
    onFailure(failure);
    post({ op: 'error', id: m.id, error: plain(failure) });
  };
  // postgres.js 3.4 loses an error that arrives after the stream ended (porsager/postgres#1173).
  const original = query.reject;
  if (typeof original === 'function') query.reject = (e) => { fail(e); original.call(query, e); };
  let w = null;
  try {
    w = await Promise.race([query.writable(), failed]);
    w.on('error', fail);
  } catch (e) { fail(e); }
  for (;;) {
    const c = await next();
    if (c.op === 'finish') {
      inbox.unshift(c);
      if (w && !failure) w.destroy(new Error('transaction abandoned during COPY'));
      return;
    }
    if (c.op === 'end') break;
    if (c.op !== 'chunk' || failure || !w) continue;
    const data = Buffer.from(c.data.buffer, c.data.byteOffset, c.data.byteLength);
    if (!w.write(data)) await Promise.race([new Promise((r) => w.once('drain', r)), failed]).catch(() => {});
    post({ op: 'written', id: m.id, bytes: data.length });
  }
  if (failure || !w) return;
  const finished = new Promise((r) => w.once('finish', r));
  w.end();
  try { await Promise.race([finished, failed]); post({ op: 'copied', id: m.id }); } catch { /* reported by fail */ }
}
const ROLLBACK = new Error('rollback');
(async () => {
  let sql = null;
  try {
    const postgres = require(workerData.driver);
    sql = postgres({ ...workerData.options, max: 1, onnotice: () => {} });
    const same = (x) => x;
    for (const k of workerData.codecs.parsers) sql.options.parsers[k] = same;
    for (const k of workerData.codecs.serializers) sql.options.serializers[k] = same;
  } catch (e) {
    post({ op: 'unavailable', error: plain(e) });
    parentPort.close();
    return;
  }
  let began = false;
  let outcome;
  try {
    await sql.begin(async (tx) => {
      began = true;
      post({ op: 'ready' });
      for (;;) {
        const m = await next();
        if (m.op === 'finish') { if (m.commit) return; throw ROLLBACK; }
        try {
          if (m.op === 'query') post({ op: 'result', id: m.id, rows: Array.from(await tx.unsafe(m.text, m.params)) });
          else if (m.op === 'copy') await copyIn(tx, m);
        } catch (e) {
          post({ op: 'error', id: m.id, error: plain(e) });
        }
      }
    });
    outcome = { op: 'finished', ok: true };
  } catch (e) {
    outcome = began
      ? { op: 'finished', ok: false, ...(e === ROLLBACK ? {} : { error: plain(e) }) }
      : { op: 'unavailable', error: plain(e) };
  }
  await sql.end({ timeout: 5 }).catch(() => {});
  post(outcome);
  parentPort.close();
})();
`;

function toError(e: PlainError | undefined, fallback: string): Error {
  const err = new Error(e?.message ?? fallback);
  if (e) Object.assign(err, e);
  return err;
}

type Codecs = Record<string, unknown>;

/** True for a (de)serializer that hands text through unchanged (drizzle installs these). */
function isPassThrough(f: unknown): boolean {
  if (typeof f !== 'function') return false;
  const probe = '\u0001strata';
  try {
    return (f as (x: string) => unknown)(probe) === probe;
  } catch {
    return false;
  }
}

let defaultOptions: Record<string, unknown> | null = null;

/** The options of a plain postgres.js client (built once; a client does not connect until used). */
function postgresDefaults(): Record<string, unknown> {
  if (defaultOptions === null) {
    const create = createRequire(import.meta.url)('postgres') as (options: object) => { options: object };
    defaultOptions = create({ max: 1 }).options as Record<string, unknown>;
  }
  return defaultOptions;
}

/**
 * Type ids whose parser or serializer the parent replaced with a pass-through (drizzle does, for
 * dates and json), so the worker's connection reads and writes values exactly as the parent's;
 * null when the parent has some other custom codec the worker could not reproduce.
 */
function passThroughCodecs(o: Record<string, unknown>): { parsers: string[]; serializers: string[] } | null {
  const defaults = postgresDefaults();
  // Array codecs are added per connection from the server's catalogue (fetch_types): the worker's
  // connection builds its own, from the same element codecs.
  const shared = (o.shared ?? {}) as { typeArrayMap?: Record<string, unknown> };
  const arrays = new Set(Object.values(shared.typeArrayMap ?? {}).map(String));
  const out = { parsers: [] as string[], serializers: [] as string[] };
  for (const kind of ['parsers', 'serializers'] as const) {
    const mine = (o[kind] ?? {}) as Codecs;
    const base = (defaults[kind] ?? {}) as Codecs;
    for (const key of new Set([...Object.keys(mine), ...Object.keys(base)])) {
      if (arrays.has(key)) continue;
      const f = mine[key];
      const g = base[key];
      if (f === g || (typeof f === 'function' && typeof g === 'function' && String(f) === String(g)))
        continue;
      if (!isPassThrough(f)) return null;
      out[kind].push(key);
    }
  }
  return out;
}

/** The parent's connection settings when they can be handed to a thread (no functions, no custom types). */
function workerOptions(sql: Sql): { options: Record<string, unknown>; codecs: object } | null {
  const o = sql.options as unknown as Record<string, unknown>;
  const types = o.types;
  if (types && typeof types === 'object' && Object.keys(types).length > 0) return null;
  const picked: Record<string, unknown> = {};
  for (const key of [
    'host',
    'port',
    'path',
    'database',
    'user',
    'pass',
    'ssl',
    'sslnegotiation',
    'connect_timeout',
    'keep_alive',
    'prepare',
    'fetch_types',
    'target_session_attrs',
    'connection',
  ]) {
    if (o[key] !== undefined && o[key] !== null) picked[key] = o[key];
  }
  try {
    structuredClone(o.transform); // a column or value transform is a function: results would differ
    const codecs = passThroughCodecs(o);
    return codecs === null ? null : { options: structuredClone(picked), codecs };
  } catch {
    return null;
  }
}

type Handler = (m: FromWorker) => void;

/** One transaction run by a worker thread on its own connection. */
class WorkerTransaction {
  private seq = 0;
  private readonly handlers = new Map<number, Handler>();
  private settle: (m: FromWorker) => void = () => undefined;
  /** Set when the worker is gone: later requests fail at once instead of waiting forever. */
  private closed: string | null = null;
  /** The worker's last word: 'finished' (or 'unavailable' before the transaction began). */
  private readonly ended: Promise<FromWorker>;
  /** true once the worker has begun the transaction, false when it could not. */
  readonly started: Promise<boolean>;

  constructor(private readonly worker: Worker) {
    let start: (ok: boolean) => void = () => undefined;
    this.started = new Promise((resolve) => (start = resolve));
    this.ended = new Promise((resolve) => (this.settle = resolve));
    const stop = (message: string) => {
      this.closed ??= message;
      for (const [id, h] of [...this.handlers]) h({ op: 'error', id, error: { message } });
      start(false);
      this.settle({ op: 'finished', ok: false, error: { message } });
    };
    worker.on('message', (m: FromWorker) => {
      if (m.op === 'ready') start(true);
      else if (m.op === 'unavailable' || m.op === 'finished') {
        start(false);
        this.settle(m);
      } else this.handlers.get(m.id)?.(m);
    });
    worker.on('error', (err) => stop(`database worker failed: ${err.message}`));
    worker.on('exit', () => stop('database worker stopped'));
  }

  private post(m: ToWorker, transfer?: ArrayBuffer[]): void {
    if (this.closed !== null) throw new Error(this.closed);
    this.worker.postMessage(m, transfer);
  }

  /** For messages that only wind things up: nothing to do when the worker is already gone. */
  private postIfOpen(m: ToWorker): void {
    if (this.closed === null) this.worker.postMessage(m);
  }

  private query<R>(text: string, params: unknown[] = []): Promise<R[]> {
    const id = ++this.seq;
    return new Promise<R[]>((resolve, reject) => {
      this.handlers.set(id, (m) => {
        this.handlers.delete(id);
        if (m.op === 'result') resolve(m.rows as R[]);
        else if (m.op === 'error') reject(toError(m.error, 'query failed'));
      });
      this.post({ op: 'query', id, text, params });
    });
  }

  private copyIn(table: string, columns: readonly string[], chunks: CopyChunks): Promise<void> {
    const id = ++this.seq;
    let queued = 0;
    let failure: Error | null = null;
    let wake: (() => void) | null = null;
    const copied = new Promise<void>((resolve, reject) => {
      this.handlers.set(id, (m) => {
        if (m.op === 'written') queued -= m.bytes;
        else if (m.op === 'copied') {
          this.handlers.delete(id);
          resolve();
        } else if (m.op === 'error') {
          this.handlers.delete(id);
          failure = toError(m.error, 'COPY failed');
          reject(failure);
        }
        const w = wake;
        wake = null;
        w?.();
      });
    });
    copied.catch(() => undefined);
    this.post({ op: 'copy', id, table, columns: [...columns] });
    // As bytes, moved (not copied) to the worker when they own their memory (a pooled small
    // Buffer shares its slab with others and is copied instead).
    const send = (chunk: string | Uint8Array) => {
      const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      queued += data.byteLength;
      const message: ToWorker = { op: 'chunk', id, data };
      if (data.buffer instanceof ArrayBuffer && data.buffer.byteLength > Buffer.poolSize)
        this.post(message, [data.buffer]);
      else this.post(message);
    };
    // Synchronously, before returning: the caller may block this thread right after the call.
    let rest: CopyChunks | null = chunks;
    if (Symbol.iterator in chunks) {
      const iterator = chunks[Symbol.iterator]();
      try {
        let done = false;
        while (!done && queued < COPY_PREFETCH_BYTES) {
          const r = iterator.next();
          if (r.done) done = true;
          else send(r.value);
        }
        rest = done ? null : { [Symbol.iterator]: () => iterator };
      } catch (err) {
        this.postIfOpen({ op: 'end', id });
        return Promise.reject(err);
      }
    }
    if (rest === null) {
      this.postIfOpen({ op: 'end', id });
      return copied;
    }
    const remaining = rest;
    return (async () => {
      try {
        for await (const chunk of remaining) {
          while (queued > COPY_HIGH_WATER_BYTES && failure === null)
            await new Promise<void>((resolve) => (wake = resolve));
          if (failure !== null) break;
          send(chunk);
        }
      } finally {
        this.postIfOpen({ op: 'end', id });
      }
      await copied;
    })();
  }

  /** Runs fn, then commits (or rolls back when fn throws); the worker stops afterwards. */
  async run<T>(fn: (tx: RawTx) => Promise<T>): Promise<T> {
    const tx: RawTx = {
      query: (text, params) => this.query(text, params),
      copyIn: (table, columns, chunks) => this.copyIn(table, columns, chunks),
    };
    try {
      let result: T;
      try {
        result = await fn(tx);
      } catch (err) {
        this.postIfOpen({ op: 'finish', commit: false });
        await this.ended;
        throw err;
      }
      this.post({ op: 'finish', commit: true });
      const end = await this.ended;
      if (end.op === 'finished' && end.ok) return result;
      throw toError('error' in end ? end.error : undefined, 'commit failed');
    } finally {
      void this.worker.terminate();
    }
  }
}

/** Starts a worker-owned transaction on a connection like sql's; null when that is not possible. */
async function openWorkerTransaction(sql: Sql): Promise<WorkerTransaction | null> {
  let worker: Worker;
  try {
    const settings = workerOptions(sql);
    if (settings === null) return null;
    const driver = createRequire(import.meta.url).resolve('postgres');
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, ...settings } });
  } catch {
    return null;
  }
  worker.unref();
  const session = new WorkerTransaction(worker);
  if (await session.started) return session;
  void worker.terminate();
  return null;
}
