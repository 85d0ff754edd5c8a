import fs from 'node:fs';
import path from 'node:path';
import { DASHBOARD_FAMILY_NAMES } from '../../lib/query/families';

export interface AppEntry {
  kind: 'page' | 'route' | 'action';
  file: string;
  /** URL path with route groups removed, e.g. /admin or /api/admin/users/[id]. */
  urlPath: string;
  source: string;
}

/**
 * Dynamic routes whose segment takes a closed list of values: each value is listed as an entry of
 * its own, so the guard checks cover every dashboard family behind app/api/metrics/[family].
 */
export const SEGMENT_VALUES: Record<string, { segment: string; values: readonly string[] }> = {
  '/api/metrics/[family]': { segment: '[family]', values: DASHBOARD_FAMILY_NAMES },
};

/** Every page, route handler and server-action file under app/ (closed dynamic routes once per value). */
export function listAppEntries(root = path.resolve(process.cwd(), 'app')): AppEntry[] {
  const out: AppEntry[] = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop() as string;
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, ent.name);
      if (ent.isDirectory()) {
        stack.push(full);
        continue;
      }
      if (!/\.(tsx?|jsx?)$/.test(ent.name)) continue;
      const source = fs.readFileSync(full, 'utf8');
      const rel = path.relative(root, path.dirname(full));
      const urlPath =
        '/' +
        rel
          .split(path.sep)
          .filter((s) => s && !/^\(.*\)$/.test(s))
          .join('/');
      if (/^page\.(tsx|jsx|ts|js)$/.test(ent.name)) out.push({ kind: 'page', file: full, urlPath, source });
      else if (/^route\.(ts|js)$/.test(ent.name)) {
        const closed = SEGMENT_VALUES[urlPath];
        if (!closed) out.push({ kind: 'route', file: full, urlPath, source });
        else
          for (const v of closed.values)
            out.push({ kind: 'route', file: full, urlPath: urlPath.replace(closed.segment, v), source });
      } else if (/^\s*['"]use server['"]/m.test(source))
        out.push({ kind: 'action', file: full, urlPath, source });
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.urlPath.localeCompare(b.urlPath));
}

/** Endpoints reachable without a session, on purpose. */
export const PUBLIC_ENTRIES = ['/login', '/api/auth/[...nextauth]'];

/** Roles that must be required by URL prefix (more specific first). */
export const REQUIRED_ROLES: Array<{ prefix: string; roles: string[] }> = [
  { prefix: '/api/admin', roles: ['admin'] },
  { prefix: '/admin', roles: ['admin'] },
  { prefix: '/api/data', roles: ['admin', 'hr'] },
  { prefix: '/data', roles: ['admin', 'hr'] },
  { prefix: '/api/ai', roles: ['admin', 'hr'] },
  { prefix: '/ai/data', roles: ['admin', 'hr'] },
];

/** The roles a URL must require, or null when any signed-in user may use it. */
export function requiredRolesFor(urlPath: string): string[] | null {
  const hit = REQUIRED_ROLES.find((r) => urlPath === r.prefix || urlPath.startsWith(`${r.prefix}/`));
  return hit ? hit.roles : null;
}
