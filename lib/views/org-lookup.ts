import { NodeKind } from '@/lib/metrics/roles';
import { mayLabelUnit, personAttribute, shownBelow } from './unit-labels';
import type { ViewContext } from './context';

export interface PersonHit {
  id: string;
  name: string | null;
  title: string | null;
  department: string | null;
  layer: number;
  span: number;
  subtreeSize: number;
}

/** Departments present in the actor's unit (for the department filter), with headcount. */
export function listDepartments(ctx: ViewContext): Array<{ name: string; people: number }> {
  const t = ctx.snap.tree;
  const counts = new Map<string, number>();
  const visit = (i: number) => {
    const d = t.records[i]?.department;
    if (d) counts.set(d, (counts.get(d) ?? 0) + (t.weight[i] ?? 0));
  };
  if (ctx.unit.nodes === null) for (let i = 0; i < t.size; i++) visit(i);
  else for (const i of ctx.unit.nodes) visit(i);
  return [...counts.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([name, people]) => ({ name, people }));
}

/** One person's card for the explorer and pickers (a viewer gets a unit label: no title). */
export function personHit(ctx: ViewContext, i: number): PersonHit {
  const t = ctx.snap.tree;
  const r = t.records[i];
  return {
    id: r?.employeeId ?? '',
    name: r?.name ?? null,
    title: personAttribute(ctx, r?.title),
    department: r?.department ?? null,
    layer: t.layer[i] ?? 0,
    span: t.span[i] ?? 0,
    subtreeSize: shownBelow(ctx, t, i) ?? 0,
  };
}

/**
 * People matching a name, id or title inside the actor's scope (subtree picker). Viewers find only
 * what ../unit-labels.ts lets them see: managers of units of at least min_group_size people, by
 * name or id (never by title, which is a single person's attribute).
 */
export function searchPeople(ctx: ViewContext, q: string, limit = 20): PersonHit[] {
  const t = ctx.snap.tree;
  const needle = q.trim().toLowerCase();
  if (!needle) return [];
  const hits: Array<{ i: number; score: number }> = [];
  const visit = (i: number) => {
    const k = t.kind[i];
    if (k === NodeKind.vacant || t.aggregated[i] === 1) return;
    if (!mayLabelUnit(ctx, t, i)) return;
    const r = t.records[i];
    if (!r) return;
    const id = r.employeeId.toLowerCase();
    const name = (r.name ?? '').toLowerCase();
    const title = (r.title ?? '').toLowerCase();
    let score = 0;
    if (id === needle) score = 100;
    else if (name.startsWith(needle)) score = 60;
    else if (name.includes(needle) || id.includes(needle)) score = 40;
    else if (ctx.canSeePeople && title.includes(needle)) score = 20;
    if (score) hits.push({ i, score: score + Math.min(19, Math.log2(1 + (t.subtreeSize[i] ?? 0))) });
  };
  if (ctx.unit.nodes === null) for (let i = 0; i < t.size; i++) visit(i);
  else for (const i of ctx.unit.nodes) visit(i);
  return hits
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((h) => personHit(ctx, h.i));
}
