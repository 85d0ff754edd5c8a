// npm run demo: one command from a fresh clone to a running Strata with the demo company loaded.
// Generates the demo files (deterministic), migrates, creates one login per role, imports the
// snapshots through the real import path (same code as the web upload), builds if needed and
// starts the production server on http://localhost:3000.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, resolveDataDir } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { setDatabase } from '../db';
import { CLI_ACTOR, inOrg } from '../lib/dal/actor';
import { createOrganisation, DEMO_ORG_NAME, findOrganisationByName } from '../lib/dal/organisations';
import { countSnapshots } from '../lib/dal/snapshot-list';
import { createUser, listUsers } from '../lib/dal/users';
import { importFiles } from '../cli/commands/import-command';
import { importAiFiles } from '../cli/commands/ai-import-command';
import { countAiImports } from '../lib/dal/ai-imports';
import { writeDemoCompany } from '../cli/demo/write';
import { importableAiFiles } from '../cli/demo/ai-sources';
import { DEMO_TARGETS } from '../cli/demo/target-values';
import { readTargets, updateTargets } from '../lib/dal/targets';
import { DEMO_DEFAULTS } from '../cli/demo/generate';
import { demoProgress, loginBox, stepOf, type DemoLogin } from '../cli/demo/console';
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { ensureServerEnv } from './server-env.mjs';

const log = (m: string) => process.stderr.write(`[demo] ${m}\n`);
const progress = demoProgress(process.stderr);
const dataDir = resolveDataDir();
const demoDir = path.join(dataDir, 'demo-files');
const loginsFile = path.join(dataDir, 'demo-logins.json');
const size = Number(process.env.STRATA_DEMO_SIZE ?? 3000);

/** As kept in demo-logins.json: the scope is the leader's employee id. */
type Login = { role: string; email: string; password: string; scope: string | null };

