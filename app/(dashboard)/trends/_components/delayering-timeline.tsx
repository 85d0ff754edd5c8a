'use client';

import { personName } from '@/lib/person-name';
import { Day } from '@/app/_components/ui/day';
import type { DelayeringRow, Trends } from '@/lib/dal/dashboards/trends';
import { isSuppressed } from '@/lib/query/suppressed';
import { ChartCard } from '@/app/_components/charts/chart-card';
import { DelayeringChart } from '@/app/_components/charts/delayering-chart';
import { SuppressedNote } from '@/app/_components/ui/states';
import styles from './trends.module.css';

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * Delayering on a timeline: a chart of events per snapshot (with layers removed), then, for roles
 * that may see people, the managers concerned, newest first. Viewers get the counts only.
 */
export function DelayeringTimeline({ data }: { data: Trends }) {
  if (isSuppressed(data.delayering)) return <SuppressedNote marker={data.delayering} />;
  const steps = data.delayering;
  if (steps.length === 0)
    return (
      <section className="card">
        <h2>Delayering events</h2>
        <p className="muted">Delayering needs at least two snapshots.</p>
      </section>
    );
  const total = steps.reduce((n, s) => n + s.events, 0);
  const withEvents = steps.filter((s) => s.events > 0).reverse();
  return (
    <>
      <ChartCard
        title="Delayering events"
        definition="A delayering event: a manager who left, or stayed without reports, while at least one former direct report now sits on a higher layer. Layers removed = drop in the unit's depth since the previous snapshot."
        rows={steps}
        filename={`delayering-${data.asOf}`}
        bodyHeight="auto"
        columns={[
          { key: 'asOf', label: 'As of', value: (r: DelayeringRow) => r.asOf },
          { key: 'from', label: 'Compared with', value: (r) => r.from },
          {
            key: 'left',
            label: 'Managers who left',
            value: (r) => (r.hidden ? null : r.left),
            numeric: true,
          },
          {
            key: 'lostReports',
            label: 'Managers who lost all reports',
            value: (r) => (r.hidden ? null : r.lostReports),
            numeric: true,
          },
          { key: 'events', label: 'Events', value: (r) => (r.hidden ? null : r.events), numeric: true },
          {
            key: 'reportsMovedUp',
            label: 'Reports moved up',
            value: (r) => (r.hidden ? null : r.reportsMovedUp),
            numeric: true,
          },
          { key: 'layersRemoved', label: 'Layers removed', value: (r) => r.layersRemoved, numeric: true },
        ]}
      >
        <DelayeringChart
          data={steps.map((s) => ({
            asOf: s.asOf,
            left: s.hidden ? null : s.left,
            lostReports: s.hidden ? null : s.lostReports,
            layersRemoved: s.layersRemoved,
          }))}
        />
      </ChartCard>
      <section className="card" aria-labelledby="delayering-list-h" data-testid="delayering-timeline">
        <h2 id="delayering-list-h">Delayering timeline</h2>
        <p className="muted" data-testid="delayering-total">
          {plural(total, 'delayering event')} over {plural(steps.length + 1, 'snapshot')}
          {steps.some((s) => s.hidden) ? '; snapshots where this group was too small are left out' : ''}.
          {!data.canSeePeople && ' Names are not shown for your role.'}
        </p>
        {withEvents.length > 0 && (
          <ol className={styles.timeline}>
            {withEvents.map((s) => (
              <li key={s.asOf}>
                <details>
                  <summary>
                    <strong>
                      <Day iso={s.asOf} />
                    </strong>
                    : {plural(s.events, 'manager')} removed ({s.left} left, {s.lostReports} lost all reports),{' '}
                    {plural(s.reportsMovedUp, 'report')} moved up
                    {s.layersRemoved ? `, ${plural(s.layersRemoved, 'layer')} removed` : ''}
                  </summary>
                  {s.managers && s.managers.length > 0 && (
                    <ul data-testid="delayered-managers">
                      {s.managers.map((m) => (
                        <li key={m.id}>
                          <strong>{personName(m)}</strong>
                          {[m.title, m.department].filter(Boolean).length > 0 &&
                            ` (${[m.title, m.department].filter(Boolean).join(', ')})`}{' '}
                          — {m.change === 'left' ? 'left' : 'stayed without reports'}; {m.reportsMovedUp} of{' '}
                          {m.formerReports} reports moved up
                        </li>
                      ))}
                    </ul>
                  )}
                </details>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
