'use client';

import { counted } from '@/lib/plural';
import { isFoldable } from '@/lib/privacy/hidden-text';

/**
 * The line under a table or chart whose rows the privacy floor hides: the hidden ones are listed
 * only on request (about 100 organogram departments read as pages of "<5" for a viewer, and a
 * leader's 17 departments as a heatmap of nothing but "<5"). Says how many are left out and why,
 * and toggles them. Renders nothing when `isFoldable` says the rows stay.
 */
export function PrivacyFold({
  hidden,
  total,
  shown,
  onToggle,
  noun,
  testId,
}: {
  /** rows the floor hides */
  hidden: number;
  /** all rows */
  total: number;
  /** whether the hidden rows are listed now */
  shown: boolean;
  onToggle: () => void;
  /** what a row is, singular ("department") */
  noun: string;
  testId: string;
}) {
  if (!isFoldable(hidden, total)) return null;
  const verb = hidden === 1 ? 'is' : 'are';
  return (
    <p className="muted">
      {shown
        ? `${counted(hidden, noun)} hidden for privacy ${verb} listed without figures. `
        : `${hidden === total ? `All ${counted(hidden, noun)}` : counted(hidden, `more ${noun}`)} ${verb} hidden for privacy (too few people to show, or a smaller group could be worked out). `}
      <button type="button" className="link" aria-pressed={shown} onClick={onToggle} data-testid={testId}>
        {shown ? 'Leave them out' : 'List them'}
      </button>
    </p>
  );
}
