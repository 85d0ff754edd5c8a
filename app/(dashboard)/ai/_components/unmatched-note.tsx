import Link from 'next/link';
import styles from './ai.module.css';

const EXPLAIN =
  'AI-active users joined to no employee (no GitHub login or email match) are left out of every figure.';

/**
 * The unmatched share, shown beside every AI figure: what the figure leaves out because nobody could
 * be joined. `compact` is the one-line form under a KPI.
 */
export function UnmatchedNote({
  share,
  canManage,
  compact = false,
}: {
  share: number | null;
  canManage: boolean;
  compact?: boolean;
}) {
  if (share === null) return null;
  const value = `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;
  if (compact || share === 0)
    return (
      <div
        className={share > 0 ? styles.unmatched : 'kpi-delta'}
        data-testid="unmatched-note"
        title={EXPLAIN}
      >
        Unmatched: {value}
        <span className="visually-hidden"> of AI-active users, left out of this figure</span>
      </div>
    );
  return (
    <div className={styles.unmatched} data-testid="unmatched-note">
      Unmatched: {value} of AI-active users are joined to no employee and left out.
      {canManage && (
        <>
          {' '}
          <Link href="/ai/data#identity-review">Review identities</Link>
        </>
      )}
    </div>
  );
}
