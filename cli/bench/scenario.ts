/**
 * Scenario benchmark (issue #14, `scenario100k`): on the 100k demo company, the server time of
 * (a) opening a stored scenario with a handful of operations the first time it is evaluated, and
 * (b) each further operation: appended to the scenario (stored, after checking it applies) and the
 * before / after figures recomputed. Evaluated as the editor asks for it (GET
 * /api/scenarios/[id]/result: figures, cost, health flags, ceiling-risk summary, names). Operations pick random managers and subtrees, so no answer
 * comes from a cache. Runs in this process against a throw-away PostgreSQL database, through the
 * very DAL functions the API calls (the server's time, no HTTP).
 */
import os from 'node:os';
import { setDatabase } from '@/db';
import { openDatabase } from '@/db/client';
import { CLI_ACTOR, inOrg, type Actor } from '@/lib/dal/actor';
import { ScenarioRefusedError } from '@/lib/dal/scenario-metrics';
import { createScenario, updateScenarioOps } from '@/lib/dal/scenarios';
import { getScenarioView } from '@/lib/dal/scenario-view';
import { clearPreparedCache, listSeries, loadPrepared, resolveSnapshot } from '@/lib/dal/snapshot-data';
import { collectSubtree } from '@/lib/metrics/tree';
import { applyOperations, type ScenarioOp } from '@/lib/scenarios';
import { cli, ensureDemoFiles } from './dashboard';
import { createBenchDatabase, dropBenchDatabase } from './databases';
import { random, randomOp } from './scenario-ops';
import { percentile, round } from './stats';

type Log = (message: string) => void;

export interface ScenarioOptions {
  people: number;
  snapshots: number;
  /** operations appended one at a time and timed */
  ops: number;
  seed: number;
}

/** The `scenario100k` section of the benchmark's JSON. */
export interface ScenarioFigures {
  /** first evaluation of a stored scenario (5 operations), its snapshot already in memory: target < 1000 */
  openMs: number;
  /** one operation appended (checked and stored) and before / after recomputed: targets < 300 */
  opP50Ms: number;
  opP95Ms: number;
  /** the same first evaluation in a process that has not loaded the snapshot yet (reads it from the database) */
  openColdMs: number;
  /** of each operation: storing it (applyScenario check + write) and evaluating, p50 */
  opStoreP50Ms: number;
  opEvaluateP50Ms: number;
  /**
   * this process's CPU time (user + system, every thread) per operation, store and evaluation, p50 /
   * p95: less moved than the wall time by other work on a shared machine (the database's own CPU is not in it)
   */
  opCpuP50Ms: number;
  opCpuP95Ms: number;
  /** an evaluation of the same unchanged scenario again */
  reopenMs: number;
  /** a leader's scenario on their subtree (a random manager's): its first evaluation, each operation appended p50 / p95 */
  subtree: { people: number; openMs: number; opP50Ms: number; opP95Ms: number; opCpuP50Ms: number };
  ops: number;
  unit: string;
  company: string;
  measuredOn: string;
  /** the 1-minute load average before and after (a shared machine's other work) */
  loadAverage: { before: number; after: number };
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  return [v, performance.now() - t];
}

/**
 * Appends `count` operations to a stored scenario one at a time, each stored (updateScenarioOps,
 * which checks it applies) and evaluated, timed apart; a refused one is drawn again, untimed.
 */
async function appendOps(
  log: Log,
  actor: Actor,
  id: number,
  start: readonly ScenarioOp[],
  count: number,
  draw: (k: number) => ScenarioOp,
): Promise<{ store: number[]; evaluate: number[]; total: number[]; cpu: number[] }> {
  const cpu: number[] = [];
  const store: number[] = [];
  const evaluate: number[] = [];
  const total: number[] = [];
  let current = [...start];
  for (let k = 0; total.length < count; k++) {
    const op = draw(k);
    let storeMs: number;
    const cpuStart = process.cpuUsage();
    try {
      [, storeMs] = await timed(() => updateScenarioOps(actor, id, [...current, op]));
    } catch (err) {
      if (err instanceof ScenarioRefusedError) continue;
      throw err;
    }
    current = [...current, op];
    const [, evalMs] = await timed(() => getScenarioView(actor, id));
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    store.push(storeMs);
    evaluate.push(evalMs);
    total.push(storeMs + evalMs);
    log(
      `scenario: op ${total.length} ${op.op}: store ${storeMs.toFixed(0)} ms + evaluate ${evalMs.toFixed(0)} ms`,
    );
  }
  return { store, evaluate, total, cpu };
}

/**
 * Measures on the database already set (setDatabase) holding the demo company: a stored org-wide
 * scenario of 5 random operations opened cold and warm, then `ops` random operations appended one
 * at a time. Refused operations (e.g. someone an earlier operation removed) are drawn again, untimed.
 */
