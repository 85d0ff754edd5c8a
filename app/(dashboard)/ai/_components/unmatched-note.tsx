import Link from 'next/link';
import styles from './ai.module.css';

const EXPLAIN =
  'AI-active users joined to no employee (no GitHub login or email match) are left out of every figure.';

/**
 * The unmatched share: what the AI figures leave out because nobody could be joined. Said once per
 * view, and only when it matters (nothing when every AI-active user is joined).
 */
export function UnmatchedNote({ share, canManage }: { share: number | null; canManage: boolean }) {
  if (share === null || share === 0) return null;
  const value = `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;
  return (
    <div className={styles.unmatched} data-testid="unmatched-note" title={EXPLAIN}>
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
