// The Strata command line (SPEC "Command-line contract"): the same pipeline as the web app.
// stdout carries only the result; progress and logs go to stderr. Exit 0 ok, 1 input refused, 2 usage.
import { parseArgs } from 'node:util';
import { checkImportArgs, runImport } from '../cli/commands/import-command';
import { checkMetricsArgs, runMetrics } from '../cli/commands/metrics-command';
import { runUsers } from '../cli/commands/users-command';
import { runOrgs } from '../cli/commands/orgs-command';
import { checkAiImportArgs, runAiImport } from '../cli/commands/ai-import-command';
import { checkAiMetricsArgs, runAiMetrics } from '../cli/commands/ai-metrics-command';
import { checkScenarioArgs, runScenarioCommand } from '../cli/commands/scenario-command';
import { CliUsageError, withCliDatabase } from '../cli/commands/common';

const USAGE = `Usage:
  npm run -s strata -- import FILE... [--org NAME] [--as-of YYYY-MM-DD] [--resolve CODE=ACTION]... [--skip-duplicates] [--commit-valid] [--json]
      CODE=ACTION: duplicate-id=keep-first|keep-last|drop-all, missing-employee-id=drop, self-manager=root|drop,
      cycle=root|drop, manager-not-found=root|drop
  npm run -s strata -- metrics [--as-of YYYY-MM-DD] [--department NAME] [--subtree EMPLOYEE_ID] [--json]
  npm run -s strata -- ai-import FILE... [--json]
  npm run -s strata -- ai-metrics [--from YYYY-MM-DD --to YYYY-MM-DD] [--subtree EMPLOYEE_ID] [--department NAME] [--json]
  npm run -s strata -- export --format pdf|xlsx|csv --out PATH [--as-of YYYY-MM-DD] [--compare-to YYYY-MM-DD]
      [--subtree EMPLOYEE_ID | --department NAME] [--sections overview,structure,ladder,trends,ai]
      [--table TABLE_ID (csv)] [--include-people] [--json]
  npm run -s strata -- scenario --ops FILE.json [--from YYYY-MM-DD] [--unit EMPLOYEE_ID] [--effective YYYY-MM-DD]
      [--save NAME] [--json]    FILE.json: [{"op":"move","id","to"} | {"op":"remove","id","reportsTo"?} |
      {"op":"merge","from","into"} | {"op":"add","id","manager","title"?,"level"?,"track"?} | {"op":"set-level","id","level","track"?}]
  npm run -s strata -- users list [--json]
  npm run -s strata -- users add --email EMAIL --role admin|hr|leader|viewer [--scope EMPLOYEE_ID] [--password PW]
  npm run -s strata -- orgs [list] | orgs create NAME [--demo] | orgs rename OLD NEW | orgs delete NAME --yes
Every command except users and orgs takes --org NAME (default: the only organisation, else required;
import creates NAME when it is new).
Database: DATABASE_URL, else the embedded PGlite folder (STRATA_DATA_DIR, default ./.data).`;

async function main(argv: string[]): Promise<number> {
  const first = argv[0];
  const command = first && !first.startsWith('-') ? first : undefined;
  const rest = command ? argv.slice(1) : argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      'as-of': { type: 'string' },
      'skip-duplicates': { type: 'boolean' },
      resolve: { type: 'string', multiple: true },
      'commit-valid': { type: 'boolean' },
      json: { type: 'boolean' },
      department: { type: 'string' },
      subtree: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      scope: { type: 'string' },
      password: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      sections: { type: 'string' },
      table: { type: 'string' },
      'compare-to': { type: 'string' },
      'include-people': { type: 'boolean' },
      org: { type: 'string' },
      yes: { type: 'boolean' },
      demo: { type: 'boolean' },
      ops: { type: 'string' },
      unit: { type: 'string' },
      save: { type: 'string' },
      effective: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !command) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  switch (command) {
    case 'import':
      checkImportArgs(positionals, values);
      return withCliDatabase(() => runImport(positionals, values));
    case 'metrics':
      checkMetricsArgs(values);
      return withCliDatabase(() => runMetrics(values));
    case 'ai-import':
      checkAiImportArgs(positionals);
      return withCliDatabase(() => runAiImport(positionals, values));
    case 'ai-metrics':
      checkAiMetricsArgs(values);
      return withCliDatabase(() => runAiMetrics(values));
    case 'scenario':
      checkScenarioArgs(values);
      return withCliDatabase(() => runScenarioCommand(values));
    case 'users':
      return withCliDatabase(() => runUsers(positionals, values));
    case 'orgs':
      return withCliDatabase(() => runOrgs(positionals, values));
    case 'export': {
      // loaded only for this command (scripts/strata.ts has already resolved the server-only marker)
      const { checkExportArgs, runExport } = await import('../cli/commands/export-command');
      checkExportArgs(values);
      return withCliDatabase(() => runExport(values));
    }
    default:
      throw new CliUsageError(`Unknown command "${command}".`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (
      err instanceof CliUsageError ||
      (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      process.stderr.write(`${err.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`strata: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
