import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Fills what `next start` needs: NEXTAUTH_SECRET (generated once and kept in the data folder, so
 * sessions survive restarts) and NEXTAUTH_URL. Several app instances must share one NEXTAUTH_SECRET.
 */
export function ensureServerEnv(base) {
  const env = { ...base };
  const port = env.PORT ?? '3000';
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  if (!env.NEXTAUTH_SECRET) {
    const dir = path.resolve(env.STRATA_DATA_DIR || '.data');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'nextauth-secret');
    if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
    env.NEXTAUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
  }
  return env;
}
