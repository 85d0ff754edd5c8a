/** A DemoSink that keeps every file in memory (tests and small previews). */
import type { DemoSink } from '@/cli/demo/generate';

export interface MemorySink extends DemoSink {
  files: Map<string, string>;
}

/** Create a sink collecting each file's text under its name. */
export function createMemorySink(): MemorySink {
  const files = new Map<string, string>();
  let current: string | null = null;
  let parts: string[] = [];
  let decoder = new TextDecoder();
  return {
    files,
    open(name) {
      current = name;
      parts = [];
      decoder = new TextDecoder();
    },
    write(chunk) {
      parts.push(decoder.decode(chunk, { stream: true }));
    },
    close() {
      parts.push(decoder.decode());
      if (current !== null) files.set(current, parts.join(''));
      current = null;
      parts = [];
    },
  };
}
