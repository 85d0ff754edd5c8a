import type { ReactNode } from 'react';
import { COUNT_BASIS, type CountBasis } from '@/lib/metrics/definitions';

/** The "i" beside a figure: its SPEC definition as a tooltip and as the accessible name. */
export function DefinitionIcon({ definition }: { definition: string }) {
  return (
    <span
      className="info"
      tabIndex={0}
      role="img"
      aria-label={`Definition: ${definition}`}
      title={definition}
      suppressHydrationWarning
    >
      i
    </span>
  );
}

export interface FigureCard {
  key: string;
  label: string;
  value: ReactNode;
  /** what the value is counted in, after it in smaller type ("a year", "per IC per year") */
  unit?: string;
  definition: string;
  /** small text under the value (change, note) */
  note?: ReactNode;
  /** the IC/manager definition a count uses, shown next to the number and explained in its definition */
  basis?: CountBasis;
}

/** A strip of figure cards (value, definition, note); data-testid kpi-KEY and kpi-KEY-value for tests. */
export function FigureCards({ label, cards }: { label: string; cards: FigureCard[] }) {
  return (
    <ul className="kpis" aria-label={label} style={{ listStyle: 'none', padding: 0 }}>
      {cards.map((c) => (
        <li key={c.key} className="kpi" data-testid={`kpi-${c.key}`}>
          <div className="kpi-label">
            <span>{c.label}</span>
            <DefinitionIcon
              definition={c.basis ? `${c.definition} ${COUNT_BASIS[c.basis].explanation}` : c.definition}
            />
          </div>
          <div className="kpi-value" data-testid={`kpi-${c.key}-value`}>
            {c.value}
            {c.unit && (
              <>
                {' '}
                <span className="kpi-unit">{c.unit}</span>
              </>
            )}
          </div>
          {c.basis && (
            <div className="kpi-basis" data-testid={`kpi-${c.key}-basis`}>
              {COUNT_BASIS[c.basis].tag}
            </div>
          )}
          {c.note && <div className="kpi-delta">{c.note}</div>}
        </li>
      ))}
    </ul>
  );
}
