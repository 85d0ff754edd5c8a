import 'server-only';
import { getDatabase, type DbHandle } from '@/db';

/**
 * Raw SQL outside any transaction, on either driver (postgres.js or PGlite), rows cast to T: for
 * reads the query builder cannot express or does too slowly. Writes go through withRawTransaction
 * (db/raw.ts). `handle` defaults to the app's database.
 */
export async function rawQuery<T>(
  text: string,
  params: readonly unknown[] = [],
  handle?: DbHandle,
): Promise<T[]> {
  const { raw } = handle ?? (await getDatabase());
  if (raw.kind === 'postgres') return (await raw.sql.unsafe(text, params as never[])) as unknown as T[];
  return (await raw.pg.query<T>(text, params as unknown[])).rows;
}
