'use client';

import { personName } from '@/lib/person-name';
import { hiddenText } from '@/lib/privacy/hidden-text';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PersonHit } from '@/lib/views/org-lookup';
import { filtersToSearch, readFilters } from '@/lib/query/dashboard';
import { ErrorCard, Skeleton } from '@/app/_components/ui/states';
import { snapshotTreeLoader, useOrgTree } from '@/app/_components/org-chart/use-org-tree';
import { ExplorerSearch } from './explorer-search';
import { flattenVisible, type VisibleRow } from './tree-rows';
import { isScopable, TreeNodeRow } from './tree-node-row';
import styles from './structure.module.css';

const domIdOf = (id: string) => `orgnode-${id.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0)}`)}`;

/**
 * The org explorer: an indented, collapsible tree (WAI-ARIA tree pattern) fetched one level at a
 * time. Arrow keys move and open/close, Home/End jump, Enter scopes the whole dashboard to the
 * focused node (?subtree=ID), as clicking a name or "Scope dashboard here" does.
 */
export function OrgExplorer({ canSeePeople, minGroupSize }: { canSeePeople: boolean; minGroupSize: number }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = readFilters(params);
  const load = useMemo(() => snapshotTreeLoader(filters.asOf), [filters.asOf]);
  const { state, toggle, loadMore, reveal } = useOrgTree(load);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const treeRef = useRef<HTMLUListElement>(null);
  const rows = useMemo(() => flattenVisible(state), [state]);
  const current = filters.subtree ?? null;

  // Open the path to the dashboard's current subtree so the explorer shows where you are.
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    if (state.status !== 'ready' || !current || revealed.current === `${filters.asOf}:${current}`) return;
    revealed.current = `${filters.asOf}:${current}`;
    if (state.entries.has(current) && rows.some((r) => r.key === current)) return;
    reveal(current).catch(() => undefined);
  }, [state.status, state.entries, current, filters.asOf, reveal, rows]);

  // Focus moves after the render that puts the row on screen (a revealed path commits later).
  const pendingFocus = useRef<string | null>(null);
  const [, setFocusTick] = useState(0);
  useEffect(() => {
    const key = pendingFocus.current;
    if (!key) return;
    const el = document.getElementById(key.startsWith('more:') ? `orgmore-${key}` : domIdOf(key));
    if (!el) return;
    pendingFocus.current = null;
    el.focus();
    el.scrollIntoView({ block: 'nearest' });
  });
  const focusKey = useCallback((key: string) => {
    pendingFocus.current = key;
    setActiveKey(key);
    setFocusTick((t) => t + 1);
  }, []);

  // Stable callbacks for the memoised rows read the latest URL and nodes through a ref.
  const latest = useRef({ filters, entries: state.entries, pathname });
  useEffect(() => {
    latest.current = { filters, entries: state.entries, pathname };
  });
  const scope = useCallback(
    (id: string) => {
      const { filters: f, entries, pathname: path } = latest.current;
      router.push(`${path}${filtersToSearch({ ...f, subtree: id })}`, { scroll: false });
      setMessage(`Dashboard scoped to ${personName(entries.get(id)?.node ?? { name: null, id })}.`);
    },
    [router],
  );
  const toggleById = useCallback((id: string) => void toggle(id), [toggle]);

  const onPick = useCallback(
    async (hit: PersonHit) => {
      try {
        const node = await reveal(hit.id);
        if (!node) return;
        setHighlight(node.id);
        setMessage(`Opened the path to ${personName(node)}.`);
        focusKey(node.id);
      } catch (e) {
        setMessage(e instanceof Error ? e.message : 'Could not open that person.');
      }
    },
    [reveal, focusKey],
  );

  const active = activeKey && rows.some((r) => r.key === activeKey) ? activeKey : (rows[0]?.key ?? null);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const at = rows.findIndex((r) => r.key === active);
    const row = rows[at];
    if (!row) return;
    const entry = row.kind === 'node' ? state.entries.get(row.id) : undefined;
    const canOpen = !!entry && entry.node.childCount > 0 && isScopable(entry.node);
    const isOpen = row.kind === 'node' && state.expanded.has(row.id);
    const go = (r: VisibleRow | undefined) => r && focusKey(r.key);
    switch (e.key) {
      case 'ArrowDown':
        go(rows[at + 1]);
        break;
      case 'ArrowUp':
        go(rows[at - 1]);
        break;
      case 'Home':
        go(rows[0]);
        break;
      case 'End':
        go(rows[rows.length - 1]);
        break;
      case 'ArrowRight':
        if (row.kind !== 'node' || !canOpen) break;
        if (!isOpen) void toggle(row.id, true);
        else go(rows[at + 1]?.depth === row.depth + 1 ? rows[at + 1] : undefined);
        break;
      case 'ArrowLeft':
        if (row.kind === 'node' && isOpen) void toggle(row.id, false);
        else if (row.parentId) focusKey(row.parentId);
        break;
      case 'Enter':
      case ' ':
        if (row.kind === 'more') void loadMore(row.parentId);
        else if (e.key === ' ' && canOpen) void toggle(row.id);
        else if (e.key === 'Enter' && entry && isScopable(entry.node) && entry.node.childCount > 0)
          scope(row.id);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  if (state.status === 'loading') return <Skeleton height={260} label="Loading the org explorer" />;
  if (state.status === 'error') return <ErrorCard message={state.error ?? 'Could not load the org.'} />;

  return (
    <div className={styles.explorer}>
      <ExplorerSearch
        asOf={filters.asOf}
        onPick={onPick}
        peopleHint={canSeePeople ? 'anyone in your scope' : `managers of teams of ${minGroupSize} or more`}
        placeholder={canSeePeople ? 'Name, employee id or title' : 'Name or employee id'}
      />
      <p className="muted" id="explorer-help">
        Arrow keys move and open or close a branch; Enter (or clicking a name) scopes the whole dashboard to
        that person&apos;s subtree; Space opens or closes. Branches are fetched as you open them, largest
        first.
        {!canSeePeople &&
          ` Individual contributors are shown as counts, and teams of ${hiddenText({ minGroupSize, reason: 'small' })} without a name.`}
      </p>
      <span className="visually-hidden" role="status" aria-live="polite">
        {message}
      </span>
      <ul
        ref={treeRef}
        role="tree"
        aria-label="Org explorer"
        aria-describedby="explorer-help"
        className={styles.tree}
        onKeyDown={onKeyDown}
        data-testid="org-tree"
      >
        {rows.map((r) => {
          if (r.kind === 'more') {
            const busy = state.loading.has(r.parentId ?? '~top');
            return (
              <li
                key={r.key}
                id={`orgmore-${r.key}`}
                role="treeitem"
                aria-level={r.depth}
                aria-setsize={r.size}
                aria-posinset={r.pos}
                aria-selected={false}
                tabIndex={active === r.key ? 0 : -1}
                className={`${styles.treeRow} ${styles.moreRow}`}
                style={{ paddingLeft: `${Math.min(r.depth - 1, 12) * 1.1 + 1.75}rem` }}
                onClick={() => void loadMore(r.parentId)}
                onFocus={() => setActiveKey(r.key)}
              >
                {busy
                  ? 'Loading…'
                  : `Show ${Math.min(200, r.count).toLocaleString('en')} more (${r.count.toLocaleString('en')} not shown)`}
              </li>
            );
          }
          const entry = state.entries.get(r.id);
          if (!entry) return null;
          return (
            <TreeNodeRow
              key={r.key}
              domId={domIdOf(r.id)}
              node={entry.node}
              depth={r.depth}
              pos={r.pos}
              size={r.size}
              expanded={state.expanded.has(r.id)}
              loading={state.loading.has(r.id)}
              active={active === r.key}
              current={current === r.id}
              highlighted={highlight === r.id}
              onToggle={toggleById}
              onScope={scope}
              onFocusRow={setActiveKey}
            />
          );
        })}
      </ul>
    </div>
  );
}
