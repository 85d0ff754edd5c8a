'use client';

import { useCallback, useMemo, useState } from 'react';
import { OrgChart, type OrgTreeLoader } from '@/app/_components/org-chart/org-chart';
import { answer, syntheticOrg } from './synthetic-org';

/** The org chart, editable, on the synthetic org: each drop is applied and listed. */
export function HarnessChart() {
  const [org, setOrg] = useState(syntheticOrg);
  const [moves, setMoves] = useState<string[]>([]);
  const load: OrgTreeLoader = useMemo(() => async (p) => answer(org, p), [org]);
  const onMove = useCallback((id: string, to: string) => {
    setMoves((m) => [...m, `${id} -> ${to}`]);
    setOrg((o) => new Map(o).set(id, to));
  }, []);
  return (
    <>
      <OrgChart load={load} onMove={onMove} label="Org chart (test harness)" height={640} />
      <ol data-testid="moves" aria-label="Moves">
        {moves.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ol>
    </>
  );
}
