import { CLI_ACTOR } from '@/lib/dal/actor';
import { DalError } from '@/lib/dal/errors';
import {
  createOrganisation,
  deleteOrganisation,
  findOrganisationByName,
  listOrganisations,
  renameOrganisation,
} from '@/lib/dal/organisations';
import { CliUsageError, printResult } from './common';

async function byName(name: string | undefined) {
  if (!name) throw new CliUsageError('Name the organisation.');
  const org = await findOrganisationByName(name);
  if (!org) throw new CliUsageError(`No organisation is called "${name}".`);
  return org;
}

/** `orgs` (list), `orgs create NAME [--demo]`, `orgs rename OLD NEW`, `orgs delete NAME --yes`. */
export async function runOrgs(
  positionals: string[],
  v: { json?: boolean; yes?: boolean; demo?: boolean },
): Promise<number> {
  const [sub = 'list', ...args] = positionals;
  try {
    if (sub === 'list') {
      const orgs = await listOrganisations(CLI_ACTOR);
      printResult(
        !!v.json,
        { organisations: orgs },
        orgs.length
          ? orgs
              .map(
                (o) =>
                  `${o.name}\t${o.snapshots} snapshot(s)\t${o.aiImports} AI import(s)\t${o.users} user(s)${o.isDemo ? '\tdemo' : ''}`,
              )
              .join('\n')
          : 'no organisation yet',
      );
      return 0;
    }
    if (sub === 'create') {
      if (args.length !== 1) throw new CliUsageError('orgs create takes one NAME.');
      // --demo marks it as a demo company (the Admin page's "Remove demo company" deletes it)
      const org = await createOrganisation(CLI_ACTOR, { name: args[0], isDemo: !!v.demo });
      printResult(!!v.json, { organisation: org }, `created organisation "${org.name}"`);
      return 0;
    }
    if (sub === 'rename') {
      if (args.length !== 2) throw new CliUsageError('orgs rename takes OLD and NEW.');
      const org = await byName(args[0]);
      const renamed = await renameOrganisation(CLI_ACTOR, org.id, args[1]);
      printResult(!!v.json, { organisation: renamed }, `renamed "${org.name}" to "${renamed.name}"`);
      return 0;
    }
    if (sub === 'delete') {
      if (args.length !== 1) throw new CliUsageError('orgs delete takes one NAME.');
      if (!v.yes)
        throw new CliUsageError(
          'orgs delete removes the organisation and all its snapshots, AI data, settings and reports: add --yes.',
        );
      const org = await byName(args[0]);
      await deleteOrganisation(CLI_ACTOR, org.id, org.name);
      printResult(!!v.json, { deleted: org }, `deleted organisation "${org.name}" and everything in it`);
      return 0;
    }
  } catch (err) {
    if (err instanceof DalError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  throw new CliUsageError('orgs takes "list", "create NAME", "rename OLD NEW" or "delete NAME --yes".');
}
