'use client';

import { counted } from '@/lib/plural';

/**
 * The line under a table or chart whose rows the privacy floor hides in part: when some rows show
 * and others are hidden, the hidden ones are listed only on request (about 100 organogram
 * departments read as pages of "<5" for a viewer). Says how many are left out and why, and toggles
 * them. Renders nothing when none or all are hidden.
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
        : `${counted(hidden, `more ${noun}`)} ${verb} hidden for privacy (too few people to show, or a smaller group could be worked out). `}
      <button type="button" className="link" aria-pressed={shown} onClick={onToggle} data-testid={testId}>
        {shown ? 'Leave them out' : 'List them'}
      </button>
    </p>
  );
}

/** Whether a list with `hidden` of `total` rows hidden by the floor folds them away. */
export const isFoldable = (hidden: number, total: number) => hidden > 0 && hidden < total;
