import { CLI_ACTOR } from '@/lib/dal/actor';
import { cliActor } from './org-option';
import { DalError } from '@/lib/dal/errors';
import { createUser, listUsers } from '@/lib/dal/users';
import { CliUsageError, printResult } from './common';

/** `users list` and `users add`: operator access to accounts without the web page. */
export async function runUsers(
  positionals: string[],
  v: { json?: boolean; email?: string; role?: string; scope?: string; password?: string; org?: string },
): Promise<number> {
  const [sub] = positionals;
  if (sub === 'list') {
    const users = await listUsers(CLI_ACTOR);
    printResult(
      !!v.json,
      { users },
      users
        .map(
          (u) =>
            `${u.email}\t${u.role}\t${u.scopeEmployeeId ?? 'whole org'}${u.disabled ? '\tdisabled' : ''}`,
        )
        .join('\n'),
    );
    return 0;
  }
  if (sub === 'add') {
    if (!v.email || !v.role) throw new CliUsageError('users add needs --email and --role.');
    try {
      // The new user sees --org NAME (default: the only organisation, when there is one).
      const actor = v.org ? await cliActor(v.org) : await cliActor(undefined).catch(() => CLI_ACTOR);
      const u = await createUser(actor, {
        email: v.email,
        role: v.role,
        scopeEmployeeId: v.scope ?? null,
        password: v.password,
      });
      printResult(!!v.json, { user: u }, `created ${u.email} (${u.role})`);
      return 0;
    } catch (err) {
      if (err instanceof DalError) {
        process.stderr.write(`${err.message}\n`);
        return 1;
      }
      throw err;
    }
  }
  throw new CliUsageError('users takes "list" or "add".');
}
