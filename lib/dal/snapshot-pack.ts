import 'server-only';
import { deserialize, serialize } from 'node:v8';
import { brotliCompressSync, brotliDecompressSync, constants as zlibConstants } from 'node:zlib';
import type { OrgRecord } from '@/lib/metrics/types';
import { PEOPLE_COLUMNS, rowToRecord, shareRepeatedValues, type PeopleRow } from './people-copy';
import { rawQuery } from './raw-query';
import { getDatabase, type DbHandle } from '@/db';

/**
 * A snapshot's records as one compact value, written at import (or after the first load of a snapshot
 * imported before that) and read back whenever a view or the next import needs the records (issue #13). Reading 100k people rows as objects costs
 * 0.7-0.9 s on PostgreSQL (10 s at a million) where one bytea value of a few MB costs a few tens of
 * milliseconds; the tree is then built from the records in memory as before, so every figure is
 * computed exactly as from the rows. Stored column by column: a column with few distinct values
 * (department, title, level, dates...) as a dictionary plus one small index per row, so equal
 * values come back as one shared string (a prepared tree holds each department name once); a
 * column of mostly distinct values (ids, names, emails) as one UTF-8 text joined by NUL, which
 * PostgreSQL text can never contain. Encoded with node:v8 (Node's structured-clone format: typed
 * arrays in and out without a parser of ours), then compressed with brotli at quality 1 behind a
 * 4-byte mark (packs written before it are plain v8 and read as they are). At 100k people
 * (2026-12-07): 10.4 MB plain, 2.9 MB compressed, compressing 40 ms and decompressing 38 ms, while
 * fetching the plain value took about 180 ms against 50-90 ms for a compressed one with its
 * decompression (postgres.js receives bytea as hex text: twice its bytes). Deflate at level 1
 * compressed to 3.0 MB in 110 ms. About 29 bytes per person stored, against about 240 in the
 * people table.
 */
/** 3: records carry annualCost (issue #14); packs of format 2 are rewritten on their next load. */
const FORMAT = 3;

type TextField = Exclude<
  {
    [K in keyof OrgRecord]: OrgRecord[K] extends string | null ? K : never;
  }[keyof OrgRecord],
  undefined
>;

const TEXT_FIELDS = [
  'employeeId',
  'managerId',
  'name',
  'email',
  'title',
  'level',
  'department',
  'location',
  'costCenter',
  'employmentType',
  'hireDate',
  'levelStartDate',
  'githubLogin',
] as const satisfies readonly TextField[];

type Index = Uint8Array | Uint16Array | Uint32Array;

/**
 * A text column: a dictionary and one index per row (0 = null), or every value as UTF-8 joined by
 * NUL with a null flag per row (absent when no value is null).
 */
type TextColumn = { dict: string[]; index: Index } | { joined: Uint8Array; nulls: Uint8Array | null };

interface Pack {
  format: number;
  size: number;
  row: Int32Array;
  /** 0 null, 1 ic, 2 manager */
  track: Uint8Array;
  vacant: Uint8Array;
  /** NaN = null; absent when no record is aggregated */
  aggregatedCount: Float64Array | null;
  /** NaN = null; absent when no record has a cost */
  annualCost: Float64Array | null;
  text: Record<string, TextColumn>;
}

const SEP = '\u0000';

/** The mark before a compressed pack ("SPK" and 1); a plain v8 value starts with its version tag, 0xff. */
const COMPRESSED = Buffer.from([0x53, 0x50, 0x4b, 0x01]);

function indexArray(n: number, distinct: number): Index {
  return distinct < 0xff ? new Uint8Array(n) : distinct < 0xffff ? new Uint16Array(n) : new Uint32Array(n);
}

function encodeText(records: readonly OrgRecord[], field: TextField): TextColumn {
  const ids = new Map<string, number>();
  const limit = Math.max(64, records.length >>> 3);
  for (const r of records) {
    const v = r[field] ?? null;
    if (v !== null && !ids.has(v)) {
      if (ids.size >= limit) return encodeJoined(records, field);
      ids.set(v, ids.size + 1);
    }
  }
  const index = indexArray(records.length, ids.size + 1);
  for (let i = 0; i < records.length; i++) {
    const v = records[i]?.[field] ?? null;
    if (v !== null) index[i] = ids.get(v) ?? 0;
  }
  return { dict: [...ids.keys()], index };
}

function encodeJoined(records: readonly OrgRecord[], field: TextField): TextColumn {
  let nulls: Uint8Array | null = null;
  const values = records.map((r, i) => {
    const v = r[field] ?? null;
    if (v !== null) return v;
    nulls ??= new Uint8Array(records.length);
    nulls[i] = 1;
    return '';
  });
  return { joined: Buffer.from(values.join(SEP), 'utf8'), nulls };
}

/** The records of a snapshot as one buffer (see unpackRecords). */
export function packRecords(records: readonly OrgRecord[]): Buffer {
  const n = records.length;
  const pack: Pack = {
    format: FORMAT,
    size: n,
    row: new Int32Array(n),
    track: new Uint8Array(n),
    vacant: new Uint8Array(n),
    aggregatedCount: records.some((r) => r.aggregatedCount !== null) ? new Float64Array(n) : null,
    annualCost: records.some((r) => r.annualCost !== null) ? new Float64Array(n) : null,
    text: {},
  };
  for (let i = 0; i < n; i++) {
    const r = records[i] as OrgRecord;
    pack.row[i] = r.row;
    pack.track[i] = r.track === 'ic' ? 1 : r.track === 'manager' ? 2 : 0;
    pack.vacant[i] = r.status === 'vacant' ? 1 : 0;
    if (pack.aggregatedCount) pack.aggregatedCount[i] = r.aggregatedCount ?? Number.NaN;
    if (pack.annualCost) pack.annualCost[i] = r.annualCost ?? Number.NaN;
  }
  for (const f of TEXT_FIELDS) pack.text[f] = encodeText(records, f);
  const plain = serialize(pack);
  const packed = brotliCompressSync(plain, {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: 1,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: plain.length,
    },
  });
  return Buffer.concat([COMPRESSED, packed]);
}

