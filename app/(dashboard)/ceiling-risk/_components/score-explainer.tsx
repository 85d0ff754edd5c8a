import type { CeilingRiskDashboard } from '@/lib/dal/dashboards/ceiling-risk';
import styles from './ceiling-risk.module.css';

/** How the 0-100 score is made, with the weights in force. */
export function ScoreExplainer({ data }: { data: CeilingRiskDashboard }) {
  const w = data.weights;
  return (
    <details className={`card ${styles.explainer}`}>
      <summary>How the risk score works</summary>
      <p>
        Each declared IC scores 0-100: the weighted share of these reasons that hold. Being at the top is a
        risk signal together with standing still, so the two ceiling reasons and the two stagnation reasons
        weigh half each.
      </p>
      <ul>
        <li>
          <strong>{w.atUnitCeiling}</strong> — at the IC ceiling of their department (no IC rung above them
          there).
        </li>
        <li>
          <strong>{w.atLadderTop}</strong> — at the top IC rung of the company ladder.
        </li>
        <li>
          <strong>{w.longInLevel}</strong> — time in level above the 75th percentile of months people spent in
          that level before promotion (over 24 months when fewer than 5 promotions from the level are known).
        </li>
        <li>
          <strong>{w.noPromotionInWindow}</strong> — seen in at least two snapshots and not promoted in the
          last 24 months of history.
        </li>
      </ul>
      <p>
        Many ICs share the same reasons, so a continuous part of under one point breaks the ties: half from
        time in level against the typical time for that level (the same 75th percentile, else 24 months), half
        from how close the person sits to their department&apos;s IC ceiling. It orders people with the same
        reasons and never lifts anyone over a whole-number threshold. Declared ICs count by declared track.
      </p>
    </details>
  );
}
