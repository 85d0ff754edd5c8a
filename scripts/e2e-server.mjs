// Starts the production build for end-to-end tests on a fresh PGlite data folder (or TEST_DATABASE_URL
// when E2E_DATABASE=postgres), with a known admin so the tests can create one user per role.
import { spawn } from 'node:child_process';
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
};
delete env.DATABASE_URL;
const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port, '-H', '127.0.0.1'], {
  stdio: 'inherit',
  env,
});
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
