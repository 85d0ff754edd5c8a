import { describe, expect, it } from 'vitest';
import { can, type PermissionName } from '@/lib/auth/permissions';
import { ROLES } from '@/lib/auth/roles';
import { listAppEntries, PUBLIC_ENTRIES, requiredRolesFor } from '../../support/app-routes';

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The roles holding the permission a guard call names, e.g. requirePageActor(can.manageData). */
function rolesOf(call: string): string[] | null {
  const m = /\(\s*(can\.(\w+)|null)?/.exec(call);
  if (!m?.[2]) return null;
  const permission = can[m[2] as PermissionName];
  expect(permission, `${m[1]} is not in the permission table`).toBeTypeOf('function');
  return ROLES.filter((r) => permission(r)).sort();
}

const entries = listAppEntries();

describe('every page, route handler and server action checks the session in lib/dal', () => {
  it('finds the app entries', () => {
    expect(entries.filter((e) => e.kind === 'page').length).toBeGreaterThan(3);
    expect(entries.filter((e) => e.kind === 'route').length).toBeGreaterThan(3);
  });

  for (const entry of entries) {
    const isPublic = PUBLIC_ENTRIES.includes(entry.urlPath);
    const need = requiredRolesFor(entry.urlPath);
    it(`${entry.kind} ${entry.urlPath} (${entry.file.split('/app/')[1]}) is ${isPublic ? 'public on purpose' : 'guarded'}`, () => {
      if (isPublic) {
        expect(entry.source).toMatch(/PUBLIC/);
        return;
      }
      if (entry.kind === 'page') {
        const call = /requirePageActor\([^)]*\)/.exec(entry.source)?.[0];
        expect(call, 'page must call requirePageActor()').toBeTruthy();
        if (need)
          expect(rolesOf(call ?? ''), `page must require roles ${need.join(',')}`).toEqual([...need].sort());
      }
      if (entry.kind === 'route') {
        const exported = [
          ...entry.source.matchAll(/export\s+(?:const|async function|function)\s+([A-Z]+)\b([^\n]*)/g),
        ].filter((m) => HTTP_METHODS.includes(m[1] as string));
        expect(exported.length, 'route must export at least one HTTP method').toBeGreaterThan(0);
        for (const m of exported) {
          const line = m[2] ?? '';
          expect(
            line,
            `${m[1]} must be wrapped in guardedRoute(), dashboardRoute() or familyRoute()`,
          ).toMatch(/=\s*(guardedRoute|dashboardRoute|familyRoute)(<[^>]*>)?\(/);
          const roles = rolesOf(line.slice(line.indexOf('guardedRoute')));
          if (need) expect(roles, `${m[1]} must require roles ${need.join(',')}`).toEqual([...need].sort());
        }
      }
      if (entry.kind === 'action') {
        const fns = [...entry.source.matchAll(/export\s+async\s+function\s+(\w+)[^{]*\{([\s\S]*?)\n\}/g)];
        for (const f of fns) expect(f[2], `${f[1]} must call requireActor()`).toMatch(/requireActor\(/);
      }
    });
  }
});
