// The import and metrics benchmark: `npm run bench [-- --json] [--quick] [--reps N] [--reps-1m N]
// [--reps-pglite N] [--verbose]`. PostgreSQL from BENCH_DATABASE_URL (default the local test server);
// throw-away databases strata_bench_<pid>_<n> are created and dropped. With --json, stdout is only
// the JSON report; progress and the table always go to stderr. `--abuse` runs only the abuse
// benchmark (hostile uploads against dashboard readers on the production build). `--views` runs only
// the cold-view benchmark (`--people N --snapshots S --views-per-family K --clients C --seconds T
// --seed X --without-ai --as-leader --families a,b --pglite`; `--quick` for 10k x 4): views nobody asked for
// since the import, on the production build. `--scenario` runs only the scenario benchmark (`scenario100k`: opening a stored
// scenario and appending operations on the 100k demo company, server time; `--people N --snapshots S
// --ops K --seed X`; `--quick` for 10k x 3). `--ai` runs only the AI benchmark (`ai100k`: a year of
// daily per-user rows for three tools and 2M pull requests imported, then cold AI dashboard views;
// `--people N --days D --prs P --batch-days B --ai-views K --ai-budget S --seed X`; `--quick` for 10k x 90 days).
import { parseArgs } from 'node:util';
import { CHILD_FLAG } from '../cli/bench/child';
import { runBenchTask } from '../cli/bench/child-tasks';
import { dropAllBenchDatabases } from '../cli/bench/databases';
import { formatTable } from '../cli/bench/report';
import { runBenchmark } from '../cli/bench/run';
import { benchDashboard } from '../cli/bench/dashboard';
import { benchAbuse } from '../cli/bench/abuse';
import { benchViews, viewsKey, type ViewsOptions } from '../cli/bench/views';
import { VIEW_FAMILIES, type ViewFamily } from '../cli/bench/view-plan';
import { benchScenario, scenarioKey, type ScenarioOptions } from '../cli/bench/scenario';
import { aiKey, benchAi, type AiBenchOptions } from '../cli/bench/ai-bench';

