/**
 * Generate the deterministic demo company as CSV files.
 * Usage: npx tsx scripts/generate-demo.ts --out DIR [--size N] [--months M] [--seed S] [--end YYYY-MM-DD]
 *        [--ai tools|generic|none]
 * Progress goes to stderr; a JSON summary to stdout. Exit 2 on usage errors.
 */
import { writeDemoCompany } from '@/cli/demo/write';
import type { DemoOptions } from '@/cli/demo/generate';

const USAGE =
  'usage: generate-demo --out DIR [--size N] [--months M] [--seed S] [--end YYYY-MM-DD] [--ai tools|generic|none]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { out: string; options: DemoOptions } {
  let out: string | null = null;
  const options: DemoOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (value === undefined || value.startsWith('--')) fail(`missing value for ${flag ?? ''}`);
    i++;
    const num = (): number => {
      const n = Number(value);
      if (!Number.isInteger(n)) fail(`${flag} needs an integer, got "${value}"`);
      return n;
    };
    if (flag === '--out') out = value;
    else if (flag === '--size') options.size = num();
    else if (flag === '--months') options.months = num();
    else if (flag === '--seed') options.seed = num();
    else if (flag === '--end') options.endDate = value;
    else if (flag === '--ai') {
      if (value !== 'tools' && value !== 'generic' && value !== 'none')
        fail(`--ai must be tools, generic or none`);
      options.ai = value;
    } else fail(`unknown option ${flag ?? ''}`);
  }
  if (out === null) fail('--out is required');
  return { out, options };
}

const { out, options } = parseArgs(process.argv.slice(2));
const started = Date.now();
let peakRss = 0;
try {
  const summary = writeDemoCompany(out, options, (p) => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    process.stderr.write(`[${p.month}/${p.months}] ${p.asOf}: ${p.headcount} people\n`);
  });
  const last = summary.snapshots.at(-1);
  const first = summary.snapshots[0];
  const middle = summary.snapshots.map((s) => s.middleManagers);
  process.stdout.write(
    `${JSON.stringify(
      {
        out,
        seed: summary.seed,
        size: summary.size,
        months: summary.months,
        endDate: summary.endDate,
        files: summary.files.length,
        headcount: { first: first?.headcount, last: last?.headcount },
        depth: { first: first?.depth, last: last?.depth },
        middleManagers: { peak: Math.max(...middle), last: last?.middleManagers },
        aiAdoption: { first: first?.aiAdoption, last: last?.aiAdoption },
        elapsedMs: Date.now() - started,
        peakRssMb: Math.round(peakRss / 1048576),
        snapshots: summary.snapshots,
      },
      null,
      2,
    )}\n`,
  );
} catch (err) {
  if (err instanceof RangeError || (err instanceof Error && err.message.startsWith('Invalid date')))
    fail(err.message);
  throw err;
}
