/** Small, independent readers for the demo files (deliberately not the generator's own code). */

/** Parse RFC 4180 CSV text into header-keyed rows. */
export function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      records.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    records.push(row);
  }
  const [header, ...body] = records;
  if (header === undefined) return [];
  return body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
}

export interface Tree {
  rows: Record<string, string>[];
  byId: Map<string, Record<string, string>>;
  kids: Map<string, string[]>;
  layer: Map<string, number>;
  roots: string[];
}

/** Index a snapshot and lay out layers breadth-first from its roots. */
export function buildTree(rows: Record<string, string>[]): Tree {
  const byId = new Map<string, Record<string, string>>();
  const kids = new Map<string, string[]>();
  const roots: string[] = [];
  for (const r of rows) {
    const id = r.employee_id ?? '';
    byId.set(id, r);
    const m = r.manager_id ?? '';
    if (m === '') roots.push(id);
    else kids.set(m, [...(kids.get(m) ?? []), id]);
  }
  const layer = new Map<string, number>();
  const queue = roots.slice();
  for (const r of roots) layer.set(r, 1);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] ?? '';
    for (const c of kids.get(id) ?? []) {
      if (layer.has(c)) continue;
      layer.set(c, (layer.get(id) ?? 0) + 1);
      queue.push(c);
    }
  }
  return { rows, byId, kids, layer, roots };
}

/** Managers of managers below the top two layers (SPEC.md middle managers). */
export function countMiddleManagers(t: Tree): number {
  let n = 0;
  for (const [id, l] of t.layer) {
    if (l <= 2) continue;
    if ((t.kids.get(id) ?? []).some((c) => (t.kids.get(c)?.length ?? 0) > 0)) n++;
  }
  return n;
}

/** Median with linear interpolation. */
export function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const pos = (s.length - 1) / 2;
  const lo = Math.floor(pos);
  return (s[lo] ?? 0) + ((s[Math.ceil(pos)] ?? 0) - (s[lo] ?? 0)) * (pos - lo);
}

/** Rank of a level code on its track (IC1 -> 1, M3 -> 3). */
export function levelRank(code: string): number {
  return Number(code.replace(/^(IC|M)/, ''));
}
