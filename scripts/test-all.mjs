// npm test: format check, lint, typecheck, vitest (unit + integration), next build, Playwright e2e.
// Every step runs even when an earlier one fails, and the last line totals them all:
// "N passed, N failed" (checks count one each; test suites count their tests).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const results = [];
const bin = (name) => `node_modules/.bin/${name}`;

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(
    `=== ${label}: ${ok ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return ok;
}

function check(label, cmd, args) {
  const ok = run(label, cmd, args);
  results.push({ label, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

fs.mkdirSync('test-results', { recursive: true });
check('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
check('lint', bin('eslint'), ['.', '--max-warnings', '0']);
check('typecheck', bin('tsc'), ['--noEmit']);

// vitest: unit + integration (integration runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set).
fs.rmSync('test-results/vitest.json', { force: true });
const vOk = run('vitest', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=test-results/vitest.json',
]);
const v = readJson('test-results/vitest.json');
if (v)
  results.push({
    label: 'vitest',
    passed: v.numPassedTests,
    failed: v.numFailedTests + (vOk || v.numFailedTests ? 0 : 1),
  });
else results.push({ label: 'vitest', passed: 0, failed: 1 });

const built = check('build', bin('next'), ['build']);
if (built) {
  fs.rmSync('test-results/e2e.json', { force: true });
  const eOk = run('e2e', bin('playwright'), ['test']);
  const e = readJson('test-results/e2e.json');
  if (e?.stats) {
    const failed = (e.stats.unexpected ?? 0) + (eOk || e.stats.unexpected ? 0 : 1);
    results.push({ label: 'e2e', passed: (e.stats.expected ?? 0) + (e.stats.flaky ?? 0), failed });
  } else results.push({ label: 'e2e', passed: 0, failed: 1 });
} else {
  results.push({ label: 'e2e (not run: build failed)', passed: 0, failed: 1 });
}

console.log('\n=== summary');
for (const r of results) console.log(`  ${r.label}: ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
