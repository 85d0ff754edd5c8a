/**
 * Runs one BenchTask in a fresh Node process (the same tsx loader as this one) and returns the
 * result it prints on its last stdout line. The child's stderr is kept and shown when it fails,
 * or streamed through with --verbose.
 */
import { spawn } from 'node:child_process';
import type { BenchTask } from './tasks';

/** Marks the result line a child prints on stdout. */
export const RESULT_MARK = 'BENCH_RESULT ';

/** The flag that turns scripts/bench.ts into a task runner. */
export const CHILD_FLAG = '--child-task';

/** Spawns `node <loader> script --child-task <json>` and resolves with the parsed result. */
export function runInChild<T>(script: string, task: BenchTask, verbose: boolean): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, script, CHILD_FLAG, JSON.stringify(task)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (verbose) process.stderr.write(d.replace(/^(?=.)/gm, `    [${task.kind}] `));
      err = (err + d).slice(-20_000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out
        .split('\n')
        .reverse()
        .find((l) => l.startsWith(RESULT_MARK));
      if (code !== 0 || line === undefined) {
        reject(new Error(`bench child (${task.kind}) failed with exit code ${code}:\n${err.trim()}`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_MARK.length)) as T);
    });
  });
}
