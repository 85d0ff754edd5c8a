import { CLI_ACTOR, inOrg, type Actor } from '@/lib/dal/actor';
import { createOrganisation, findOrganisationByName, readOrganisations } from '@/lib/dal/organisations';
import { CliUsageError, log } from './common';

/**
 * The command line's actor in the organisation of `--org NAME` (SPEC "Command-line contract":
 * default the only one, else required). `import` may name a new organisation, which it creates; on
 * a database with no organisation yet, import needs --org (exit 2 with a clear message).
 */
export async function cliActor(orgName: string | undefined, opts: { create?: boolean } = {}): Promise<Actor> {
  const name = orgName?.trim();
  const orgs = await readOrganisations();
  const choices = () => orgs.map((o) => `"${o.name}"`).join(', ');
  if (name) {
    const found = await findOrganisationByName(name);
    if (found) return inOrg(CLI_ACTOR, found.id);
    if (!opts.create)
      throw new CliUsageError(
        orgs.length
          ? `No organisation is called "${name}". Choose one of: ${choices()}.`
          : `No organisation is called "${name}": there is none yet (import creates one: import FILE --org NAME).`,
      );
    const created = await createOrganisation(CLI_ACTOR, { name });
    log(`created organisation "${created.name}"`);
    return inOrg(CLI_ACTOR, created.id);
  }
  const only = orgs.length === 1 ? orgs[0] : undefined;
  if (only) return inOrg(CLI_ACTOR, only.id);
  if (orgs.length === 0)
    throw new CliUsageError(
      opts.create
        ? 'The database holds no organisation yet: name the one this import creates with --org NAME.'
        : 'The database holds no organisation yet: import one first (import FILE --org NAME).',
    );
  throw new CliUsageError(
    `The database holds several organisations: choose one with --org NAME (${choices()}).`,
  );
}
