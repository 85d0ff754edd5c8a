// Starts the production build for end-to-end tests on a fresh PGlite data folder, with a known
// admin (the tests create one user per role through the admin API) and a small demo company
// (400 people, 6 monthly snapshots, with its AI-usage files) imported through the command line, as `npm run demo` does.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = process.argv[2] ?? '3100';
const dataDir = path.join(os.tmpdir(), `strata-e2e-${port}`);
fs.rmSync(dataDir, { recursive: true, force: true });
const env = {
  ...process.env,
  PORT: port,
  STRATA_DATA_DIR: dataDir,
  STRATA_ADMIN_EMAIL: 'admin@e2e.test',
  STRATA_ADMIN_PASSWORD: 'e2e-admin-password',
  NEXTAUTH_SECRET: 'e2e-secret-not-for-production',
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
  // test-only pages such as /harness/org-chart (404 elsewhere)
  STRATA_E2E_HARNESS: '1',
};
delete env.DATABASE_URL;

const tsx = path.resolve('node_modules/.bin/tsx');
const demoDir = path.join(dataDir, 'demo-files');
const run = (args) => {
  const r = spawnSync(tsx, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`e2e setup failed: ${args.join(' ')}`);
};
// The e2e tests read the generic team CSV (tests/e2e/ai*.spec.ts); `npm run demo` uses the tools' exports.
run(['scripts/generate-demo.ts', '--out', demoDir, '--size', '400', '--months', '6', '--ai', 'generic']);
const orgFiles = fs
  .readdirSync(demoDir)
  .filter((f) => f.startsWith('org-'))
  .sort()
  .map((f) => path.join(demoDir, f));
run(['scripts/strata.ts', 'import', ...orgFiles]);
const aiFiles = fs
  .readdirSync(demoDir)
  .filter((f) => f.startsWith('ai-usage-'))
  .sort()
  .map((f) => path.join(demoDir, f));
if (aiFiles.length) run(['scripts/strata.ts', 'ai-import', ...aiFiles]);
// A second, tiny organisation flagged as a demo company (6 people on 2024-01-31), for the
// organisation picker and "Remove demo company" (tests/e2e/organisations.spec.ts).
// A stored scenario (issue #14) for the Reports page's scenario picker: a planned position under the CEO.
const opsFile = path.join(dataDir, 'e2e-scenario-ops.json');
fs.writeFileSync(
  opsFile,
  JSON.stringify([{ op: 'add', id: 'PLAN-1', manager: 'E000001', title: 'Head of Platform', level: 'M3' }]),
);
run(['scripts/strata.ts', 'scenario', '--ops', opsFile, '--save', 'E2E plan']);
run(['scripts/strata.ts', 'orgs', 'create', 'Demo company', '--demo']);
run(['scripts/strata.ts', 'import', '--org', 'Demo company', 'tests/fixtures/orgs/beta-2024-01-31.csv']);
// A real organisation (issue #16): the Home Office's published organograms (../shared/data, see its
// PROVENANCE.md; never copied into the repo), three snapshots through the same importer; its users
// are made by tests/e2e/global-setup.ts (tests/e2e/screens.spec.ts; skipped when absent).
const realDir = path.resolve('../shared/data/ukgov-organograms-datagovuk/home_office');
if (fs.existsSync(realDir)) {
  for (const asOf of ['2011-03-31', '2011-09-30', '2012-09-30'])
    run([
      'scripts/strata.ts',
      'import',
      '--org',
      'Home Office',
      '--resolve',
      'duplicate-id=keep-first',
      path.join(realDir, `home_office-${asOf}-senior.csv`),
      path.join(realDir, `home_office-${asOf}-junior.csv`),
    ]);
}

const child = spawn(process.execPath, ['scripts/server.mjs', '-p', port, '-H', '127.0.0.1'], {
  stdio: 'inherit',
  env,
});
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
