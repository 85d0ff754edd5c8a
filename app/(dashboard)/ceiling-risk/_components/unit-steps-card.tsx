import type { CeilingRiskDashboard } from '@/lib/dal/dashboards/ceiling-risk';

/** Per department with ICs at its IC ceiling, a next step a leader could take (no names: every role). */
export function UnitStepsCard({ data }: { data: CeilingRiskDashboard }) {
  if (data.unitSteps.length === 0) return null;
  return (
    <section className="card" aria-labelledby="unit-steps-h" data-testid="unit-steps">
      <h2 id="unit-steps-h">Suggested next steps by department</h2>
      <p className="muted">
        Suggestions, not decisions: where ICs hold their department&apos;s highest IC level, a rung above it
        or a move to a department with headroom gives them somewhere to go.
      </p>
      <ul>
        {data.unitSteps.slice(0, 12).map((s) => (
          <li key={s.department}>
            <strong>{s.department}</strong> — {s.text}
          </li>
        ))}
      </ul>
      {data.unitSteps.length > 12 && (
        <p className="muted">
          {data.unitSteps.length - 12} more {data.unitSteps.length - 12 === 1 ? 'department' : 'departments'};
          the heatmap above shows each one&apos;s ICs at the ceiling.
        </p>
      )}
    </section>
  );
}
