/** The benchmark's JSON shape and the human table printed to stderr beside it. */
import type { AbuseFigures } from './abuse';
import type { AiBenchFigures } from './ai-bench';
import type { ScenarioFigures } from './scenario';
import type { ViewsFigures } from './views';

export interface ImportFigures {
  seconds: number;
  psqlCopySeconds: number;
  ratio: number;
  peakRssMb: number;
}

export interface BenchReport {
  import100k?: ImportFigures;
  import1m?: ImportFigures;
  import100kPglite?: { seconds: number; peakRssMb: number };
  metrics100k?: { seconds: number; recursiveSqlSeconds: number };
  metrics1m?: { seconds: number; recursiveSqlSeconds: number };
  subtree100k?: { p50Ms: number; p95Ms: number };
  dashboard100k?: { p50Ms: number; p95Ms: number; overviewDrawnSeconds: number };
  abuse?: AbuseFigures;
  /** cold-view runs keyed by size: views100k, views1m (issue #13); views100kPglite on PGlite */
  [views: `views${string}`]: ViewsFigures | undefined;
  /** scenario runs keyed by size: scenario100k (issue #14) */
  [scenario: `scenario${string}`]: ScenarioFigures | undefined;
  /** AI import and cold AI views keyed by size: ai100k (issue #15) */
  [ai: `ai${string}`]: AiBenchFigures | undefined;
}

interface Row {
  name: string;
  figure: string;
  reference: string;
  target: string;
  met: boolean | null;
}

const s = (v: number) => `${v.toFixed(2)} s`;
const mb = (v: number) => `${Math.round(v)} MB`;

/** Rows of the summary table, each with the issue's target and whether it is met. */
export function summaryRows(r: BenchReport): Row[] {
  const rows: Row[] = [];
  if (r.import100k)
    rows.push({
      name: 'import 100k (PostgreSQL)',
      figure: `${s(r.import100k.seconds)}, ${mb(r.import100k.peakRssMb)}`,
      reference: `psql \\copy ${s(r.import100k.psqlCopySeconds)} (x${r.import100k.ratio.toFixed(2)})`,
      target: 'within 3x psql \\copy',
      met: r.import100k.ratio <= 3,
    });
  if (r.import1m) {
    rows.push({
      name: 'import 1M (PostgreSQL)',
      figure: s(r.import1m.seconds),
      reference: `psql \\copy ${s(r.import1m.psqlCopySeconds)} (x${r.import1m.ratio.toFixed(2)})`,
      target: '< 15 s',
      met: r.import1m.seconds < 15,
    });
    rows.push({
      name: 'import 1M peak memory',
      figure: mb(r.import1m.peakRssMb),
      reference: '',
      target: '< 1.5 GB (1,536 MB)',
      met: r.import1m.peakRssMb < 1536,
    });
  }
  if (r.import100kPglite)
    rows.push({
      name: 'import 100k (PGlite)',
      figure: `${s(r.import100kPglite.seconds)}, ${mb(r.import100kPglite.peakRssMb)}`,
      reference: '',
      target: '< 5 s',
      met: r.import100kPglite.seconds < 5,
    });
  for (const [key, name, limit] of [
    ['metrics100k', 'metrics 100k', 0.5],
    ['metrics1m', 'metrics 1M', 5],
  ] as const) {
    const m = r[key];
    if (m)
      rows.push({
        name,
        figure: s(m.seconds),
        reference: `WITH RECURSIVE ${s(m.recursiveSqlSeconds)}`,
        target: `< ${limit} s and faster than SQL`,
        met: m.seconds < limit && m.seconds < m.recursiveSqlSeconds,
      });
  }
  if (r.subtree100k)
    rows.push({
      name: 'subtree query 100k',
      figure: `p50 ${r.subtree100k.p50Ms.toFixed(1)} ms, p95 ${r.subtree100k.p95Ms.toFixed(1)} ms`,
      reference: '',
      target: 'every answer < 50 ms (p95 shown)',
      met: r.subtree100k.p95Ms < 50,
    });
  if (r.dashboard100k)
    rows.push({
      name: 'overview data, 20 clients, 100k x 24',
      figure: `p50 ${r.dashboard100k.p50Ms.toFixed(1)} ms, p95 ${r.dashboard100k.p95Ms.toFixed(1)} ms; drawn ${s(r.dashboard100k.overviewDrawnSeconds)}`,
      reference: '',
      target: 'p95 < 100 ms; Overview drawn < 2 s',
      met: r.dashboard100k.p95Ms < 100 && r.dashboard100k.overviewDrawnSeconds < 2,
    });
  if (r.abuse) {
    rows.push({
      name: `dashboards under upload abuse, ${r.abuse.clients} clients`,
      figure: `p95 ${r.abuse.abuseP95Ms.toFixed(1)} ms (x${r.abuse.p95Ratio.toFixed(2)})`,
      reference: `p95 alone ${r.abuse.baselineP95Ms.toFixed(1)} ms`,
      target: 'p95 < 2x alone',
      met: r.abuse.p95Ratio < 2,
    });
    rows.push({
      name: 'server peak memory under abuse',
      figure: mb(r.abuse.peakServerRssMb),
      reference: '',
      target: '< 1.5 GB (1,536 MB)',
      met: r.abuse.peakServerRssMb < 1536,
    });
  }
  for (const [k, v] of Object.entries(r))
    if (/^views\d+[km](Pglite)?$/.test(k) && v) rows.push(...viewRows(v as ViewsFigures));
    else if (/^scenario\d+k$/.test(k) && v) rows.push(...scenarioRows(v as ScenarioFigures));
    else if (/^ai\d+k$/.test(k) && v) rows.push(...aiRows(v as AiBenchFigures));
  return rows;
}

