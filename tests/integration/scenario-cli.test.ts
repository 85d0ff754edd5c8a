/**
 * `scenario` on the command line (issue #14), a child process per call on PGlite and PostgreSQL:
 * `{before, after, changes}` with before/after exactly the `metrics --json` document, nothing stored
 * without --save, an audited draft with it, exit 1 naming a refused operation, exit 2 on usage.
 * Figures: tests/unit/scenarios/small-tree.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, runCli, type CliResult } from '../support/cli';
import { useCliDatabase } from '../support/cli-database';
import { backends } from '../support/test-db';
import { SMALL_TREE } from '../unit/scenarios/small-tree';

const CLI_TIMEOUT = 90_000;
type Json = Record<string, unknown>;

function parseStdout(r: CliResult): Json {
  const text = r.stdout.trim();
  expect(text.split('\n')).toHaveLength(1);
  return JSON.parse(text) as Json;
}

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-scenario-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes an operations file and gives its path. */
function opsFile(name: string, ops: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof ops === 'string' ? ops : JSON.stringify(ops));
  return file;
}

describe.each(backends())('the scenario command on %s', (backend) => {
  const db = useCliDatabase(backend);
  const stored = () =>
    db.inspect(async (h) => ({
      scenarios: await queryRows<{ name: string; status: string; from_as_of: string | Date; ops: unknown }>(
        h,
        'select name, status, from_as_of, ops from scenarios order by id',
      ),
      audit: await queryRows<{ action: string; target: string }>(
        h,
        `select action, target from audit_log where action like 'scenario.%' order by id`,
      ),
    }));

  it(
    'prints before and after as the metrics document, stores nothing, then --save stores an audited draft',
    async () => {
      expect((await runCli(['import', SMALL_TREE, '--org', 'Small', '--json'], db.target)).code).toBe(0);
      const metrics = parseStdout(await runCli(['metrics', '--org', 'Small', '--json'], db.target));
      const ops = [{ op: 'remove', id: 'C' }];
      const file = opsFile('remove-c.json', ops);
      const r = await runCli(
        ['scenario', '--org', 'Small', '--from', '2024-06-30', '--ops', file, '--json'],
        db.target,
      );
      expect(r.code, r.stderr).toBe(0);
      const out = parseStdout(r);
      expect(Object.keys(out)).toEqual(['before', 'after', 'changes']);
      expect(out.before).toEqual(metrics);
      const after = out.after as Json;
      expect(Object.keys(after)).toEqual(Object.keys(metrics));
      // C goes: 11 people, managers A B G K, spans 4 3 2 1, layers 1-3 (hand count in small-tree.ts)
      expect(after).toMatchObject({
        headcount: 11,
        managers: 4,
        ics: 7,
        depth: 3,
        managementLayers: 2,
        span: { mean: 2.5, median: 2.5 },
        openPositions: 0,
      });
      expect(out.changes).toEqual({
        moved: [
          { id: 'G', from: 'C', to: 'A', op: 0 },
          { id: 'J', from: 'C', to: 'A', op: 0 },
        ],
        removed: [{ id: 'C', manager: 'A', op: 0 }],
        added: [],
        levels: [],
      });
      expect(await stored()).toEqual({ scenarios: [], audit: [] });

      const saved = await runCli(
        ['scenario', '--org', 'Small', '--ops', file, '--save', 'Flatter platform', '--json'],
        db.target,
      );
      expect(saved.code, saved.stderr).toBe(0);
      expect(parseStdout(saved)).toEqual(out);
      expect(saved.stderr).toContain('saved draft scenario');
      const s = await stored();
      expect(
        s.scenarios.map((x) => [x.name, x.status, typeof x.ops === 'string' ? JSON.parse(x.ops) : x.ops]),
      ).toEqual([['Flatter platform', 'draft', ops]]);
      expect(s.audit).toEqual([{ action: 'scenario.create', target: 'Flatter platform' }]);
    },
    CLI_TIMEOUT * 2,
  );

  it(
    'a refused operation exits 1 naming it, and nothing is stored; usage errors exit 2',
    async () => {
      const bad = opsFile('bad.json', [
        { op: 'add', id: 'V1', manager: 'K' },
        { op: 'move', id: 'C', to: 'H' },
      ]);
      const r = await runCli(['scenario', '--org', 'Small', '--ops', bad, '--save', 'Never'], db.target);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('operation #2 move {"id":"C","to":"H"} refused');
      expect(r.stdout).toBe('');
      const invalid = await runCli(
        ['scenario', '--ops', opsFile('invalid.json', [{ op: 'move', id: 'C' }])],
        db.target,
      );
      expect(invalid.code).toBe(1);
      expect(invalid.stderr).toContain('operation #1');
      expect(
        (await runCli(['scenario', '--org', 'Small', '--ops', opsFile('not-json.json', '[{')], db.target))
          .code,
      ).toBe(1);
      expect((await stored()).scenarios.map((x) => x.name)).toEqual(['Flatter platform']);
      expect((await runCli(['scenario'], db.target)).code).toBe(2);
      expect((await runCli(['scenario', '--ops', path.join(dir, 'missing.json')], db.target)).code).toBe(2);
      expect((await runCli(['scenario', '--ops', bad, '--from', '2024-13-01'], db.target)).code).toBe(2);
    },
    CLI_TIMEOUT * 2,
  );
});
