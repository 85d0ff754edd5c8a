import { describe, expect, it } from 'vitest';
import { demoProgress, loginBox, renderBar, stepOf } from '@/cli/demo/console';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, chunks, write: (t: string) => chunks.push(t) };
}

describe('npm run demo output', () => {
  it('draws a short fixed-width bar with the count', () => {
    expect(renderBar(0, 24)).toBe('[....................]  0/24');
    expect(renderBar(12, 24)).toBe('[##########..........] 12/24');
    expect(renderBar(24, 24)).toBe('[####################] 24/24');
    expect(stepOf('metrics snapshot 7/24 (2025-05-31)')).toEqual({ done: 7, total: 24 });
    expect(stepOf('parsed 24 file(s)')).toBeNull();
  });

  it('redraws one line on a terminal: 48 steps of a stage end as one line', () => {
    const out = sink(true);
    const p = demoProgress(out);
    for (let i = 1; i <= 48; i++) p.update('importing snapshots', i, 48);
    p.done('imported 24 snapshots in 9.1 s');
    const text = out.chunks.join('');
    // every step returns to the start of the same line; only the summary ends a line
    expect(text.split('\n').filter(Boolean)).toHaveLength(1);
    expect(text.endsWith('[demo] imported 24 snapshots in 9.1 s\n')).toBe(true);
    expect(out.chunks.filter((c) => c.startsWith('\r'))).toHaveLength(49);
  });

  it('writes a stage in two lines when the output is a file', () => {
    const out = sink(false);
    const p = demoProgress(out);
    for (let i = 1; i <= 48; i++) p.update('importing snapshots', i, 48);
    p.done('imported 24 snapshots in 9.1 s');
    expect(out.chunks).toEqual([
      '[demo] importing snapshots (48 steps)…\n',
      '[demo] imported 24 snapshots in 9.1 s\n',
    ]);
  });

  it('boxes the sign-ins, one admin, with the leader scope by name', () => {
    const box = loginBox(
      'http://localhost:3000',
      [
        { role: 'admin', email: 'admin@demo.strata.local', password: 'admin-x1', scope: null },
        {
          role: 'leader',
          email: 'leader@demo.strata.local',
          password: 'leader-y2',
          scope: 'Ada Lovelace (E000002)',
        },
      ],
      '/data/demo-logins.json',
    );
    const lines = box.split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^\+-+\+$/);
    expect(lines.at(-1)).toBe(lines[0]);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(box.match(/admin@/g)).toHaveLength(1);
    expect(box).toMatch(/[|] {3}leader +leader@demo[.]strata[.]local +leader-y2 /);
    expect(box).toContain('(scope: subtree of Ada Lovelace (E000002))');
  });
});
