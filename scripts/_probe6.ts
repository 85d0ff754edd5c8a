import '../cli/commands/server-modules';
const { setDatabase } = await import('@/db');
const { openDatabase } = await import('@/db/client');
const { CLI_ACTOR, inOrg } = await import('@/lib/dal/actor');
const { evaluateScenario, createScenario } = await import('@/lib/dal/scenarios');
const sd = await import('@/lib/dal/snapshot-data');
const h = await openDatabase({ url: 'postgres://postgres@127.0.0.1:5432/scen_pack_dev2' });
setDatabase(h);
const actor = inOrg(CLI_ACTOR, 1);
const snap = await sd.loadPrepared(await sd.resolveSnapshot(1));
const t = snap.tree;
const mgr = t.records[t.parent[30000]!]!.employeeId;
const s = await createScenario(actor, { name: 'prof', ops: [1000, 5000].map((i) => ({ op: 'move' as const, id: t.records[i]!.employeeId, to: mgr })) });
await evaluateScenario(actor, s.id);
const ms: number[] = [];
for (let i = 0; i < 12; i++) { const a = performance.now(); await evaluateScenario(actor, s.id); ms.push(performance.now() - a); }
console.log(ms.map((x) => x.toFixed(0)).join(' '));
await h.close();
