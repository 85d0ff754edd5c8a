import Link from 'next/link';
import type { UnitTarget } from '@/lib/views/unit-target';
import type { TargetMark } from '../charts/target-marks';

/** The target mark a chart draws for span metrics (a band) or layers (a limit line). */
export function targetMark(kind: 'span' | 'layers' | undefined, t: UnitTarget | null): TargetMark | null {
  if (!t || !kind) return null;
  if (kind === 'span')
    return { kind: 'band', from: t.spanMin, to: t.spanMax, label: `Target ${t.spanMin}–${t.spanMax}` };
  return { kind: 'limit', at: t.maxLayers, label: `Max ${t.maxLayers} layers` };
}

/** One line saying which targets the charts draw (and where an admin sets them). */
export function TargetNote({ target, isAdmin }: { target: UnitTarget | null; isAdmin?: boolean }) {
  if (!target)
    return (
      <p className="muted" data-testid="target-note">
        No span or layer targets are set{isAdmin ? '' : ' yet'}.{' '}
        {isAdmin ? <Link href="/targets">Set targets</Link> : 'An administrator can set them.'}
      </p>
    );
  return (
    <p className="muted" data-testid="target-note">
      Targets ({target.source === 'department' ? "this department's own" : 'organisation'}): span{' '}
      <strong>
        {target.spanMin}–{target.spanMax}
      </strong>{' '}
      direct reports, at most <strong>{target.maxLayers}</strong> layers; drawn as a shaded band and a dashed
      line. {target.note} <Link href="/targets">See what is off target</Link>.
    </p>
  );
}
