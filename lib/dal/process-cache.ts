import 'server-only';
import { LRUCache } from 'lru-cache';

/**
 * The one cache of the server process: named LRU caches of promised values (lru-cache, the
 * npm ecosystem's maintained LRU: size-bounded eviction, recency on read, no hand-written lists).
 * Each cache is bounded by entries or by a size the value reports once it has resolved (e.g. the
 * people in a prepared tree), so a million-person snapshot counts ten times a 100k one.
 *
 * Next.js may load a module once for pages and again for route handlers (separate bundles), which
 * would give each its own cache: a prepared million-person tree held twice, and a page never
 * reusing the answer its API just computed. Anchoring the caches on globalThis makes every copy of
 * a module share them.
 */
type AnyCache = LRUCache<string, Promise<unknown>>;

const registry = ((globalThis as { __strataCaches?: Map<string, AnyCache> }).__strataCaches ??= new Map());

export interface ProcessCacheOptions<V> {
  /** most entries kept */
  max?: number;
  /** most total size kept, with sizeOf giving each resolved value's size (at least 1) */
  maxSize?: number;
  sizeOf?: (value: V) => number;
}

export interface ProcessCache<V> {
  /** The value cached under key, or the one `build` makes (shared by concurrent callers; a failure is not kept). */
  get(key: string, build: () => Promise<V>): Promise<V>;
  /** The value cached under key without building one (counts as a use). */
  peek(key: string): Promise<V> | undefined;
  /** Forgets the value under key. */
  delete(key: string): void;
  clear(): void;
  /** entries held */
  readonly size: number;
}

/** The process-wide cache registered under `name` (created on first use with these options). */
export function processCache<V>(name: string, options: ProcessCacheOptions<V>): ProcessCache<V> {
  let lru = registry.get(name) as LRUCache<string, Promise<V>> | undefined;
  if (lru === undefined) {
    lru =
      options.maxSize !== undefined
        ? new LRUCache<string, Promise<V>>({ maxSize: options.maxSize, max: options.max })
        : new LRUCache<string, Promise<V>>({ max: options.max ?? 100 });
    registry.set(name, lru as unknown as AnyCache);
  }
  const cache = lru;
  return {
    get(key, build) {
      const hit = cache.get(key);
      if (hit) return hit;
      const p = build();
      // Until it resolves an entry counts 1; then its own size (re-set only if still the same entry).
      cache.set(key, p, options.maxSize !== undefined ? { size: 1 } : undefined);
      p.then(
        (v) => {
          if (options.sizeOf && cache.peek(key) === p)
            cache.set(key, p, { size: Math.max(1, Math.round(options.sizeOf(v))) });
        },
        () => {
          if (cache.peek(key) === p) cache.delete(key);
        },
      );
      return p;
    },
    peek: (key) => cache.get(key),
    delete: (key) => void cache.delete(key),
    clear: () => cache.clear(),
    get size() {
      return cache.size;
    },
  };
}

/** Empties every process cache (data was deleted or replaced, or a test opened a fresh database). */
export function clearProcessCaches(): void {
  for (const c of registry.values()) c.clear();
}
