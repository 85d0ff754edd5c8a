import 'server-only';
import { matchIdentity } from '@/lib/metrics/ai-identity';
import {
  computeSeatUtilisation,
  daysSinceActivity,
  dedupeSeats,
  isIdleSeat,
  type SeatRow,
  type SeatUtilisation,
} from '@/lib/metrics/ai-seats';
import {
  listCurrentSnapshots,
  loadCurrentSeats,
  loadIdentityIndex,
  snapshotInForce,
  type SnapshotDate,
} from '../ai-data';
import { aiUnitNodes, type UnitSpec } from './ai-window';

export interface IdleSeat {
  tool: string;
  githubLogin: string | null;
  email: string | null;
  employeeId: string | null;
  name: string | null;
  department: string | null;
  plan: string | null;
  lastActivityAt: string | null;
  daysSinceActivity: number | null;
  monthlyCostUsd: number | null;
}

export interface SeatBlock {
  /** listing date per tool */
  listings: Array<{ tool: string; asOf: string }>;
  utilisation: SeatUtilisation;
  /** seats joined to nobody (counted for the whole organisation only) */
  unmatchedSeats: number;
}

/**
 * Seat utilisation of the unit from the listings in force (newest per tool). Each seat joins an
 * employee in the snapshot in force at its listing date; seats joined to nobody count for the whole
 * organisation only. Idle seats are listed person by person only when `withPeople`.
 */
export async function buildSeatBlock(
  orgId: number,
  spec: UnitSpec,
  manual: ReadonlyMap<string, string>,
  withPeople: boolean,
  snapshots?: SnapshotDate[],
): Promise<{ block: SeatBlock; idle: IdleSeat[] } | null> {
  const seats = dedupeSeats(await loadCurrentSeats(orgId));
  if (seats.length === 0) return null;
  const list = snapshots ?? (await listCurrentSnapshots(orgId));
  const wholeOrg = spec.scopeRoot === null && spec.subtree === null && spec.department === null;
  const inUnit: SeatRow[] = [];
  const idle: IdleSeat[] = [];
  let unmatchedSeats = 0;
  const masks = new Map<number, Uint8Array | null>();
  for (const s of seats) {
    const snap = snapshotInForce(list, s.asOf);
    const index = snap ? await loadIdentityIndex(snap.id) : null;
    const m = index
      ? matchIdentity(index, { employeeId: null, githubLogin: s.githubLogin, email: s.email }, manual)
      : null;
    let member = wholeOrg;
    let person: { id: string; name: string | null; department: string | null } | null = null;
    if (m?.status === 'matched' && index && snap) {
      if (!masks.has(snap.id)) {
        const nodes = aiUnitNodes(index.tree, spec);
        masks.set(snap.id, nodes === null ? null : maskOf(index.tree.size, nodes));
      }
      const mask = masks.get(snap.id);
      member = mask === null || mask === undefined ? true : mask[m.index] === 1;
      const r = index.tree.records[m.index];
      person = { id: r?.employeeId ?? '', name: r?.name ?? null, department: r?.department ?? null };
    } else if (wholeOrg) unmatchedSeats++;
    if (!member) continue;
    inUnit.push(s);
    if (withPeople && isIdleSeat(s)) {
      idle.push({
        tool: s.tool,
        githubLogin: s.githubLogin,
        email: s.email,
        employeeId: person?.id ?? null,
        name: person?.name ?? null,
        department: person?.department ?? null,
        plan: s.plan,
        lastActivityAt: s.lastActivityAt,
        daysSinceActivity: daysSinceActivity(s),
        monthlyCostUsd: s.monthlyCostUsd,
      });
    }
  }
  const listings = new Map<string, string>();
  for (const s of seats) listings.set(s.tool, s.asOf);
  idle.sort(
    (a, b) =>
      (b.monthlyCostUsd ?? 0) - (a.monthlyCostUsd ?? 0) ||
      (b.daysSinceActivity ?? 1e9) - (a.daysSinceActivity ?? 1e9),
  );
  return {
    block: {
      listings: [...listings.entries()].map(([tool, asOf]) => ({ tool, asOf })),
      utilisation: computeSeatUtilisation(inUnit),
      unmatchedSeats,
    },
    idle,
  };
}

function maskOf(size: number, nodes: Int32Array): Uint8Array {
  const m = new Uint8Array(size);
  for (const i of nodes) m[i] = 1;
  return m;
}
