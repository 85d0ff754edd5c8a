import { formatDay } from '@/lib/dates';
import Link from 'next/link';
import type { ScopeNotes } from '@/lib/dal/scope-marks';

/**
 * The note every trend chart carries (SPEC "Posts, people and FTE", issue #12 item 6): snapshots
 * whose headcount or managers moved more than 25% against the previous comparable one (a possible
 * change of scope), and snapshots marked "not comparable", which change-since-peak skips.
 * Nothing when there is nothing to say.
 */
export function ScopeNote({ notes, canMark }: { notes: ScopeNotes | null | undefined; canMark?: boolean }) {
  if (!notes || (notes.flagged.length === 0 && notes.notComparable.length === 0)) return null;
  return (
    <div className="scope-note" role="note" data-testid="scope-note">
      {notes.flagged.length > 0 && (
        <>
          <strong>Possible change of scope.</strong>{' '}
          {notes.flagged.length === 1 ? 'This snapshot moved' : 'These snapshots moved'} more than 25% in
          headcount or managers against the one before, which is more often a file covering a different part
          of the organisation than a real change:
          <ul>
            {notes.flagged.map((f) => (
              <li key={f.asOf}>
                {formatDay(f.asOf)}:{' '}
                {f.moves
                  .map(
                    (m) =>
                      `${m.metric} ${m.before.toLocaleString('en')} → ${m.after.toLocaleString('en')}` +
                      (m.changePct === null ? '' : ` (${m.changePct > 0 ? '+' : ''}${m.changePct}%)`),
                  )
                  .join(', ')}{' '}
                against {formatDay(f.from)}
              </li>
            ))}
          </ul>
          {canMark ? (
            <>
              If so, mark it <Link href="/data">not comparable on the Data page</Link>.
            </>
          ) : (
            'HR can mark such a snapshot "not comparable" on the Data page.'
          )}
        </>
      )}
      {notes.notComparable.length > 0 && (
        <p data-testid="not-comparable-note">
          Marked not comparable (left out of change since previous and since peak):{' '}
          {notes.notComparable.map((d) => formatDay(d)).join(', ')}.
        </p>
      )}
    </div>
  );
}
