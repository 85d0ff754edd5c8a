'use client';

import { formatDaysIn } from '@/lib/dates';
import type { TargetReference } from '@/lib/views/target-references';
import styles from './targets.module.css';

/**
 * Published reference values with their source. An admin applies one with a click (the
 * organisation-wide values it names change and are saved through the audited update); everyone
 * else reads them.
 */
export function TargetReferences({
  references,
  onApply,
  busy,
}: {
  references: readonly TargetReference[];
  onApply?: (r: TargetReference) => void;
  busy?: boolean;
}) {
  if (references.length === 0) return null;
  return (
    <section className={styles.references} aria-labelledby="target-refs-h" data-testid="target-references">
      <h3 id="target-refs-h">Reference values</h3>
      <p className="definition">
        Published values to compare with, not recommendations for every team.
        {onApply
          ? ' Apply one to set the organisation-wide values it names; the other values stay as they are.'
          : ' An administrator can apply one as a target.'}
      </p>
      <ul className={styles.referenceList}>
        {references.map((r) => (
          <li key={r.key} data-testid={`reference-${r.key}`}>
            <div>
              <strong>{r.label}</strong>: {r.detail}
              <div className={styles.source} suppressHydrationWarning>
                Source: {formatDaysIn(r.source)}
              </div>
            </div>
            {onApply && (
              <button
                type="button"
                className="secondary"
                disabled={busy}
                onClick={() => onApply(r)}
                aria-label={`Apply ${r.label}: ${r.detail}`}
              >
                Apply
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