/** The scenario rows (issue #14): opening < 1 s, each operation < 300 ms, server time. */
function scenarioRows(v: ScenarioFigures): Row[] {
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  return [
    {
      name: `open a scenario (5 ops, whole org), ${v.company}`,
      figure: ms(v.openMs),
      reference: `snapshot not yet in memory ${ms(v.openColdMs)}; again ${ms(v.reopenMs)}`,
      target: '< 1 s',
      met: v.openMs < 1000,
    },
    {
      name: `append an operation and recompute (${v.ops} ops)`,
      figure: `p50 ${ms(v.opP50Ms)}, p95 ${ms(v.opP95Ms)}`,
      reference: `store p50 ${ms(v.opStoreP50Ms)} + evaluate p50 ${ms(v.opEvaluateP50Ms)}; CPU p50 ${ms(v.opCpuP50Ms)}, p95 ${ms(v.opCpuP95Ms)}`,
      target: '< 300 ms (p95 shown)',
      met: v.opP95Ms < 300,
    },
    {
      name: `leader's scenario on their subtree (${v.subtree.people.toLocaleString('en')} people)`,
      figure: `open ${ms(v.subtree.openMs)}; ops p50 ${ms(v.subtree.opP50Ms)}, p95 ${ms(v.subtree.opP95Ms)}`,
      reference: `load average ${v.loadAverage.before} / ${v.loadAverage.after}`,
      target: 'open < 1 s; ops < 300 ms',
      met: v.subtree.openMs < 1000 && v.subtree.opP95Ms < 300,
    },
  ];
}

/** The AI rows (issue #15): import < 3 minutes, cold AI views p95 < 300 ms (the targets are for 100k people x a year). */
function aiRows(v: AiBenchFigures): Row[] {
  const full = v.company.startsWith('100,000 people, 365 days');
  return [
    {
      name: `AI import, ${v.company}`,
      figure: `${s(v.importSeconds)}, ${mb(v.import.peakRssMb)} (${v.import.rowsPerSecond} rows/s)`,
      reference: `psql \\copy ${s(v.import.psqlCopySeconds)} (x${v.import.ratio.toFixed(2)}); load ${v.loadAverage.before} / ${v.loadAverage.after}`,
      target: '< 180 s at 100k x a year',
      met: full ? v.importSeconds < 180 : null,
    },
    {
      name: `cold AI views (${v.views.asked}, subtree x period, each once)`,
      figure: `p50 ${v.coldP50Ms.toFixed(0)} ms, p95 ${v.coldP95Ms.toFixed(0)} ms, max ${v.views.maxMs.toFixed(0)} ms`,
      reference: `first request ${v.views.firstRequestMs} ms; server ${mb(v.views.serverPeakRssMb)}`,
      target: 'p95 < 300 ms at 100k x a year',
      met: full ? v.coldP95Ms < 300 : null,
    },
  ];
}

/** The cold-view rows: a baseline for issue #13, so no target is judged here. */
function viewRows(v: ViewsFigures): Row[] {
  const slowest = Object.entries(v.cold.perFamily)
    .filter(([, f]) => Number.isFinite(f.p95Ms))
    .sort(([, a], [, b]) => b.p95Ms - a.p95Ms)
    .slice(0, 3)
    .map(([name, f]) => `${name} ${s(f.p95Ms / 1000)}`)
    .join(', ');
  const target = 'baseline (#13)';
  return [
    {
      name: `first request after start, ${v.company}${v.database === 'pglite' ? ' on PGlite' : ''}`,
      figure: s(v.firstRequestSeconds),
      reference: `psql \\copy ${s(v.psqlCopySeconds)}; load ${v.loadAverage.before} / ${v.loadAverage.after}`,
      target,
      met: null,
    },
    {
      name: `cold views (${v.cold.views}, each asked once)`,
      figure: `p50 ${s(v.cold.p50Ms / 1000)}, p95 ${s(v.cold.p95Ms / 1000)}, max ${s(v.cold.maxMs / 1000)}`,
      reference: `slowest p95: ${slowest}`,
      target,
      met: null,
    },
    {
      name: `${v.concurrent.clients} clients over cold views, ${v.concurrent.seconds} s`,
      figure: `p50 ${s(v.concurrent.p50Ms / 1000)}, p95 ${s(v.concurrent.p95Ms / 1000)}`,
      reference: `${v.concurrent.answers} answers in ${v.concurrent.seconds} s`,
      target,
      met: null,
    },
    {
      name: 'server peak memory (cold views)',
      figure: mb(v.peakServerRssMb),
      reference: '',
      target,
      met: null,
    },
    {
      name: `disk per snapshot (${v.company})`,
      figure: mb(v.disk.perSnapshotMb),
      reference: `all snapshots ${mb(v.disk.orgMb)}: ${Object.entries(v.disk.tablesMb)
        .slice(0, 4)
        .map(([table, size]) => `${table} ${mb(size)}`)
        .join(', ')}`,
      target: 'reported (#13)',
      met: null,
    },
  ];
}

/** A fixed-width table of the summary rows. */
export function formatTable(r: BenchReport): string {
  const rows = summaryRows(r);
  const head = ['measurement', 'result', 'reference (same run)', 'target', 'met'];
  const cells = rows.map((x) => [
    x.name,
    x.figure,
    x.reference,
    x.target,
    x.met === null ? '-' : x.met ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
