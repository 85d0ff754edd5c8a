'use client';

import { counted } from '@/lib/plural';
import { personName } from '@/lib/person-name';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { createContext, memo, useContext } from 'react';
import type { TreeNode } from '@/lib/views/org-tree';
import { isRecord, LEVEL_LABEL } from '@/lib/views/org-tree-state';
import styles from './org-chart.module.css';

/** What the boxes need from the chart; one context so a box's data stays its tree node alone. */
export interface ChartActions {
  expanded: ReadonlySet<string>;
  loading: ReadonlySet<string>;
  /** the box under a dragged box: green when the drop is a valid move, red when refused */
  hint: { id: string; ok: boolean } | null;
  highlight: string | null;
  toggle: (id: string) => void;
  loadMore: (parentId: string | null) => void;
  onOpen?: (id: string) => void;
  openLabel: string;
}

export const ChartContext = createContext<ChartActions | null>(null);

const num = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 2 });

export type PersonBoxNode = Node<{ node: TreeNode }, 'person'>;
export type MoreBoxNode = Node<{ parentId: string | null; count: number }, 'more'>;
export type FrameBoxNode = Node<Record<string, never>, 'frame'>;

const HIDDEN_HANDLE = { opacity: 0, pointerEvents: 'none' } as const;

/** A person, position or folded group: name, title, level, layer, span and headcount below. */
const PersonBox = memo(function PersonBox({ data, id }: NodeProps<PersonBoxNode>) {
  const ctx = useContext(ChartContext);
  const n = data.node;
  const record = isRecord(n);
  const open = ctx?.expanded.has(id) ?? false;
  const busy = ctx?.loading.has(id) ?? false;
  const hint = ctx?.hint?.id === id ? (ctx.hint.ok ? styles.dropOk : styles.dropNo) : '';
  const cls = [styles.box, record ? '' : styles.group, n.kind === 'vacant' ? styles.vacant : '', hint]
    .concat(ctx?.highlight === id ? [styles.highlight] : [])
    .filter(Boolean)
    .join(' ');
  const label = personName(n);
  return (
    <div
      className={cls}
      data-box-id={id}
      data-kind={n.kind}
      data-drop={ctx?.hint?.id === id ? (ctx.hint.ok ? 'ok' : 'refused') : undefined}
      data-highlight={ctx?.highlight === id || undefined}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} style={HIDDEN_HANDLE} />
      <div className={styles.name} title={label}>
        {label}
      </div>
      {n.title && n.kind !== 'aggregate' && (
        <div className={styles.title} title={n.title}>
          {n.title}
        </div>
      )}
      {record ? (
        <div className={styles.stats}>
          {n.level && <span className={styles.level}>{LEVEL_LABEL[n.level]}</span>}
          <span>L{n.layer}</span>
          {n.span > 0 && <span title="Direct reports">Span {num(n.span)}</span>}
          {n.subtreeSize > 0 && <span title="Headcount below">{num(n.subtreeSize)} below</span>}
        </div>
      ) : (
        <div className={styles.stats}>
          {n.subtreeSize > 0 && <span>{counted(n.subtreeSize, 'person', 'people')}</span>}
        </div>
      )}
      {record && (n.childCount > 0 || ctx?.onOpen) && (
        <div className={styles.actions}>
          {n.childCount > 0 && (
            <button
              type="button"
              className={`nodrag ${styles.toggle}`}
              aria-expanded={open}
              aria-label={`${open ? 'Collapse' : 'Expand'} ${label} (${counted(n.childCount, 'report')})`}
              onClick={() => ctx?.toggle(id)}
            >
              {busy ? '…' : open ? '−' : `+${num(n.childCount)}`}
            </button>
          )}
          {ctx?.onOpen && n.childCount > 0 && (
            <button
              type="button"
              className={`nodrag secondary ${styles.open}`}
              onClick={() => ctx.onOpen?.(id)}
              aria-label={`${ctx.openLabel}: ${label}`}
            >
              {ctx.openLabel}
            </button>
          )}
        </div>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} style={HIDDEN_HANDLE} />
    </div>
  );
});

/** "+N more": fetches the next page of a manager's reports. */
const MoreBox = memo(function MoreBox({ data, id }: NodeProps<MoreBoxNode>) {
  const ctx = useContext(ChartContext);
  const busy = ctx?.loading.has(data.parentId ?? '~top') ?? false;
  return (
    <div className={`${styles.box} ${styles.more}`} data-box-id={id}>
      <Handle type="target" position={Position.Top} isConnectable={false} style={HIDDEN_HANDLE} />
      <button type="button" className="nodrag secondary" onClick={() => ctx?.loadMore(data.parentId)}>
        {busy ? 'Loading…' : `+${num(data.count)} more`}
      </button>
    </div>
  );
});

/** The frame around a manager's team grid (one line from the manager ends on it). */
const FrameBox = memo(function FrameBox() {
  return (
    <div className={styles.frame}>
      <Handle type="target" position={Position.Top} isConnectable={false} style={HIDDEN_HANDLE} />
    </div>
  );
});

export const NODE_TYPES = { person: PersonBox, more: MoreBox, frame: FrameBox };
