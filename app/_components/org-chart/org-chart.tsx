'use client';

import { personName } from '@/lib/person-name';
import '@xyflow/react/dist/style.css';
import {
  Controls,
  getViewportForBounds,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type Node,
  type NodeChange,
  type OnNodeDrag,
  type Viewport,
} from '@xyflow/react';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  BOX_H,
  BOX_W,
  layoutBounds,
  layoutOrgChart,
  pickDropTarget,
  type ChartLayout,
} from '@/lib/views/org-chart-layout';
import { isRecord, type OrgTreeState } from '@/lib/views/org-tree-state';
import { PersonCombobox, type PersonOption } from '@/app/_components/ui/person-combobox';
import { ErrorCard, Skeleton } from '@/app/_components/ui/states';
import { ChartContext, NODE_TYPES, type ChartActions } from './org-chart-boxes';
import { useOrgTree, type OrgTreeLoader } from './use-org-tree';
import styles from './org-chart.module.css';

export type { OrgTreeLoader, OrgTreeParams } from './use-org-tree';

export interface OrgChartProps {
  /**
   * Fetches one piece of the tree: `{}` = the top, `{root, offset}` = a page of root's reports,
   * `{reveal}` = the path from the top to a person (search). Give a new function to fetch again
   * (e.g. after a scenario operation); the open branches stay open.
   */
  load: OrgTreeLoader;
  /** shows "Find in the chart" over the people of this snapshot (needs `load` to answer `reveal`) */
  search?: { asOf?: string; hint: string; placeholder?: string };
  /** editing: dropping a box on another person's box asks to move it there (the box snaps back) */
  onMove?: (id: string, toId: string) => void;
  /** a button on each manager's box (e.g. scope the dashboard to them) */
  onOpen?: (id: string) => void;
  openLabel?: string;
  /** names the chart region for assistive technology */
  label?: string;
  height?: number | string;
}

const flowNode = (
  b: ChartLayout['boxes'][number],
  type: 'person' | 'more' | 'frame',
  data: Record<string, unknown>,
  draggable = false,
): Node => ({
  id: b.id,
  type,
  position: { x: b.x, y: b.y },
  width: b.kind === 'frame' ? b.width : BOX_W,
  height: b.kind === 'frame' ? b.height : BOX_H,
  data,
  draggable,
  selectable: false,
  // team frames under the boxes they hold
  zIndex: type === 'frame' ? 0 : 1,
});

const toFlow = (layout: ChartLayout, editable: boolean): { nodes: Node[]; edges: Edge[] } => ({
  nodes: layout.boxes.map((b) =>
    b.kind === 'frame'
      ? flowNode(b, 'frame', {})
      : b.kind === 'more'
        ? flowNode(b, 'more', { parentId: b.parentId, count: b.count })
        : flowNode(b, 'person', { node: b.node }, editable && isRecord(b.node)),
  ),
  edges: layout.links.map((l) => ({ id: l.id, source: l.source, target: l.target, type: 'smoothstep' })),
});

const MIN_ZOOM = 0.02;
/** The least zoom of the first view: box text stays legible (the rest is a drag or "Fit" away). */
const FIRST_ZOOM = 0.6;
/** Below this zoom text is unreadable anyway: boxes drop it, so 1,000 of them pan smoothly. */
const FAR_ZOOM = 0.2;

/**
 * The visual org chart: boxes and lines laid out by lib/views/org-chart-layout.ts, drawn with React
 * Flow (zoom, pan, only the boxes in view rendered), fetched a manager's reports at a time through
 * `load`. Keyboard and screen-reader users have the org explorer; the chart points to it.
 */
export function OrgChart(props: OrgChartProps) {
  return (
    <ReactFlowProvider>
      <OrgChartInner {...props} />
    </ReactFlowProvider>
  );
}

