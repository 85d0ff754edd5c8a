'use client';

import { personName } from '@/lib/person-name';
import { memo } from 'react';
import { formatCost } from '@/lib/cost-format';
import type { TreeNode } from '@/lib/dal/dashboards/org-tree';
import { formatFte } from '@/lib/fte-format';
import { isRecord, LEVEL_LABEL } from '@/lib/views/org-tree-state';
import styles from './structure.module.css';

const num = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 2 });

/** Whether a node stands for a real record that the dashboard can be scoped to. */
export const isScopable: (n: TreeNode) => boolean = isRecord;

/** One explorer row (a treeitem): chevron, name, title, layer, span, subtree size, scope button. */
export const TreeNodeRow = memo(function TreeNodeRow({
  domId,
  node,
  depth,
  pos,
  size,
  expanded,
  loading,
  active,
  current,
  highlighted,
  onToggle,
  onScope,
  onFocusRow,
}: {
  domId: string;
  node: TreeNode;
  depth: number;
  pos: number;
  size: number;
  expanded: boolean;
  loading: boolean;
  active: boolean;
  current: boolean;
  highlighted: boolean;
  onToggle: (id: string) => void;
  onScope: (id: string) => void;
  onFocusRow: (id: string) => void;
}) {
  const expandable = node.childCount > 0 && isScopable(node);
  const scopable = isScopable(node);
  const label = personName(node);
  const group = !scopable;
  return (
    <li
      id={domId}
      role="treeitem"
      aria-level={depth}
      aria-setsize={size}
      aria-posinset={pos}
      aria-expanded={expandable ? expanded : undefined}
      aria-selected={current}
      aria-busy={loading || undefined}
      tabIndex={active ? 0 : -1}
      className={[styles.treeRow, current ? styles.current : '', highlighted ? styles.highlight : '']
        .filter(Boolean)
        .join(' ')}
      style={{ paddingLeft: `${Math.min(depth - 1, 12) * 1.1 + 0.25}rem` }}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocusRow(node.id);
      }}
      onClick={() => onFocusRow(node.id)}
      data-node-id={node.id}
    >
      <span className={styles.chevronSlot}>
        {expandable && (
          <button
            type="button"
            tabIndex={-1}
            className={styles.chevron}
            aria-hidden="true"
            onClick={(e) => {
              e.stopPropagation();
              onToggle(node.id);
            }}
          >
            {loading ? '…' : expanded ? '▾' : '▸'}
          </button>
        )}
      </span>
      <span className={styles.nodeMain}>
        <span className={styles.nodeHead}>
          {scopable && node.childCount > 0 ? (
            // Clicking the name scopes the dashboard; keyboard users press Enter on the row.
            <span
              className={styles.nodeName}
              title="Scope the dashboard to this subtree"
              onClick={(e) => {
                e.stopPropagation();
                onScope(node.id);
              }}
            >
              {label}
            </span>
          ) : (
            <span className={group ? styles.groupName : styles.nodeNameText}>{label}</span>
          )}
          {node.title && node.kind !== 'aggregate' && <span className={styles.nodeTitle}>{node.title}</span>}
          {node.department && <span className={styles.nodeDept}>{node.department}</span>}
          {node.annualCost !== undefined && node.annualCost !== null && (
            <span
              className={styles.nodeDept}
              title="Annual cost, in the imported file's currency (seen by hr and admin only)"
              data-testid="node-cost"
            >
              cost {formatCost(node.annualCost, { currency: null, period: 'year' })}
            </span>
          )}
        </span>
        {scopable && (
          <span className={styles.nodeStats}>
            <span>Layer {node.layer}</span>
            {node.span > 0 && <span>Span {num(node.span)}</span>}
            {node.subtreeSize > 0 && <span>{num(node.subtreeSize)} below</span>}
            {node.juniorFte !== undefined && node.juniorFte !== null && node.juniorFte > 0 && (
              <span title="Junior staff below, as full-time equivalents (not people)">
                {formatFte(node.juniorFte)} junior FTE
              </span>
            )}
            {node.level && <span className={styles.levelTag}>{LEVEL_LABEL[node.level]}</span>}
            {current && <span className={styles.currentTag}>Current scope</span>}
          </span>
        )}
      </span>
      {scopable && node.childCount > 0 && (
        <button
          type="button"
          tabIndex={-1}
          className={`secondary ${styles.scopeBtn}`}
          aria-hidden="true"
          onClick={(e) => {
            e.stopPropagation();
            onScope(node.id);
          }}
        >
          Scope dashboard here
        </button>
      )}
    </li>
  );
});
