/**
 * Generated benchmark inputs, cached under os.tmpdir()/strata-bench between runs. The cache key
 * includes a hash of the generator's sources, so a changed generator regenerates instead of
 * measuring a stale file. Only the last month's org file is kept (the one the benchmark imports).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInChild } from './child';
import type { GenerateOutcome } from './tasks';

/** Where generated inputs are cached. */
export const CACHE_ROOT = path.join(os.tmpdir(), 'strata-bench');

const MONTHS = 2;
const SEED = 42;

/** A hash of the demo generator's sources: part of every cache key, so a changed generator regenerates. */
export function generatorHash(): string {
  const dir = path.join(process.cwd(), 'cli/demo');
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.ts')) continue;
    hash.update(name).update(fs.readFileSync(path.join(dir, name)));
  }
  return hash.digest('hex').slice(0, 10);
}

/** One cached org snapshot file: its path, size in bytes and data rows. */
export interface OrgFile {
  file: string;
  bytes: number;
  rows: number;
}

function countRows(file: string): number {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  let lines = 0;
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      for (let i = 0; i < n; i++) if (buf[i] === 10) lines++;
    }
  } finally {
    fs.closeSync(fd);
  }
  return lines - 1; // the header
}

/** The last-month org file of a generated company of `size` people, generating it when missing. */
export async function ensureOrgFile(
  size: number,
  script: string,
  log: (m: string) => void,
  verbose: boolean,
): Promise<OrgFile> {
  const prefix = `org-${size}-m${MONTHS}-s${SEED}-`;
  const dir = path.join(CACHE_ROOT, `${prefix}${generatorHash()}`);
  const ready = path.join(dir, 'ready.json');
  if (fs.existsSync(ready)) {
    const cached = JSON.parse(fs.readFileSync(ready, 'utf8')) as OrgFile;
    if (fs.existsSync(cached.file)) return cached;
  }
  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  // A generator change makes older caches of this size useless; they are ours to remove.
  for (const name of fs.readdirSync(CACHE_ROOT))
    if (name.startsWith(prefix)) fs.rmSync(path.join(CACHE_ROOT, name), { recursive: true, force: true });
  log(`generating a ${size.toLocaleString('en')}-person demo company (${MONTHS} months) into ${dir} ...`);
  const started = performance.now();
  const tmp = `${dir}.tmp-${process.pid}`;
  const { files } = await runInChild<GenerateOutcome>(
    script,
    { kind: 'generate', dir: tmp, size, months: MONTHS, seed: SEED },
    verbose,
  );
  const last = files
    .filter((f) => f.startsWith('org-') && f.endsWith('.csv'))
    .sort()
    .at(-1);
  if (last === undefined) throw new Error('the demo generator wrote no org-*.csv file');
  for (const f of files) if (f !== last) fs.rmSync(path.join(tmp, f), { force: true });
  fs.renameSync(tmp, dir);
  const file = path.join(dir, last);
  const entry: OrgFile = { file, bytes: fs.statSync(file).size, rows: countRows(file) };
  fs.writeFileSync(ready, JSON.stringify(entry));
  log(
    `  generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${entry.rows} rows, ${(entry.bytes / 1e6).toFixed(0)} MB`,
  );
  return entry;
}
