import 'server-only';
import { can } from '@/lib/auth/permissions';
import type { AiSeatRecord, AiUsageRecord } from '@/lib/ai-ingest/types';
import {
  identityKey,
  matchIdentity,
  normaliseIdentity,
  type IdentityKeys,
  type IdentityMatch,
} from '@/lib/metrics/ai-identity';
import { dedupeSeats } from '@/lib/metrics/ai-seats';
import { assertRole, type Actor } from './actor';
import {
  listCurrentSnapshots,
  loadCurrentSeats,
  loadIdentityIndex,
  loadManualMap,
  snapshotInForce,
  type SnapshotDate,
} from './ai-data';
import { rawQuery } from './raw-query';
import { listMappings, type SavedMapping } from './ai-identity-map';

/** Joins identities, each in the snapshot in force at its own date (the newest at/before it, else the earliest). */
async function matchAll(
  orgId: number,
  items: ReadonlyArray<IdentityKeys & { date: string }>,
  snapshots?: SnapshotDate[],
  manual?: Map<string, string>,
): Promise<Array<{ match: IdentityMatch; snapshotId: number | null }>> {
  const list = snapshots ?? (await listCurrentSnapshots(orgId));
  const map = manual ?? (await loadManualMap(orgId));
  const out: Array<{ match: IdentityMatch; snapshotId: number | null }> = [];
  for (const it of items) {
    const snap = snapshotInForce(list, it.date);
    if (!snap) {
      out.push({ match: { status: 'unmatched' }, snapshotId: null });
      continue;
    }
    out.push({ match: matchIdentity(await loadIdentityIndex(snap.id), it, map), snapshotId: snap.id });
  }
  return out;
}

export interface ImportIdentitySummary {
  /** people joined (distinct employees) and identities joined to nobody or to several people */
  matchedUsers: number;
  unmatchedUsers: number;
  ambiguousUsers: number;
  /** team rows whose manager id is in no snapshot in force */
  unmatchedTeams: number;
}

/** How the people of an upload (usage rows and seat holders) join employees (ambiguous ones count as unmatched too). */
export async function summariseImportIdentities(
  orgId: number,
  usage: readonly AiUsageRecord[],
  seats: readonly AiSeatRecord[] = [],
): Promise<ImportIdentitySummary> {
  const people = new Map<string, IdentityKeys & { date: string }>();
  const teams = new Map<string, string>();
  const today = new Date().toISOString().slice(0, 10);
  for (const s of seats) {
    const keys = { employeeId: null, githubLogin: s.githubLogin, email: s.email };
    people.set(identityKey(keys), { ...keys, date: s.asOf ?? today });
  }
  for (const r of usage) {
    const s = r.subject;
    if (s.kind === 'person') {
      const key = identityKey(s);
      const prev = people.get(key);
      if (!prev || prev.date < r.periodEnd) people.set(key, { ...s, date: r.periodEnd });
    } else if (s.kind === 'team') {
      const prev = teams.get(s.teamManagerId);
      if (!prev || prev < r.periodEnd) teams.set(s.teamManagerId, r.periodEnd);
    }
  }
  const snapshots = await listCurrentSnapshots(orgId);
  const results = await matchAll(orgId, [...people.values()], snapshots);
  let unmatchedTeams = 0;
  for (const [id, date] of teams) {
    const snap = snapshotInForce(snapshots, date);
    if (!snap || !(await loadIdentityIndex(snap.id)).tree.indexById.has(id)) unmatchedTeams++;
  }
  const count = (s: IdentityMatch['status']) => results.filter((r) => r.match.status === s).length;
  // One person may appear under several identities (login in one file, email in another): count people.
  const matched = new Set<string>();
  for (const r of results) {
    if (r.match.status !== 'matched' || r.snapshotId === null) continue;
    const tree = (await loadIdentityIndex(r.snapshotId)).tree;
    matched.add(tree.records[r.match.index]?.employeeId ?? '');
  }
  return {
    matchedUsers: matched.size,
    unmatchedUsers: count('unmatched') + count('ambiguous'),
    ambiguousUsers: count('ambiguous'),
    unmatchedTeams,
  };
}

export interface Candidate {
  id: string;
  name: string | null;
  department: string | null;
}

export interface ReviewIdentity {
  /** what a hand mapping is keyed on (lower-case login, else email); null when only an employee id is known */
  identity: string | null;
  githubLogin: string | null;
  email: string | null;
  employeeId: string | null;
  status: 'unmatched' | 'ambiguous';
  candidates: Candidate[];
  tools: string[];
  rows: number;
  activeDays: number;
  suggestions: number | null;
  acceptances: number | null;
  spendUsd: number | null;
  firstSeen: string | null;
  lastSeen: string | null;
  seat: { tool: string; lastActivityAt: string | null; plan: string | null } | null;
}

export type { SavedMapping };

export interface IdentityReview {
  identities: ReviewIdentity[];
  mappings: SavedMapping[];
  matchedIdentities: number;
}

type IdRow = {
  tool: string;
  employee_id: string | null;
  login: string | null;
  email: string | null;
  rows: number;
  active_rows: number;
  suggestions: number | null;
  acceptances: number | null;
  spend_usd: number | null;
  first_seen: string;
  last_seen: string;
};

