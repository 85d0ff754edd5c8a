import Link from 'next/link';
import styles from './ai.module.css';

/** The unmatched share, shown beside every AI figure: what the figure leaves out because nobody could be joined. */
export function UnmatchedNote({ share, canManage }: { share: number | null; canManage: boolean }) {
  if (share === null) return null;
  if (share === 0)
    return (
      <div
        className="kpi-delta"
        data-testid="unmatched-note"
        title="Every AI-active user is joined to an employee."
      >
        Unmatched: 0%
      </div>
    );
  return (
    <div className={styles.unmatched} data-testid="unmatched-note">
      Unmatched: {(share * 100).toFixed(1)}% of AI-active users are joined to no employee and left out.
      {canManage && (
        <>
          {' '}
          <Link href="/ai/data#identity-review">Review</Link>
        </>
      )}
    </div>
  );
}
