'use client';

import type { UploadView } from './types';
import { formatDay } from '@/lib/dates';

type Snapshot = UploadView['report']['snapshots'][number];
type Offer = Snapshot['offers'][number];

/** What each defect class is, in the words of the validation report (SPEC "What happens to bad input"). */
const CLASS_LABELS: Record<string, string> = {
  'duplicate-id': 'Duplicate employee ids',
  'missing-employee-id': 'Rows without an employee id',
  'self-manager': 'People recorded as their own manager',
  cycle: 'Reporting cycles',
  'manager-not-found': 'Manager not in the file (orphans)',
};

/** Each action in general words, for a class that occurs in several snapshots (the counts differ per snapshot). */
const ACTION_HELP: Record<string, Record<string, string>> = {
  'duplicate-id': {
    'keep-first': 'Keep the first row of each duplicated id; drop the later rows.',
    'keep-last': 'Keep the last row of each duplicated id; drop the earlier rows.',
    'drop-all': 'Drop every row of a duplicated id; their reports become orphans.',
  },
  'missing-employee-id': { drop: 'Drop the rows without an employee id.' },
  'self-manager': {
    root: 'People recorded as their own manager become tops of the tree.',
    drop: 'Drop them; their reports become orphans.',
  },
  cycle: {
    root: 'In each cycle, the member with the highest level (else the first in the file) becomes a root.',
    drop: 'Drop the members of each cycle; their other reports become orphans.',
  },
  'manager-not-found': {
    root: 'People whose manager is not in the file become extra roots, flagged orphan (default); junior-staff rows whose reporting post is absent stay, their FTE counted at the top of the organisation.',
    drop: 'Drop the rows whose manager is not in the file; their own reports become orphans.',
  },
};

/** Classes that are errors until a resolution is chosen (manager-not-found is a warning, root by default). */
const BLOCKING = new Set(['duplicate-id', 'missing-employee-id', 'self-manager', 'cycle']);

export interface ClassOffer {
  code: string;
  /** rows touched, over every snapshot of the upload. */
  rows: number;
  /** snapshots where the class occurs, with the rows it touches in each. */
  snapshots: Array<{ asOf: string; rows: number }>;
  /** each action with its explanation (the one snapshot's words, else the first snapshot's with a note). */
  actions: Offer['actions'];
  chosen: string | undefined;
}

/** The offers of every snapshot, merged per class (resolutions are chosen per class, not per row or snapshot). */
export function classOffers(upload: UploadView): ClassOffer[] {
  const byCode = new Map<string, ClassOffer>();
  for (const s of upload.report.snapshots) {
    for (const o of s.offers) {
      const c = byCode.get(o.code);
      if (c) {
        c.rows += o.rows;
        c.snapshots.push({ asOf: s.asOf, rows: o.rows });
      } else {
        byCode.set(o.code, {
          code: o.code,
          rows: o.rows,
          snapshots: [{ asOf: s.asOf, rows: o.rows }],
          actions: o.actions,
          chosen: (upload.options.resolutions as Record<string, string> | undefined)?.[o.code] ?? o.chosen,
        });
      }
    }
  }
  return [...byCode.values()];
}

/**
 * One radio group per defect class the files have: each action explained in one line with the rows
 * it touches; choosing one checks the files again at once (nothing is stored until the commit).
 */
export function ResolutionChoices({
  upload,
  busy,
  onChoose,
}: {
  upload: UploadView;
  busy: boolean;
  onChoose: (code: string, action: string | null) => void;
}) {
  const offers = classOffers(upload);
  if (offers.length === 0) return null;
  const many = upload.report.snapshots.length > 1;
  return (
    <section className="card" aria-labelledby="resolve-h" data-testid="resolutions">
      <h3 id="resolve-h">Resolve hierarchy defects</h3>
      <p className="muted">
        Choose what to do with each kind of defect; the choice applies to every row of that kind
        {many ? ' in every snapshot of this upload' : ''} and is recorded with the snapshot. The report below
        is checked again after each choice.
      </p>
      {offers.map((o) => {
        const name = `resolve-${o.code}`;
        const where = many ? ` in ${o.snapshots.length} of ${upload.report.snapshots.length} snapshots` : '';
        return (
          <fieldset key={o.code} className="resolution" disabled={busy} data-testid={name}>
            <legend>
              {CLASS_LABELS[o.code] ?? o.code} <code>{o.code}</code> — {o.rows.toLocaleString('en-US')} row
              {o.rows === 1 ? '' : 's'}
              {where}{' '}
              {BLOCKING.has(o.code) && o.chosen === undefined ? (
                <span className="badge danger">blocks the import</span>
              ) : (
                <span className="badge ok">resolved</span>
              )}
            </legend>
            {o.snapshots.length > 1 && (
              <p className="muted">
                Rows per snapshot:{' '}
                {o.snapshots
                  .map((x) => `${formatDay(x.asOf)} (${x.rows.toLocaleString('en-US')})`)
                  .join(', ')}
                .
              </p>
            )}
            {BLOCKING.has(o.code) && (
              <div className="radio">
                <input
                  type="radio"
                  id={`${name}-none`}
                  name={name}
                  checked={o.chosen === undefined}
                  onChange={() => onChoose(o.code, null)}
                />
                <label htmlFor={`${name}-none`}>
                  <strong>Not yet</strong> — the snapshot{many ? 's' : ''} with these rows cannot be
                  committed.
                </label>
              </div>
            )}
            {o.actions.map((a) => (
              <div className="radio" key={a.action}>
                <input
                  type="radio"
                  id={`${name}-${a.action}`}
                  name={name}
                  checked={o.chosen === a.action}
                  onChange={() => onChoose(o.code, a.action)}
                />
                <label htmlFor={`${name}-${a.action}`}>
                  <strong>{a.action}</strong> —{' '}
                  {o.snapshots.length > 1
                    ? (ACTION_HELP[o.code]?.[a.action] ?? a.explanation)
                    : a.explanation}
                </label>
              </div>
            ))}
          </fieldset>
        );
      })}
    </section>
  );
}

/** Why a snapshot cannot be committed: its error codes with counts. */
export function blockingReasons(s: Snapshot): string {
  const counts = new Map<string, number>();
  for (const i of s.issues) if (i.severity === 'error') counts.set(i.code, (counts.get(i.code) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${n.toLocaleString('en-US')} × ${code}`).join(', ');
}
