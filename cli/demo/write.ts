/**
 * Node writer for the demo company: one file per sink.open, written synchronously in ~1 MB chunks.
 * (The only file in cli/demo that touches node:fs.)
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
  generateDemoCompany,
  type DemoOptions,
  type DemoProgress,
  type DemoSummary,
} from '@/cli/demo/generate';

/** Generate the demo company into `dir` (created if missing); returns the summary. */
export function writeDemoCompany(
  dir: string,
  options: DemoOptions = {},
  onProgress?: (p: DemoProgress) => void,
): DemoSummary {
  mkdirSync(dir, { recursive: true });
  let fd: number | null = null;
  return generateDemoCompany(
    options,
    {
      open(name) {
        fd = openSync(join(dir, name), 'w');
      },
      write(chunk) {
        if (fd === null) throw new Error('write before open');
        writeSync(fd, chunk);
      },
      close() {
        if (fd !== null) closeSync(fd);
        fd = null;
      },
    },
    onProgress,
  );
}