function listFiles(prefix: string): string[] {
  return fs
    .readdirSync(demoDir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.csv'))
    .sort()
    .map((f) => path.join(demoDir, f));
}

/** Picks the leader's scope: the head of the largest department under the CEO, from the newest file. */
function pickLeaderScope(orgFile: string): string | null {
  const lines = fs.readFileSync(orgFile, 'utf8').split('\n');
  const header = (lines[0] ?? '').split(',');
  const idI = header.indexOf('employee_id');
  const mI = header.indexOf('manager_id');
  const ceo = lines
    .slice(1)
    .find((l) => l.split(',')[mI] === '')
    ?.split(',')[idI];
  const counts = new Map<string, number>();
  const parentOf = new Map<string, string>();
  for (const l of lines.slice(1)) {
    const c = l.split(',');
    if (c[idI] && c[mI]) parentOf.set(c[idI] ?? '', c[mI] ?? '');
  }
  for (const id of parentOf.keys()) {
    let cur: string | undefined = id;
    for (let guard = 0; cur && guard < 50; guard++) {
      const p = parentOf.get(cur);
      if (p === ceo) {
        counts.set(cur, (counts.get(cur) ?? 0) + 1);
        break;
      }
      cur = p;
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** "Ada Lovelace (E000002)" from the newest demo file (the scope as the app shows it), else the id. */
function labelFromFile(orgFile: string, id: string): string {
  const lines = fs.readFileSync(orgFile, 'utf8').split('\n');
  const header = (lines[0] ?? '').split(',');
  const row = lines.find((l) => l.startsWith(`${id},`))?.split(',');
  const name = row?.[header.indexOf('name')];
  return name ? `${name} (${id})` : id;
}

/** Resolves once the server answers on the port (or after a minute, so the sign-ins still show). */
async function waitForServer(port: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/login`, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(demoDir) || listFiles('org-').length === 0) {
    const months = DEMO_DEFAULTS.months;
    let made = 0;
    writeDemoCompany(demoDir, { size }, () =>
      progress.update(`generating the demo company (${size} people)`, ++made, months),
    );
    progress.done(`generated ${made} monthly snapshots of the demo company in ${demoDir}`);
  }
  const orgFiles = listFiles('org-');
  const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined });
  try {
    await migrateDatabase(handle);
    setDatabase(handle);
    // The demo's own admin (below) is the only one: it exists before the server starts, so the
    // server's first-run admin (instrumentation.ts, for an empty database) is not created.

    // The demo company is its own organisation (is_demo: the Admin page can remove it).
    const demoOrg =
      (await findOrganisationByName(DEMO_ORG_NAME)) ??
      (await createOrganisation(CLI_ACTOR, { name: DEMO_ORG_NAME, isDemo: true }));
    const demo = inOrg(CLI_ACTOR, demoOrg.id);
    if ((await countSnapshots(demoOrg.id)) === 0) {
      const started = Date.now();
      const label = `importing ${orgFiles.length} org snapshots`;
      progress.update(label, 0, orgFiles.length);
      const { committed } = await importFiles(orgFiles, { actor: demo }, (m) => {
        const step = m.startsWith('metrics') ? stepOf(m) : null;
        if (step) progress.update(label, step.done, step.total);
      });
      progress.done(
        `imported ${committed.length} org snapshots in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    } else {
      log('snapshots already loaded; skipping the import');
    }
    // The tools' own exports (Copilot, Cursor, ...), through the same importers as an upload.
    const aiFiles = importableAiFiles(fs.readdirSync(demoDir)).map((f) => path.join(demoDir, f));
    if (aiFiles.length > 0 && (await countAiImports(demoOrg.id)) === 0) {
      const started = Date.now();
      const label = `importing ${aiFiles.length} AI files`;
      const total = aiFiles.length + 2; // each file, the parse, the store
      let step = 0;
      progress.update(label, 0, total);
      const { result } = await importAiFiles(aiFiles, () => progress.update(label, ++step, total), demo);
      if (!result) throw new Error('the demo AI-usage files did not import');
      progress.done(`imported ${aiFiles.length} AI files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    // Targets once (an organisation whose targets were set keeps them), audited like an admin's save.
    if ((await readTargets(demoOrg.id)).targets === null) await updateTargets(demo, DEMO_TARGETS);

    const logins: Login[] = fs.existsSync(loginsFile)
      ? (JSON.parse(fs.readFileSync(loginsFile, 'utf8')) as Login[])
      : [];
    const existing = new Set((await listUsers(CLI_ACTOR)).map((u) => u.email));
    const leaderScope = pickLeaderScope(orgFiles[orgFiles.length - 1] ?? '');
    for (const role of ['admin', 'hr', 'leader', 'viewer'] as const) {
      const email = `${role}@demo.strata.local`;
      if (existing.has(email)) continue;
      const password = `${role}-${randomBytes(6).toString('base64url')}`;
      const scope = role === 'leader' ? leaderScope : null;
      await createUser(demo, { email, name: `Demo ${role}`, role, password, scopeEmployeeId: scope });
      logins.push({ role, email, password, scope });
    }
    fs.writeFileSync(loginsFile, JSON.stringify(logins, null, 2), { mode: 0o600 });
  } finally {
    await handle.close();
  }

  // Build when there is no build, or it was made from other code (a pulled update).
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  const stampFile = '.next/strata-build-commit';
  const stamp = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : '';
  if (!fs.existsSync('.next/BUILD_ID') || (head && stamp !== head)) {
    log('building the production server (about a minute, only when the code changed)');
    // Its own output is shown only when it fails (the sign-ins must not drown in it).
    const b = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (b.status !== 0) {
      process.stderr.write(`${b.stdout ?? ''}${b.stderr ?? ''}`);
      throw new Error('next build failed');
    }
    if (head) fs.writeFileSync(stampFile, head);
  }

  const env = ensureServerEnv({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' }) as NodeJS.ProcessEnv;
  const port = env.PORT ?? '3000';
  const newest = orgFiles[orgFiles.length - 1] ?? '';
  const logins: DemoLogin[] = (JSON.parse(fs.readFileSync(loginsFile, 'utf8')) as Login[]).map((l) => ({
    ...l,
    scope: l.scope ? labelFromFile(newest, l.scope) : null,
  }));
  const child = spawn(process.execPath, ['scripts/server.mjs', '-p', port], {
    stdio: 'inherit',
    env,
  });
  // The sign-ins come last, once the server answers, after its own start-up lines.
  void waitForServer(port).then(() =>
    process.stdout.write(`${loginBox(`http://localhost:${port}`, logins, loginsFile)}\n`),
  );
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((err: unknown) => {
  process.stderr.write(`[demo] failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
