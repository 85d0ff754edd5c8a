import { CLI_ACTOR, inOrg, type Actor } from '@/lib/dal/actor';
import { createOrganisation, findOrganisationByName, readOrganisations } from '@/lib/dal/organisations';
import { CliUsageError, log } from './common';

/** The organisation a first import without --org creates. */
export const FIRST_ORG_NAME = 'Organisation 1';

/**
 * The command line's actor in the organisation of `--org NAME` (SPEC "Command-line contract":
 * default the only one, else required). `import` may name a new organisation, which it creates; on
 * a database with no organisation yet, import without --org creates "Organisation 1".
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
  if (orgs.length === 0) {
    if (!opts.create)
      throw new CliUsageError(
        'The database holds no organisation yet: import one first (import FILE --org NAME).',
      );
    // A first import without --org: the organisation it creates is "Organisation 1" (rename it
    // with `orgs rename`), as migration 0006 names the data of an existing install.
    const created = await createOrganisation(CLI_ACTOR, { name: FIRST_ORG_NAME });
    log(`created organisation "${created.name}" (rename it with: orgs rename "${created.name}" NEW)`);
    return inOrg(CLI_ACTOR, created.id);
  }
  throw new CliUsageError(
    `The database holds several organisations: choose one with --org NAME (${choices()}).`,
  );
}
