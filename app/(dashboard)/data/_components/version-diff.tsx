'use client';

import type { UploadView } from './types';
import { formatDay } from '@/lib/dates';

type Snapshot = UploadView['report']['snapshots'][number];

const fmt = (n: number): string => n.toLocaleString('en-US');
const who = (p: { id: string; name: string | null }): string => (p.name ? `${p.name} (${p.id})` : p.id);

/**
 * Dates of the upload that the organisation already holds: what storing the new version would
 * change (headcount, managers, people added, removed and moved), and a tick to confirm it
 * (SPEC "Organisations": the old version is kept; nothing is replaced across organisations).
 */
export function VersionDiffs({
  upload,
  org,
  confirmed,
  onConfirm,
}: {
  upload: UploadView;
  org: string;
  confirmed: boolean;
  onConfirm: (v: boolean) => void;
}) {
  const again = upload.report.snapshots.filter(
    (s): s is Snapshot & { existing: NonNullable<Snapshot['existing']> } => Boolean(s.existing),
  );
  if (again.length === 0) return null;
  return (
    <section className="card alert warn" aria-labelledby="versions-h" data-testid="version-diffs">
      <h3 id="versions-h">
        {again.length === 1 ? 'This date is' : `${again.length} of these dates are`} already stored
        {org ? ` in ${org}` : ''}
      </h3>
      {again.map((s) => {
        const d = s.existing.diff;
        return (
          <div key={s.asOf} data-testid={`version-diff-${s.asOf}`}>
            <p>
              <strong>{formatDay(s.asOf)}</strong>: version {s.existing.version} is current; committing stores
              version {s.existing.version + 1} and keeps version {s.existing.version}.
            </p>
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">
                  What version {s.existing.version + 1} changes on {formatDay(s.asOf)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Figure</th>
                    <th scope="col">Stored (v{s.existing.version})</th>
                    <th scope="col">This upload</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">Headcount</th>
                    <td className="num">{fmt(d.before.headcount)}</td>
                    <td className="num">{fmt(d.after.headcount)}</td>
                  </tr>
                  <tr>
                    <th scope="row">Managers</th>
                    <td className="num">{fmt(d.before.managers)}</td>
                    <td className="num">{fmt(d.after.managers)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
            <p>
              {fmt(d.added.count)} added, {fmt(d.removed.count)} removed, {fmt(d.moved.count)} with another
              manager.
            </p>
            {d.added.count + d.removed.count + d.moved.count > 0 && (
              <details>
                <summary>Changed people</summary>
                <ul>
                  {d.added.people.map((p) => (
                    <li key={`a-${p.id}`}>added: {who(p)}</li>
                  ))}
                  {d.removed.people.map((p) => (
                    <li key={`r-${p.id}`}>removed: {who(p)}</li>
                  ))}
                  {d.moved.people.map((p) => (
                    <li key={`m-${p.id}`}>
                      moved: {who(p)} from {p.from ?? 'no manager'} to {p.to ?? 'no manager'}
                    </li>
                  ))}
                </ul>
                {d.added.count + d.removed.count + d.moved.count >
                  d.added.people.length + d.removed.people.length + d.moved.people.length && (
                  <p className="muted">The first 50 of each kind are listed.</p>
                )}
              </details>
            )}
          </div>
        );
      })}
      <div className="field checkbox">
        <input
          id="confirm-versions"
          type="checkbox"
          checked={confirmed}
          onChange={(e) => onConfirm(e.target.checked)}
        />
        <label htmlFor="confirm-versions">
          Store {again.length === 1 ? 'a new version of this date' : 'new versions of these dates'} (the
          stored version{again.length === 1 ? ' is' : 's are'} kept)
        </label>
      </div>
    </section>
  );
}
