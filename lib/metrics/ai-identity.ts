/**
 * Joining AI-tool identities (GitHub login, email, employee id) to employees of one org snapshot
 * (SPEC "AI usage": per-user rows are joined to employees by github_login). Pure.
 * Order: a saved hand mapping wins; then an employee id present in the snapshot; then the GitHub
 * login; then the email; logins and emails compare case-insensitively. A login or email held by
 * several people is ambiguous and joins nobody (it is listed for review instead).
 */
import type { OrgTree } from '@/lib/metrics/tree';
import { NodeKind } from '@/lib/metrics/roles';

export interface IdentityIndex {
  tree: OrgTree;
  /** lower-case login -> record indices holding it */
  byLogin: Map<string, number[]>;
  byEmail: Map<string, number[]>;
}

export interface IdentityKeys {
  employeeId: string | null;
  githubLogin: string | null;
  email: string | null;
}

export type IdentityMatch =
  | { status: 'matched'; index: number; via: 'manual' | 'employee_id' | 'login' | 'email' }
  | { status: 'ambiguous'; candidates: number[] }
  | { status: 'unmatched' };

/** Lower-cased, trimmed identity, or null when empty. */
export function normaliseIdentity(v: string | null | undefined): string | null {
  const s = (v ?? '').trim().toLowerCase();
  return s ? s : null;
}

/** The stable key of an identity (the login first, then the email, then the employee id). */
export function identityKey(k: IdentityKeys): string {
  const login = normaliseIdentity(k.githubLogin);
  if (login) return `login:${login}`;
  const email = normaliseIdentity(k.email);
  if (email) return `email:${email}`;
  return `emp:${(k.employeeId ?? '').trim()}`;
}

function isFilledPerson(tree: OrgTree, i: number): boolean {
  return tree.kind[i] !== NodeKind.vacant && tree.aggregated[i] !== 1;
}

/** Indexes the filled people of a snapshot by lower-case GitHub login and email. */
export function buildIdentityIndex(tree: OrgTree): IdentityIndex {
  const byLogin = new Map<string, number[]>();
  const byEmail = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, key: string | null, i: number) => {
    if (!key) return;
    const list = m.get(key);
    if (list) list.push(i);
    else m.set(key, [i]);
  };
  for (let i = 0; i < tree.size; i++) {
    if (!isFilledPerson(tree, i)) continue;
    const r = tree.records[i];
    add(byLogin, normaliseIdentity(r?.githubLogin), i);
    add(byEmail, normaliseIdentity(r?.email), i);
  }
  return { tree, byLogin, byEmail };
}

/** Joins one identity to an employee of the snapshot; `manual` maps lower-case login/email -> employee id. */
export function matchIdentity(
  index: IdentityIndex,
  keys: IdentityKeys,
  manual: ReadonlyMap<string, string>,
): IdentityMatch {
  const { tree } = index;
  const login = normaliseIdentity(keys.githubLogin);
  const email = normaliseIdentity(keys.email);
  const byId = (id: string | null | undefined): number => {
    if (!id) return -1;
    const i = tree.indexById.get(id);
    return i !== undefined && isFilledPerson(tree, i) ? i : -1;
  };
  for (const key of [login, email]) {
    if (!key) continue;
    const mapped = manual.get(key);
    if (mapped !== undefined) {
      const i = byId(mapped);
      // A mapping to someone who is not in this snapshot (a leaver) leaves the identity unjoined here.
      return i >= 0 ? { status: 'matched', index: i, via: 'manual' } : { status: 'unmatched' };
    }
  }
  const direct = byId(keys.employeeId?.trim());
  if (direct >= 0) return { status: 'matched', index: direct, via: 'employee_id' };
  let ambiguous: number[] | null = null;
  for (const [key, map, via] of [
    [login, index.byLogin, 'login'],
    [email, index.byEmail, 'email'],
  ] as const) {
    if (!key) continue;
    const hits = map.get(key);
    if (!hits) continue;
    if (hits.length === 1 && hits[0] !== undefined) return { status: 'matched', index: hits[0], via };
    ambiguous ??= hits;
  }
  return ambiguous ? { status: 'ambiguous', candidates: ambiguous } : { status: 'unmatched' };
}