function OrgChartInner({
  load,
  search,
  onMove,
  onOpen,
  openLabel = 'Open',
  label = 'Org chart',
  height,
}: OrgChartProps) {
  const { state, toggle, loadMore, reveal } = useOrgTree(load);
  const flow = useReactFlow();
  const editable = !!onMove;
  const layout = useMemo(() => layoutOrgChart(state), [state]);
  const base = useMemo(() => toFlow(layout, editable), [layout, editable]);
  const [drag, setDrag] = useState<{ id: string; x: number; y: number } | null>(null);
  const [hint, setHint] = useState<{ id: string; ok: boolean } | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const nodes = useMemo(
    () =>
      drag
        ? base.nodes.map((n) => (n.id === drag.id ? { ...n, position: { x: drag.x, y: drag.y } } : n))
        : base.nodes,
    [base.nodes, drag],
  );
  const latest = useRef<OrgTreeState>(state);
  useEffect(() => {
    latest.current = state;
  });

  // "Fit" from the layout itself: boxes out of view are never rendered, so React Flow's own
  // fitView (measured boxes only) would fit just the ones drawn so far.
  const canvasRef = useRef<HTMLElement>(null);
  const layoutRef = useRef(layout);
  useEffect(() => {
    layoutRef.current = layout;
  });
  const onViewport = useCallback((v: Viewport) => {
    canvasRef.current?.classList.toggle(styles.far ?? 'far', v.zoom < FAR_ZOOM);
  }, []);
  const fit = useCallback(
    (minZoom: number = MIN_ZOOM) => {
      const b = layoutBounds(layoutRef.current);
      const el = canvasRef.current;
      if (!b || !el) return;
      const v = getViewportForBounds(b, el.clientWidth, el.clientHeight, minZoom, 1, 0.1);
      onViewport(v);
      void flow.setViewport(v);
    },
    [flow, onViewport],
  );

  // Fit the first answer in view; centre on a search hit once its box is laid out.
  const fitted = useRef(false);
  const pendingCenter = useRef<string | null>(null);
  useEffect(() => {
    if (!fitted.current && layout.boxes.length > 0) {
      fitted.current = true;
      // the first view stays readable (a top with ten reports in a phone-wide card was drawn
      // too small to read); "Fit the chart" shows everything however small
      requestAnimationFrame(() => fit(FIRST_ZOOM));
    }
    const id = pendingCenter.current;
    const box = id ? layout.boxes.find((b) => b.id === id) : undefined;
    if (!box) return;
    pendingCenter.current = null;
    const zoom = Math.max(flow.getZoom(), 0.9);
    onViewport({ x: 0, y: 0, zoom });
    void flow.setCenter(box.x + BOX_W / 2, box.y + BOX_H / 2, { zoom, duration: 300 });
    canvasRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [layout, flow, fit, onViewport]);

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    for (const c of changes)
      if (c.type === 'position' && c.position && c.dragging)
        setDrag({ id: c.id, x: c.position.x, y: c.position.y });
  }, []);

  const targetAt = useCallback(
    (e: MouseEvent | TouchEvent, id: string) => {
      const pt = 'clientX' in e ? e : (e.changedTouches[0] ?? e.touches[0]);
      if (!pt) return null;
      const p = flow.screenToFlowPosition({ x: pt.clientX, y: pt.clientY });
      const under = flow.getIntersectingNodes({ x: p.x, y: p.y, width: 1, height: 1 }).map((n) => n.id);
      return pickDropTarget(latest.current, id, under);
    },
    [flow],
  );
  const onNodeDrag: OnNodeDrag = useCallback(
    (e, node) => {
      const t = targetAt(e, node.id);
      setHint((h) => (h?.id === t?.id && h?.ok === t?.ok ? h : t));
    },
    [targetAt],
  );
  const onNodeDragStop: OnNodeDrag = useCallback(
    (e, node) => {
      const t = targetAt(e, node.id);
      setDrag(null);
      setHint(null);
      const name = (id: string) => latest.current.entries.get(id)?.node.name ?? id;
      if (t?.ok && onMove) {
        setMessage(`Moving ${name(node.id)} under ${name(t.id)}.`);
        onMove(node.id, t.id);
      } else if (t)
        setMessage(
          `${name(node.id)} cannot move under ${name(t.id)} (itself, its own team or its manager already).`,
        );
    },
    [targetAt, onMove],
  );

  const onPick = useCallback(
    async (hit: PersonOption) => {
      try {
        const node = await reveal(hit.id);
        if (!node) return;
        setHighlight(node.id);
        pendingCenter.current = node.id;
        setMessage(`Showing ${personName(node)}.`);
      } catch (e) {
        setMessage(e instanceof Error ? e.message : 'Could not show that person.');
      }
    },
    [reveal],
  );

  const actions = useMemo<ChartActions>(
    () => ({
      expanded: state.expanded,
      loading: state.loading,
      hint,
      highlight,
      toggle: (id) => void toggle(id),
      loadMore: (id) => void loadMore(id),
      onOpen,
      openLabel,
    }),
    [state.expanded, state.loading, hint, highlight, toggle, loadMore, onOpen, openLabel],
  );
  const searchId = `${useId()}-find`;
  const helpId = `${useId()}-help`;

  if (state.status === 'loading') return <Skeleton height={320} label="Loading the org chart" />;
  if (state.status === 'error') return <ErrorCard message={state.error ?? 'Could not load the org.'} />;

  return (
    <div className={styles.wrap}>
      {search && (
        <div className={`field combo ${styles.search}`}>
          <label htmlFor={searchId}>
            Find in the chart <span className="hint">({search.hint})</span>
          </label>
          <PersonCombobox
            inputId={searchId}
            asOf={search.asOf}
            type="search"
            placeholder={search.placeholder ?? 'Name or employee id'}
            showNoMatch
            onChoose={(hit) => void onPick(hit)}
          />
        </div>
      )}
      <p className="muted" id={helpId}>
        Drag the background to pan, scroll or pinch to zoom; + opens a manager&apos;s team.
        {editable && ' Drag a box onto another person to move them (and their team) there.'} Keyboard and
        screen-reader users: the Explorer lists the same tree as an accessible tree.
      </p>
      <span className="visually-hidden" role="status" aria-live="polite">
        {message}
      </span>
      <div className={styles.toolbar}>
        <button type="button" className="secondary" onClick={() => fit()}>
          Fit the chart
        </button>
      </div>
      <section
        ref={canvasRef}
        className={styles.canvas}
        style={height === undefined ? undefined : { height }}
        aria-label={label}
        aria-describedby={helpId}
        data-testid="org-chart"
        data-boxes={layout.boxes.filter((b) => b.kind !== 'frame').length}
      >
        <ChartContext.Provider value={actions}>
          <ReactFlow
            nodes={nodes}
            edges={base.edges}
            nodeTypes={NODE_TYPES}
            onNodesChange={onNodesChange}
            onNodeDrag={editable ? onNodeDrag : undefined}
            onNodeDragStop={editable ? onNodeDragStop : undefined}
            nodesDraggable={editable}
            nodesConnectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            elementsSelectable={false}
            onlyRenderVisibleElements
            onMove={(_, v) => onViewport(v)}
            onMoveStart={() => canvasRef.current?.classList.add(styles.panning ?? 'panning')}
            onMoveEnd={() => canvasRef.current?.classList.remove(styles.panning ?? 'panning')}
            minZoom={MIN_ZOOM}
            maxZoom={2}
            nodeDragThreshold={4}
            proOptions={{ hideAttribution: false }}
          >
            <Controls showInteractive={false} showFitView={false} />
          </ReactFlow>
        </ChartContext.Provider>
      </section>
    </div>
  );
}
