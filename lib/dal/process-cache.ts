import 'server-only';
/**
 * One Map per name for the whole server process. Next.js may load a module once for pages and
 * again for route handlers (separate bundles), which would give each its own cache: a prepared
 * million-person tree held twice, and a page never reusing the answer its API just computed.
 * Anchoring the maps on globalThis makes every copy of a module share them.
 */
const registry = ((globalThis as { __strataCaches?: Map<string, Map<string, unknown>> }).__strataCaches ??=
  new Map());

/** The process-wide map registered under `name` (created on first use). */
export function processCache<V>(name: string): Map<string, V> {
  let map = registry.get(name);
  if (map === undefined) {
    map = new Map();
    registry.set(name, map);
  }
  return map as Map<string, V>;
}
