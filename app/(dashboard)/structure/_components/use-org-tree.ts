'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrgTreeResponse, TreeLevel, TreeNode } from '@/lib/dal/dashboards/org-tree';
import { filtersToSearch } from '@/lib/query/dashboard';
import { fetchJson } from '@/lib/query/fetch-json';

export interface TreeEntry {
  node: TreeNode;
  /** null = children not fetched yet */
  childIds: string[] | null;
  more: number;
}

export interface OrgTreeState {
  entries: ReadonlyMap<string, TreeEntry>;
  /** ids at the top of the explorer (one root, or several for a forest) */
  topIds: string[];
  /** more roots than shown (forest with over 200 roots) */
  topMore: number;
  expanded: ReadonlySet<string>;
  loading: ReadonlySet<string>;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
}

const EMPTY: OrgTreeState = {
  entries: new Map(),
  topIds: [],
  topMore: 0,
  expanded: new Set(),
  loading: new Set(),
  status: 'loading',
  error: null,
};

const merge = (a: string[], b: string[]) => {
  const seen = new Set(a);
  return [...a, ...b.filter((id) => !seen.has(id))];
};

/** Folds levels from the API into the explorer state (children appended, never duplicated). */
function absorb(s: OrgTreeState, levels: TreeLevel[], expand: boolean): OrgTreeState {
  const entries = new Map(s.entries);
  const expanded = new Set(s.expanded);
  let topIds = s.topIds;
  let topMore = s.topMore;
  const put = (n: TreeNode) => {
    const had = entries.get(n.id);
    entries.set(n.id, { node: n, childIds: had?.childIds ?? null, more: had?.more ?? 0 });
    if (n.children) {
      n.children.forEach(put);
      entries.set(n.id, {
        node: n,
        childIds: merge(
          had?.childIds ?? [],
          n.children.map((c) => c.id),
        ),
        more: n.more ?? 0,
      });
    }
  };
  for (const level of levels) {
    level.children.forEach(put);
    const ids = level.children.map((c) => c.id);
    if (level.node === null) {
      topIds = merge(topIds, ids);
      topMore = level.more;
      continue;
    }
    put(level.node);
    const had = entries.get(level.node.id);
    entries.set(level.node.id, {
      node: level.node,
      childIds: merge(had?.childIds ?? [], ids),
      more: level.more,
    });
    if (expand) expanded.add(level.node.id);
  }
  return { ...s, entries, expanded, topIds, topMore };
}

/**
 * The explorer's client state: nodes fetched lazily from /api/org/tree (a node's reports only
 * when it is expanded; the path to a search hit in one request), kept per snapshot.
 */
export function useOrgTree(asOf: string | undefined) {
  const [state, setState] = useState<OrgTreeState>(EMPTY);
  // Callbacks read the latest state through a ref so they stay stable (rows are memoised).
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });
  const gen = useRef(0);
  const url = useCallback(
    (extra: Record<string, string | undefined>) => `/api/org/tree${filtersToSearch({ asOf }, extra)}`,
    [asOf],
  );

  useEffect(() => {
    // The explorer is keyed by snapshot, so a new asOf mounts a fresh state; this only fetches.
    const my = ++gen.current;
    fetchJson<OrgTreeResponse>(url({}))
      .then((r) => {
        if (gen.current !== my) return;
        setState(() => {
          const top = r.levels[0];
          const s = absorb({ ...EMPTY, status: 'ready' }, r.levels, true);
          return top?.node ? { ...s, topIds: [top.node.id] } : s;
        });
      })
      .catch((e: unknown) => {
        if (gen.current !== my) return;
        setState({
          ...EMPTY,
          status: 'error',
          error: e instanceof Error ? e.message : 'Could not load the org.',
        });
      });
  }, [url]);

  const setLoading = (id: string, on: boolean) =>
    setState((s) => {
      const loading = new Set(s.loading);
      if (on) loading.add(id);
      else loading.delete(id);
      return { ...s, loading };
    });

  /** Opens or closes a node, fetching its reports the first time. */
  const toggle = useCallback(
    async (id: string, open?: boolean) => {
      const now = stateRef.current;
      const entry = now.entries.get(id);
      if (!entry || entry.node.childCount === 0) return;
      const willOpen = open ?? !now.expanded.has(id);
      if (!willOpen || entry.childIds !== null) {
        setState((s) => {
          const expanded = new Set(s.expanded);
          if (willOpen) expanded.add(id);
          else expanded.delete(id);
          return { ...s, expanded };
        });
        return;
      }
      const my = gen.current;
      setLoading(id, true);
      try {
        const r = await fetchJson<OrgTreeResponse>(url({ root: id }));
        if (gen.current === my) setState((s) => absorb(s, r.levels, true));
      } finally {
        if (gen.current === my) setLoading(id, false);
      }
    },
    [url],
  );

  /** Fetches the next page of a node's reports (or of the forest's roots when id is null). */
  const loadMore = useCallback(
    async (id: string | null) => {
      const my = gen.current;
      const key = id ?? '~top';
      const now = stateRef.current;
      if (now.loading.has(key)) return;
      const offset = id === null ? now.topIds.length : (now.entries.get(id)?.childIds?.length ?? 0);
      setLoading(key, true);
      try {
        const r = await fetchJson<OrgTreeResponse>(url({ root: id ?? undefined, offset: String(offset) }));
        if (gen.current === my) setState((s) => absorb(s, r.levels, true));
      } finally {
        if (gen.current === my) setLoading(key, false);
      }
    },
    [url],
  );

  /** Opens every level from the top down to a person; resolves to their node. */
  const reveal = useCallback(
    async (id: string): Promise<TreeNode | null> => {
      const my = gen.current;
      const r = await fetchJson<OrgTreeResponse>(url({ reveal: id }));
      if (gen.current !== my) return null;
      setState((s) => {
        const next = absorb(s, r.levels, true);
        if (!r.target) return next;
        const entries = new Map(next.entries);
        const had = entries.get(r.target.id);
        entries.set(r.target.id, { node: r.target, childIds: had?.childIds ?? null, more: had?.more ?? 0 });
        return { ...next, entries };
      });
      return r.target;
    },
    [url],
  );

  return { state, toggle, loadMore, reveal };
}
