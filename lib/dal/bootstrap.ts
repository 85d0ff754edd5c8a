import 'server-only';
import { generatePassword } from '@/lib/auth/password';
import { CLI_ACTOR } from './actor';
import { countUsers, createUser } from './users';

export interface FirstAdmin {
  email: string;
  /** Only set when the password was generated here (printed once, never stored in clear). */
  generatedPassword: string | null;
}

/**
 * First run: when no user exists, creates an admin. STRATA_ADMIN_EMAIL / STRATA_ADMIN_PASSWORD
 * choose the credentials; otherwise a password is generated and returned to be printed once.
 */
export async function ensureFirstAdmin(
  env: Record<string, string | undefined> = process.env,
): Promise<FirstAdmin | null> {
  if ((await countUsers()) > 0) return null;
  const email = (env.STRATA_ADMIN_EMAIL || 'admin@strata.local').toLowerCase();
  const given = env.STRATA_ADMIN_PASSWORD;
  const password = given || generatePassword();
  await createUser(CLI_ACTOR, { email, name: 'Administrator', role: 'admin', password });
  return { email, generatedPassword: given ? null : password };
}