export async function measureScenario(
  log: Log,
  opts: ScenarioOptions,
  actor: Actor,
): Promise<Omit<ScenarioFigures, 'company' | 'measuredOn' | 'loadAverage'>> {
  const rnd = random(opts.seed);
  const ref = await resolveSnapshot(actor.orgId);
  const snap = await loadPrepared(ref);
  let n = 0;
  const ops: ScenarioOp[] = [];
  while (ops.length < 5) {
    const op = randomOp(snap, rnd, n++);
    // checked before it is stored: createScenario refuses a list that does not apply
    if (applyOperations(snap.tree.records, [...ops, op]).ok) ops.push(op);
  }
  const scenario = await createScenario(actor, { name: 'Bench scenario', ops });
  clearPreparedCache();
  const [, openColdMs] = await timed(() => getScenarioView(actor, scenario.id));
  log(`scenario: first evaluation, snapshot not in memory ${openColdMs.toFixed(0)} ms`);
  // A second scenario, so its first evaluation finds the snapshot in memory as a running server would.
  const again: ScenarioOp[] = [];
  while (again.length < 5) {
    const op = randomOp(snap, rnd, n++);
    if (applyOperations(snap.tree.records, [...again, op]).ok) again.push(op);
  }
  const open = await createScenario(actor, { name: 'Bench scenario 2', ops: again });
  await loadPrepared(ref);
  const [, openMs] = await timed(() => getScenarioView(actor, open.id));
  const [, reopenMs] = await timed(() => getScenarioView(actor, open.id));
  log(`scenario: first evaluation ${openMs.toFixed(0)} ms, again ${reopenMs.toFixed(0)} ms`);
  const org = await appendOps(log, actor, open.id, again, opts.ops, (k) => randomOp(snap, rnd, n + k));
  n += opts.ops * 10;
  // A manager's subtree of 1,000 to 20,000 people, operations inside it; the series' snapshots in
  // memory as a server that showed the unit's trend has them.
  let root = -1;
  while (root < 0) {
    const i = Math.floor(rnd() * snap.tree.size);
    const size = snap.tree.descendantCount[i] ?? 0;
    if (size >= 1000 && size <= 20_000) root = i;
  }
  const nodes = collectSubtree(snap.tree, root);
  const unitId = snap.tree.records[root]?.employeeId ?? '';
  const subOps: ScenarioOp[] = [];
  while (subOps.length < 5) {
    const op = randomOp(snap, rnd, n++, nodes);
    if (applyOperations(snap.tree.records, [...subOps, op]).ok) subOps.push(op);
  }
  for (const s of await listSeries(ref.orgId, ref.asOf)) await loadPrepared(s);
  // The manager plans in their own subtree: a leader scoped to it (privacy floor included).
  const leader: Actor = { ...actor, role: 'leader', scopeEmployeeId: unitId, email: 'bench-leader' };
  const sub = await createScenario(leader, { name: 'Bench subtree', ops: subOps });
  const [, subOpenMs] = await timed(() => getScenarioView(leader, sub.id));
  log(`scenario: subtree of ${unitId} (${nodes.length} people): first evaluation ${subOpenMs.toFixed(0)} ms`);
  const subFigures = await appendOps(log, leader, sub.id, subOps, Math.max(5, Math.ceil(opts.ops / 2)), (k) =>
    randomOp(snap, rnd, n + k, nodes),
  );
  return {
    openMs: round(openMs, 1),
    opP50Ms: round(percentile(org.total, 50), 1),
    opP95Ms: round(percentile(org.total, 95), 1),
    openColdMs: round(openColdMs, 1),
    opStoreP50Ms: round(percentile(org.store, 50), 1),
    opEvaluateP50Ms: round(percentile(org.evaluate, 50), 1),
    opCpuP50Ms: round(percentile(org.cpu, 50), 1),
    opCpuP95Ms: round(percentile(org.cpu, 95), 1),
    reopenMs: round(reopenMs, 1),
    subtree: {
      people: nodes.length,
      openMs: round(subOpenMs, 1),
      opP50Ms: round(percentile(subFigures.total, 50), 1),
      opP95Ms: round(percentile(subFigures.total, 95), 1),
      opCpuP50Ms: round(percentile(subFigures.cpu, 50), 1),
    },
    ops: org.total.length,
    unit: 'whole organisation',
  };
}

/** The whole run: the demo company imported into a fresh database, measured, the database dropped. */
export async function benchScenario(log: Log, opts: ScenarioOptions): Promise<ScenarioFigures> {
  const company = `${opts.people.toLocaleString('en')} people x ${opts.snapshots} snapshots`;
  const files = ensureDemoFiles(opts.people, opts.snapshots, log);
  const db = await createBenchDatabase();
  const handle = await openDatabase({ url: db.url });
  try {
    const t = performance.now();
    cli(['import', ...files], { ...process.env, DATABASE_URL: db.url });
    log(`scenario: imported ${company} in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed)`);
    setDatabase(handle);
    const before = os.loadavg()[0] ?? 0;
    const figures = await measureScenario(log, opts, inOrg(CLI_ACTOR, 1));
    return {
      ...figures,
      company,
      measuredOn: new Date().toISOString().slice(0, 10),
      loadAverage: { before: round(before, 1), after: round(os.loadavg()[0] ?? 0, 1) },
    };
  } finally {
    await handle.close();
    await dropBenchDatabase(db.name);
  }
}

/** The report key: scenario100k, scenario10k ... */
export function scenarioKey(people: number): string {
  return `scenario${Math.round(people / 1000)}k`;
}