function column(pack: Pack, field: TextField): (i: number) => string | null {
  const c = pack.text[field];
  if (c === undefined) return () => null;
  if ('joined' in c) {
    const values = pack.size === 0 ? [] : Buffer.from(c.joined).toString('utf8').split(SEP);
    const nulls = c.nulls;
    return (i) => (nulls?.[i] === 1 ? null : (values[i] ?? null));
  }
  return (i) => {
    const k = c.index[i] ?? 0;
    return k === 0 ? null : (c.dict[k - 1] ?? null);
  };
}

/** The records packRecords stored, in the same order; null when the buffer is of another format. */
export function unpackRecords(buffer: Uint8Array): OrgRecord[] | null {
  let pack: Pack;
  try {
    const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    const compressed = bytes.subarray(0, COMPRESSED.length).equals(COMPRESSED);
    pack = deserialize(compressed ? brotliDecompressSync(bytes.subarray(COMPRESSED.length)) : bytes) as Pack;
  } catch {
    return null;
  }
  if (pack?.format !== FORMAT) return null;
  const get = Object.fromEntries(TEXT_FIELDS.map((f) => [f, column(pack, f)])) as Record<
    TextField,
    (i: number) => string | null
  >;
  const out = new Array<OrgRecord>(pack.size);
  for (let i = 0; i < pack.size; i++) {
    const track = pack.track[i];
    const agg = pack.aggregatedCount?.[i] ?? Number.NaN;
    const cost = pack.annualCost?.[i] ?? Number.NaN;
    out[i] = {
      row: pack.row[i] ?? 0,
      employeeId: get.employeeId(i) ?? '',
      managerId: get.managerId(i),
      name: get.name(i),
      email: get.email(i),
      title: get.title(i),
      level: get.level(i),
      track: track === 1 ? 'ic' : track === 2 ? 'manager' : null,
      department: get.department(i),
      location: get.location(i),
      costCenter: get.costCenter(i),
      employmentType: get.employmentType(i),
      hireDate: get.hireDate(i),
      levelStartDate: get.levelStartDate(i),
      githubLogin: get.githubLogin(i),
      status: pack.vacant[i] === 1 ? 'vacant' : 'filled',
      aggregatedCount: Number.isNaN(agg) ? null : agg,
      annualCost: Number.isNaN(cost) ? null : cost,
    };
  }
  return out;
}

type Query = <T>(text: string, params: unknown[]) => Promise<T[]>;

/**
 * Every record of a snapshot in row order: from its pack, else from its people rows. `query` is a
 * transaction's (the import reading the previous snapshot); without one the app's database is read
 * and, when the snapshot had no pack yet, one is written behind the answer for the next load.
 */
export async function readSnapshotRecords(snapshotId: number, query?: Query): Promise<OrgRecord[]> {
  const handle = query ? null : await getDatabase();
  const q: Query = query ?? ((text, params) => rawQuery(text, params, handle ?? undefined));
  const packs = await q<{ data: Uint8Array }>('select data from snapshot_packs where snapshot_id = $1', [
    snapshotId,
  ]);
  const packed = packs[0] ? unpackRecords(packs[0].data) : null;
  if (packed) return packed;
  const stale = packs[0] !== undefined; // a pack of an older format: replaced below
  const rows = await q<PeopleRow>(
    `select ${PEOPLE_COLUMNS.slice(1).join(', ')} from people where snapshot_id = $1 order by row_no`,
    [snapshotId],
  );
  const records = rows.map(rowToRecord);
  shareRepeatedValues(records);
  if (handle) setImmediate(() => void storePack(handle, snapshotId, records, stale));
  return records;
}

/**
 * Writes a snapshot's pack: at import, in the import's transaction (`query`), so the next import
 * (reading this snapshot as its previous one) and the first view read it instead of the people
 * rows; or behind the first load of a snapshot imported before packs were written at import (or
 * whose pack is of an older format). Packing 100k records costs 0.17-0.30 s and reading them back
 * from the pack 0.33-0.40 s, against 0.73-0.82 s from the rows (2026-12-07, load 4.6).
 */
export async function writePack(
  query: Query,
  snapshotId: number,
  records: readonly OrgRecord[],
  replace = true,
): Promise<void> {
  await query(
    `insert into snapshot_packs (snapshot_id, data) values ($1, $2) on conflict ${
      replace ? '(snapshot_id) do update set data = excluded.data' : 'do nothing'
    }`,
    [snapshotId, packRecords(records)],
  );
}

/** After a first load: two loads racing write one pack; a snapshot deleted meanwhile keeps none. */
async function storePack(
  handle: DbHandle,
  snapshotId: number,
  records: readonly OrgRecord[],
  replace: boolean,
): Promise<void> {
  try {
    await writePack((text, params) => rawQuery(text, params, handle), snapshotId, records, replace);
  } catch {
    // the snapshot was deleted meanwhile (its key is gone) or the database closed: nothing to keep
  }
}
