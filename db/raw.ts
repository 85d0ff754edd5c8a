import type { DbHandle } from './client';

/** A minimal SQL surface shared by postgres.js and PGlite, used inside one transaction. */
export interface RawTx {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** COPY ... FROM STDIN in text format; chunks are already-escaped COPY text. */
  copyIn(
    table: string,
    columns: readonly string[],
    chunks: Iterable<string> | AsyncIterable<string>,
  ): Promise<void>;
}

/** Escapes one value for COPY text format (null -> \N). */
export function copyValue(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  return v.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** Runs fn in one transaction on either driver; everything or nothing is written. */
export async function withRawTransaction<T>(handle: DbHandle, fn: (tx: RawTx) => Promise<T>): Promise<T> {
  const raw = handle.raw;
  if (raw.kind === 'postgres') {
    const result = await raw.sql.begin(async (sql) => {
      const tx: RawTx = {
        query: async <R>(text: string, params: unknown[] = []) =>
          (await sql.unsafe(text, params as never[])) as unknown as R[],
        copyIn: async (table, columns, chunks) => {
          const writable = await sql.unsafe(`copy ${table} (${columns.join(', ')}) from stdin`).writable();
          await new Promise<void>((resolve, reject) => {
            writable.on('error', reject);
            writable.on('finish', resolve);
            void (async () => {
              try {
                for await (const chunk of chunks) {
                  if (!writable.write(chunk)) await new Promise((r) => writable.once('drain', r));
                }
                writable.end();
              } catch (err) {
                writable.destroy(err as Error);
                reject(err);
              }
            })();
          });
        },
      };
      return fn(tx);
    });
    return result as T;
  }
  return raw.pg.transaction(async (t) => {
    const tx: RawTx = {
      query: async <R>(text: string, params: unknown[] = []) => (await t.query<R>(text, params)).rows,
      copyIn: async (table, columns, chunks) => {
        const parts: string[] = [];
        for await (const chunk of chunks) parts.push(chunk);
        const blob = new Blob(parts);
        await t.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob });
      },
    };
    return fn(tx);
  });
}
