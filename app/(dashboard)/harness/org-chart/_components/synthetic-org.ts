import { CHILD_PAGE, type OrgTreeResponse, type TreeLevel, type TreeNode } from '@/lib/views/org-tree';

/**
 * A synthetic org for the chart's test harness: a chief (H0) over managers M01..M11; M01-M10 lead
 * 100 ICs each (1,011 boxes once all ten are open), M11 leads 250 (a second page). Answers the
 * same requests as GET /api/org/tree, and applies moves, so the harness can edit it.
 */
export type SyntheticOrg = Map<string, string | null>;

export function syntheticOrg(): SyntheticOrg {
  const parent: SyntheticOrg = new Map([['H0', null]]);
  for (let m = 1; m <= 11; m++) {
    const id = `M${String(m).padStart(2, '0')}`;
    parent.set(id, 'H0');
    for (let i = 1; i <= (m === 11 ? 250 : 100); i++) parent.set(`${id}-${String(i).padStart(3, '0')}`, id);
  }
  return parent;
}

function childrenOf(org: SyntheticOrg): Map<string, string[]> {
  const kids = new Map<string, string[]>();
  for (const [id, p] of org) if (p) kids.set(p, [...(kids.get(p) ?? []), id]);
  return kids;
}

function nodeOf(org: SyntheticOrg, kids: Map<string, string[]>, id: string): TreeNode {
  const size = (v: string): number => (kids.get(v) ?? []).reduce((n, c) => n + 1 + size(c), 0);
  let layer = 1;
  for (let v = org.get(id); v; v = org.get(v)) layer++;
  const span = kids.get(id)?.length ?? 0;
  return {
    id,
    kind: 'person',
    name: id === 'H0' ? 'Harness Chief' : `Person ${id}`,
    title: span > 0 ? 'Manager' : 'Engineer',
    department: null,
    layer,
    span,
    subtreeSize: size(id),
    childCount: span,
    level:
      span === 0
        ? 'ic'
        : (kids.get(id) ?? []).some((c) => kids.has(c))
          ? 'managerOfManagers'
          : 'managerOfIcs',
  };
}

/** The answer GET /api/org/tree would give for these parameters on this org. */
export function answer(
  org: SyntheticOrg,
  p: { root?: string; offset?: number; reveal?: string },
): OrgTreeResponse {
  const kids = childrenOf(org);
  const levelOf = (id: string, offset = 0): TreeLevel => {
    const all = kids.get(id) ?? [];
    const page = all.slice(offset, offset + CHILD_PAGE);
    return {
      node: nodeOf(org, kids, id),
      children: page.map((c) => nodeOf(org, kids, c)),
      offset,
      more: Math.max(0, all.length - offset - page.length),
    };
  };
  if (p.reveal) {
    if (!org.has(p.reveal)) throw new Error(`No ${p.reveal} in the harness org.`);
    const path: string[] = [];
    for (let v = org.get(p.reveal); v; v = org.get(v)) path.unshift(v);
    return { asOf: '2026-01-31', levels: path.map((id) => levelOf(id)), target: nodeOf(org, kids, p.reveal) };
  }
  return { asOf: '2026-01-31', levels: [levelOf(p.root ?? 'H0', p.offset ?? 0)], target: null };
}
