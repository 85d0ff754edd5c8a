'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrgTreeResponse, TreeNode } from '@/lib/views/org-tree';
import { absorbLevels, EMPTY_TREE, initialTree, type OrgTreeState } from '@/lib/views/org-tree-state';
import { filtersToSearch } from '@/lib/query/dashboard';
import { fetchJson } from '@/lib/query/fetch-json';

/** What GET /api/org/tree accepts: a node's reports (paged by offset, 1-3 levels), or the path to one person. */
export interface OrgTreeParams {
  root?: string;
  offset?: number;
  depth?: number;
  /** the levels from the top down to this person (search); a loader without search may ignore it */
  reveal?: string;
}

/** Fetches one piece of an org tree; OrgTreeResponse is exactly what GET /api/org/tree returns. */
export type OrgTreeLoader = (params: OrgTreeParams) => Promise<OrgTreeResponse>;

/** The loader of a snapshot's real tree, through GET /api/org/tree (the server applies scope and privacy). */
export function snapshotTreeLoader(asOf: string | undefined): OrgTreeLoader {
  return (p) =>
    fetchJson<OrgTreeResponse>(
      `/api/org/tree${filtersToSearch(
        { asOf },
        {
          root: p.root,
          reveal: p.reveal,
          offset: p.offset === undefined ? undefined : String(p.offset),
          depth: p.depth === undefined ? undefined : String(p.depth),
        },
      )}`,
    );
}

const message = (e: unknown) => (e instanceof Error ? e.message : 'Could not load the org.');

/**
 * A lazily fetched org tree (a node's reports only when it is opened; the path to a search hit in
 * one request), used by the org explorer and the visual org chart. A new `load` (another snapshot,
 * or a scenario after an operation) fetches again and keeps open every branch that still exists.
 */
export function useOrgTree(load: OrgTreeLoader) {
  const [state, setState] = useState<OrgTreeState>(EMPTY_TREE);
  // Callbacks read the latest state through a ref so they stay stable (rows are memoised).
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });
  const gen = useRef(0);

  useEffect(() => {
    const my = ++gen.current;
    const keep = [...stateRef.current.expanded];
    (async () => {
      const first = await load({});
      // Re-open what was open (a reload after a change); branches that went away are dropped.
      const again = await Promise.allSettled(
        keep.filter((id) => !first.levels.some((l) => l.node?.id === id)).map((id) => load({ root: id })),
      );
      if (gen.current !== my) return;
      let s = initialTree(first.levels);
      for (const r of again) if (r.status === 'fulfilled') s = absorbLevels(s, r.value.levels, true);
      setState(s);
    })().catch((e: unknown) => {
      if (gen.current === my) setState({ ...EMPTY_TREE, status: 'error', error: message(e) });
    });
  }, [load]);

  const setLoading = (id: string, on: boolean) =>
    setState((s) => {
      const loading = new Set(s.loading);
      if (on) loading.add(id);
      else loading.delete(id);
      return { ...s, loading };
    });

  /** Opens or closes a node, fetching its reports the first time (depth > 1 opens that many levels). */
  const toggle = useCallback(
    async (id: string, open?: boolean, depth?: number) => {
      const now = stateRef.current;
      const entry = now.entries.get(id);
      if (!entry || entry.node.childCount === 0) return;
      const willOpen = open ?? !now.expanded.has(id);
      if (!willOpen || (entry.childIds !== null && !depth)) {
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
        const r = await load({ root: id, ...(depth ? { depth } : {}) });
        if (gen.current === my) setState((s) => absorbLevels(s, r.levels, true));
      } finally {
        if (gen.current === my) setLoading(id, false);
      }
    },
    [load],
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
        const r = await load({ root: id ?? undefined, offset });
        if (gen.current === my) setState((s) => absorbLevels(s, r.levels, true));
      } finally {
        if (gen.current === my) setLoading(key, false);
      }
    },
    [load],
  );

  /** Opens every level from the top down to a person; resolves to their node. */
  const reveal = useCallback(
    async (id: string): Promise<TreeNode | null> => {
      const my = gen.current;
      const r = await load({ reveal: id });
      if (gen.current !== my) return null;
      setState((s) => {
        const next = absorbLevels(s, r.levels, true);
        if (!r.target) return next;
        const entries = new Map(next.entries);
        const had = entries.get(r.target.id);
        entries.set(r.target.id, { node: r.target, childIds: had?.childIds ?? null, more: had?.more ?? 0 });
        return { ...next, entries };
      });
      return r.target;
    },
    [load],
  );

  return { state, toggle, loadMore, reveal };
}