const addNullable = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

/**
 * hr/admin: AI identities that join no employee (or several), with how much activity each carries,
 * so the biggest gaps are fixed first; plus the saved hand mappings.
 */
export async function getIdentityReview(actor: Actor): Promise<IdentityReview> {
  assertRole(actor, can.fixMappings);
  const rows = await rawQuery<IdRow>(
    `select tool, employee_id, lower(github_login) as login, lower(email) as email, count(*)::int as rows,
       (count(*) filter (where coalesce(active, coalesce(suggestions, 0) + coalesce(acceptances, 0) + coalesce(spend_usd, 0) > 0)))::int as active_rows,
       sum(suggestions) as suggestions, sum(acceptances) as acceptances, sum(spend_usd) as spend_usd,
       to_char(min(period_start), 'YYYY-MM-DD') as first_seen, to_char(max(period_end), 'YYYY-MM-DD') as last_seen
     from ai_usage where subject_kind = 'person' and import_id in (select id from ai_imports where org_id = $1)
     group by tool, employee_id, lower(github_login), lower(email)`,
    [actor.orgId],
  );
  const byKey = new Map<string, Omit<ReviewIdentity, 'status' | 'candidates'>>();
  const keyOf = (k: IdentityKeys) => identityKey(k);
  for (const r of rows) {
    const keys = { employeeId: r.employee_id, githubLogin: r.login, email: r.email };
    const key = keyOf(keys);
    const prev = byKey.get(key);
    const num = (v: number | null) => (v === null ? null : Number(v));
    if (!prev) {
      byKey.set(key, {
        identity: r.login ?? r.email ?? null,
        githubLogin: r.login,
        email: r.email,
        employeeId: r.employee_id,
        tools: [r.tool],
        rows: r.rows,
        activeDays: r.active_rows,
        suggestions: num(r.suggestions),
        acceptances: num(r.acceptances),
        spendUsd: num(r.spend_usd),
        firstSeen: r.first_seen,
        lastSeen: r.last_seen,
        seat: null,
      });
    } else {
      if (!prev.tools.includes(r.tool)) prev.tools.push(r.tool);
      prev.rows += r.rows;
      prev.activeDays += r.active_rows;
      prev.suggestions = addNullable(prev.suggestions, num(r.suggestions));
      prev.acceptances = addNullable(prev.acceptances, num(r.acceptances));
      prev.spendUsd = addNullable(prev.spendUsd, num(r.spend_usd));
      if (r.first_seen < (prev.firstSeen ?? r.first_seen)) prev.firstSeen = r.first_seen;
      if (r.last_seen > (prev.lastSeen ?? '')) prev.lastSeen = r.last_seen;
      prev.email ??= r.email;
      prev.employeeId ??= r.employee_id;
    }
  }
  for (const s of dedupeSeats(await loadCurrentSeats(actor.orgId))) {
    const key = keyOf({ employeeId: null, githubLogin: s.githubLogin, email: s.email });
    const seat = { tool: s.tool, lastActivityAt: s.lastActivityAt, plan: s.plan };
    const prev = byKey.get(key);
    if (prev) prev.seat = seat;
    else
      byKey.set(key, {
        identity: normaliseIdentity(s.githubLogin) ?? normaliseIdentity(s.email),
        githubLogin: normaliseIdentity(s.githubLogin),
        email: normaliseIdentity(s.email),
        employeeId: null,
        tools: [s.tool],
        rows: 0,
        activeDays: 0,
        suggestions: null,
        acceptances: null,
        spendUsd: null,
        firstSeen: null,
        lastSeen: s.asOf,
        seat,
      });
  }
  const items = [...byKey.values()];
  const snapshots = await listCurrentSnapshots(actor.orgId);
  const manual = await loadManualMap(actor.orgId);
  const today = new Date().toISOString().slice(0, 10);
  const matches = await matchAll(
    actor.orgId,
    items.map((i) => ({ ...i, date: i.lastSeen ?? today })),
    snapshots,
    manual,
  );
  const identities: ReviewIdentity[] = [];
  let matchedIdentities = 0;
  for (const [k, item] of items.entries()) {
    const m = matches[k];
    if (!m || m.match.status === 'matched') {
      matchedIdentities++;
      continue;
    }
    let candidates: Candidate[] = [];
    if (m.match.status === 'ambiguous' && m.snapshotId !== null) {
      const tree = (await loadIdentityIndex(m.snapshotId)).tree;
      candidates = m.match.candidates.map((i) => ({
        id: tree.records[i]?.employeeId ?? '',
        name: tree.records[i]?.name ?? null,
        department: tree.records[i]?.department ?? null,
      }));
    }
    identities.push({ ...item, status: m.match.status, candidates });
  }
  identities.sort(
    (a, b) =>
      b.activeDays - a.activeDays ||
      (b.suggestions ?? 0) - (a.suggestions ?? 0) ||
      (a.identity ?? '').localeCompare(b.identity ?? ''),
  );
  return { identities, mappings: await listMappings(actor.orgId, snapshots), matchedIdentities };
}