const USAGE =
  'usage: npm run bench -- [--json] [--quick] [--reps N] [--reps-1m N] [--reps-pglite N] [--subtree-queries N] [--verbose] [--dashboard | --dashboard-only] [--abuse]\n' +
  '       npm run bench -- --views [--people N] [--snapshots S] [--views-per-family K] [--clients C] [--seconds T] [--seed X] [--without-ai] [--as-leader] [--families a,b] [--pglite] [--quick] [--json]\n' +
  '       npm run bench -- --scenario [--people N] [--snapshots S] [--ops K] [--seed X] [--quick] [--json]\n' +
  '       npm run bench -- --ai [--people N] [--days D] [--prs P] [--batch-days B] [--ai-views K] [--ai-budget S] [--seed X] [--quick] [--json]';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a positive integer`);
  return n;
}

/** The cold-view run's size and load: 100k x 12 by default, 10k x 4 with --quick. */
function viewsOptions(values: Record<string, string | boolean | undefined>): ViewsOptions {
  const str = (k: string) => (typeof values[k] === 'string' ? values[k] : undefined);
  const quick = values.quick === true;
  const people = positiveInt('people', str('people'), quick ? 10_000 : 100_000);
  if (people < 50 || people > 1_000_000) throw new Error('--people takes 50 to 1000000');
  return {
    people,
    snapshots: positiveInt('snapshots', str('snapshots'), quick ? 4 : 12),
    // Every view of a million-person company can take a minute: fewer per family there.
    perFamily: positiveInt(
      'views-per-family',
      str('views-per-family'),
      quick ? 3 : people >= 500_000 ? 6 : 15,
    ),
    clients: positiveInt('clients', str('clients'), 20),
    seconds: positiveInt('seconds', str('seconds'), quick ? 5 : 20),
    seed: positiveInt('seed', str('seed'), 13),
    withoutAi: values['without-ai'] === true,
    asLeader: values['as-leader'] === true,
    pglite: values.pglite === true,
    ...(str('families') === undefined ? {} : { families: viewFamilies(str('families') ?? '') }),
  };
}

/** `--families a,b`: dashboard families of the cold-view benchmark (cli/bench/view-plan.ts). */
function viewFamilies(list: string): ViewFamily[] {
  const names = list.split(',').map((f) => f.trim());
  const known = new Set<string>(VIEW_FAMILIES);
  const bad = names.filter((f) => !known.has(f));
  if (names.length === 0 || bad.length > 0)
    throw new Error(`--families takes a comma list of ${VIEW_FAMILIES.join(', ')}`);
  return names as ViewFamily[];
}

/** The scenario run's size: 100k x 6 snapshots and 15 operations by default, 10k x 3 and 6 with --quick. */
function scenarioOptions(values: Record<string, string | boolean | undefined>): ScenarioOptions {
  const str = (k: string) => (typeof values[k] === 'string' ? values[k] : undefined);
  const quick = values.quick === true;
  const people = positiveInt('people', str('people'), quick ? 10_000 : 100_000);
  if (people < 1000 || people > 1_000_000) throw new Error('--people takes 1000 to 1000000');
  return {
    people,
    snapshots: positiveInt('snapshots', str('snapshots'), quick ? 3 : 6),
    ops: positiveInt('ops', str('ops'), quick ? 6 : 15),
    seed: positiveInt('seed', str('seed'), 7),
  };
}

/** The AI run's size: 100k people x 365 days, 2M PRs by default; 10k x 90 days, 50k PRs with --quick. */
function aiOptions(values: Record<string, string | boolean | undefined>): AiBenchOptions {
  const str = (k: string) => (typeof values[k] === 'string' ? values[k] : undefined);
  const quick = values.quick === true;
  const people = positiveInt('people', str('people'), quick ? 10_000 : 100_000);
  if (people < 1000 || people > 1_000_000) throw new Error('--people takes 1000 to 1000000');
  const days = positiveInt('days', str('days'), quick ? 90 : 365);
  if (days < 14 || days > 731) throw new Error('--days takes 14 to 731');
  return {
    people,
    days,
    // 20 a person a year: 2M for 100k people over a year
    pullRequests: positiveInt('prs', str('prs'), Math.round((people * 20 * days) / 365)),
    // about 350k usage rows an upload at 100k people
    daysPerBatch: positiveInt('batch-days', str('batch-days'), Math.max(1, Math.round(200_000 / people))),
    views: positiveInt('ai-views', str('ai-views'), quick ? 40 : 100),
    budgetSeconds: positiveInt('ai-budget', str('ai-budget'), 600),
    seed: positiveInt('seed', str('seed'), 15),
    verbose: values.verbose === true,
  };
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === CHILD_FLAG) {
    await runBenchTask(argv[1] ?? '{}');
    return 0;
  }
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean' },
      quick: { type: 'boolean' },
      reps: { type: 'string' },
      'reps-1m': { type: 'string' },
      'reps-pglite': { type: 'string' },
      'subtree-queries': { type: 'string' },
      verbose: { type: 'boolean' },
      dashboard: { type: 'boolean' },
      'dashboard-only': { type: 'boolean' },
      abuse: { type: 'boolean' },
      views: { type: 'boolean' },
      scenario: { type: 'boolean' },
      ai: { type: 'boolean' },
      days: { type: 'string' },
      prs: { type: 'string' },
      'batch-days': { type: 'string' },
      'ai-views': { type: 'string' },
      'ai-budget': { type: 'string' },
      ops: { type: 'string' },
      people: { type: 'string' },
      snapshots: { type: 'string' },
      'views-per-family': { type: 'string' },
      clients: { type: 'string' },
      seconds: { type: 'string' },
      seed: { type: 'string' },
      'without-ai': { type: 'boolean' },
      'as-leader': { type: 'boolean' },
      pglite: { type: 'boolean' },
      families: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const script = process.argv[1] ?? 'scripts/bench.ts';
  const started = performance.now();
  const report =
    values['dashboard-only'] || values.abuse || values.views || values.scenario || values.ai
      ? {}
      : await runBenchmark(
          {
            quick: values.quick === true,
            reps100k: positiveInt('reps', values.reps, 7),
            reps1m: positiveInt('reps-1m', values['reps-1m'], 2),
            repsPglite: positiveInt('reps-pglite', values['reps-pglite'], 3),
            subtreeQueries: positiveInt('subtree-queries', values['subtree-queries'], 100),
            verbose: values.verbose === true,
          },
          script,
          log,
        );
  if (values.dashboard || values['dashboard-only']) {
    log('dashboard: 100k people x 24 snapshots on PostgreSQL, production build');
    Object.assign(report, { dashboard100k: await benchDashboard(log) });
  }
  if (values.abuse) Object.assign(report, { abuse: await benchAbuse(log, script) });
  if (values.views) {
    const o = viewsOptions(values);
    Object.assign(report, { [viewsKey(o.people, o.pglite)]: await benchViews(log, o) });
  }
  if (values.scenario) {
    const o = scenarioOptions(values);
    Object.assign(report, { [scenarioKey(o.people)]: await benchScenario(log, o) });
  }
  if (values.ai) {
    const o = aiOptions(values);
    Object.assign(report, { [aiKey(o.people)]: await benchAi(log, o, script) });
  }
  process.stderr.write(`\n${formatTable(report)}\n\n`);
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${JSON.stringify(report, null, 2)}\n`);
  return 0;
}

const interrupted = () => {
  void dropAllBenchDatabases().finally(() => process.exit(130));
};
process.once('SIGINT', interrupted);
process.once('SIGTERM', interrupted);

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  async (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    await dropAllBenchDatabases();
    process.exit(1);
  },
);
