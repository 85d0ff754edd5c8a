/**
 * Which dashboard views the cold-view benchmark asks for (pure, seeded). A view is one dashboard
 * family for one manager's subtree in one snapshot; every view in a plan is distinct, so no answer
 * can come from the server's answer cache. Families are spread evenly and shuffled, so each has
 * its own percentile and none always runs right after a snapshot was first loaded.
 */
import { createRng, type Rng } from '@/cli/demo/prng';
import { familyPath } from '@/lib/query/families';

/**
 * The dashboard families the app serves for a unit: every family of the registry behind
 * app/api/metrics/[family] (a unit test checks this list against lib/query/families.ts) plus the
 * org explorer's /api/org/tree.
 */
export const VIEW_FAMILIES = [
  'overview',
  'structure',
  'ladder',
  'ceiling-risk',
  'trends',
  'compare',
  'ai',
  'off-target',
  'org-tree',
] as const;
export type ViewFamily = (typeof VIEW_FAMILIES)[number];

/** One view: a family, a snapshot date and the manager whose subtree it shows. */
export interface View {
  family: ViewFamily;
  asOf: string;
  manager: string;
}

/** A snapshot and the stored people in it who have reports (the subtrees a leader can open). */
export interface SnapshotManagers {
  asOf: string;
  managers: readonly string[];
}

/** The request a dashboard page makes for the view. */
export function viewUrl(v: View): string {
  const q = new URLSearchParams({ asOf: v.asOf });
  if (v.family === 'org-tree') {
    q.set('root', v.manager);
    return `/api/org/tree?${q.toString()}`;
  }
  q.set('subtree', v.manager);
  return `${familyPath(v.family)}?${q.toString()}`;
}

const keyOf = (v: View) => `${v.family}|${v.asOf}|${v.manager}`;

/** Families repeated evenly to `count` entries, then shuffled (Fisher-Yates). */
function familyOrder(rng: Rng, families: readonly ViewFamily[], count: number): ViewFamily[] {
  const out: ViewFamily[] = [];
  for (let i = 0; i < count; i++) out.push(families[i % families.length] as ViewFamily);
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j] as ViewFamily, out[i] as ViewFamily];
  }
  return out;
}

/** A view of `family` not in `seen`: random draws first, then the first free one in order. */
function drawView(rng: Rng, family: ViewFamily, snaps: readonly SnapshotManagers[], seen: Set<string>) {
  for (let attempt = 0; attempt < 64; attempt++) {
    const s = snaps[rng.int(snaps.length)];
    if (!s || s.managers.length === 0) continue;
    const v: View = { family, asOf: s.asOf, manager: s.managers[rng.int(s.managers.length)] ?? '' };
    if (!seen.has(keyOf(v))) return v;
  }
  for (const s of snaps)
    for (const manager of s.managers) {
      const v: View = { family, asOf: s.asOf, manager };
      if (!seen.has(keyOf(v))) return v;
    }
  return null;
}

/**
 * `cold` views to ask one by one and a `pool` for concurrent clients, all distinct: a snapshot
 * drawn uniformly, then a manager of that snapshot uniformly. Throws when the snapshots hold too
 * few managers for that many distinct views.
 */
export function planViews(opts: {
  snapshots: readonly SnapshotManagers[];
  cold: number;
  pool: number;
  seed: number;
  families?: readonly ViewFamily[];
}): { cold: View[]; pool: View[] } {
  const families = opts.families ?? VIEW_FAMILIES;
  if (families.length === 0) throw new Error('no view families to plan');
  const rng = createRng(opts.seed);
  const seen = new Set<string>();
  const draw = (count: number) =>
    familyOrder(rng, families, count).map((family) => {
      const v = drawView(rng, family, opts.snapshots, seen);
      if (v === null)
        throw new Error(`too few managers for ${opts.cold + opts.pool} distinct views (family ${family})`);
      seen.add(keyOf(v));
      return v;
    });
  const cold = draw(opts.cold);
  return { cold, pool: draw(opts.pool) };
}
