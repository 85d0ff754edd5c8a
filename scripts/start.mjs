// npm start: runs the production server (scripts/server.mjs) with a persisted NEXTAUTH_SECRET when none is configured.
import { spawn } from 'node:child_process';
import { ensureServerEnv } from './server-env.mjs';

const env = ensureServerEnv(process.env);
const child = spawn(process.execPath, ['scripts/server.mjs', '-p', env.PORT ?? '3000'], {
  stdio: 'inherit',
  env,
});
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
