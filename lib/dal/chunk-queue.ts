import 'server-only';
/**
 * A queue of byte chunks read as an async iterable: a synchronous producer (the CSV parse) pushes,
 * an async consumer (COPY) pulls as the database takes them. When the consumer stops early (the
 * COPY failed), later pushes are dropped instead of piling up in memory.
 */
export class ChunkQueue implements AsyncIterable<Uint8Array> {
  private readonly chunks: Uint8Array[] = [];
  private ended = false;
  private abandoned = false;
  private wake: (() => void) | null = null;

  /** Add a chunk (dropped once the consumer has stopped). */
  push(chunk: Uint8Array): void {
    if (this.ended || this.abandoned) return;
    this.chunks.push(chunk);
    this.notify();
  }

  /** Drop what is queued and whatever is pushed later (nobody will read it). */
  discard(): void {
    this.abandoned = true;
    this.chunks.length = 0;
    this.notify();
  }

  /** No more chunks will come. */
  end(): void {
    this.ended = true;
    this.notify();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return {
      next: async (): Promise<IteratorResult<Uint8Array>> => {
        for (;;) {
          const chunk = this.chunks.shift();
          if (chunk !== undefined) return { value: chunk, done: false };
          if (this.ended || this.abandoned) return { value: undefined, done: true };
          await new Promise<void>((resolve) => (this.wake = resolve));
        }
      },
      return: async (): Promise<IteratorResult<Uint8Array>> => {
        this.discard();
        return { value: undefined, done: true };
      },
    };
  }
}
