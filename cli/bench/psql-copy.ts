/**
 * The reference every import is compared with: `psql -c "\copy ..."` of the same CSV into a plain
 * table with the file's columns, a primary key on the employee id and an index on the manager id.
 * Timed around the psql process (its start-up is a few milliseconds).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import postgres from 'postgres';
import { secondsSince } from './stats';

/** The plain table the reference load (and the recursive SQL) uses. */
export const PLAIN_TABLE = 'bench_people';

function headerColumns(file: string): string[] {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const line = buf.subarray(0, n).toString('utf8').split('\n')[0] ?? '';
    return line
      .replace(/^\uFEFF/, '')
      .trim()
      .split(',')
      .map((c) =>
        c
          .trim()
          .toLowerCase()
          .replace(/[^a-z0-9_]/g, '_'),
      );
  } finally {
    fs.closeSync(fd);
  }
}

/** Creates the plain table for the file's columns (dates typed as dates, the rest text). */
export async function createPlainTable(url: string, file: string): Promise<void> {
  const columns = headerColumns(file);
  if (!columns.includes('employee_id') || !columns.includes('manager_id'))
    throw new Error(`${file} has no employee_id / manager_id columns`);
  const defs = columns.map((c) => {
    const type = c.endsWith('_date') || c === 'as_of' ? 'date' : 'text';
    return `${c} ${type}${c === 'employee_id' ? ' primary key' : ''}`;
  });
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await sql.unsafe(`create table ${PLAIN_TABLE} (${defs.join(', ')})`);
    await sql.unsafe(`create index ${PLAIN_TABLE}_manager_idx on ${PLAIN_TABLE} (manager_id)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Runs psql \copy of the CSV file into the plain table (or `table`); returns the wall-clock seconds. */
export function timePsqlCopy(url: string, file: string, table: string = PLAIN_TABLE): Promise<number> {
  const escaped = file.replace(/'/g, "''");
  const command = `\\copy ${table} from '${escaped}' with (format csv, header true)`;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', command], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', (e) => reject(new Error(`cannot run psql: ${e.message}`)));
    child.on('close', (code) => {
      const seconds = secondsSince(start);
      if (code === 0) resolve(seconds);
      else reject(new Error(`psql \\copy failed (exit ${code}): ${err.trim()}`));
    });
  });
}
