/**
 * Resolution offers and the CODE=ACTION reader (lib/ingest/resolutions.ts). The counts given to
 * buildOffers are made up for each case; the words are what the upload screen and --json show.
 */
import { describe, expect, it } from 'vitest';
import {
  availableActions,
  buildOffers,
  parseResolutionPairs,
  type DefectCounts,
} from '@/lib/ingest/resolutions';

const NONE: DefectCounts = {
  duplicateRows: 0,
  duplicateIds: 0,
  missingIds: 0,
  selfManagers: 0,
  selfManagerReports: 0,
  cycles: 0,
  cycleMembers: 0,
  orphans: 0,
  juniorOrphans: 0,
};

describe('manager-not-found offer', () => {
  it('names people and junior-staff rows apart (junior rows are not people, so no orphans)', () => {
    // IfG dfid Mar-11 (derive-real-counts.py): 1 person-level orphan, 128 junior rows under absent posts
    const [offer] = buildOffers(
      { ...NONE, orphans: 129, juniorOrphans: 128 },
      { 'manager-not-found': 'root' },
    );
    expect(offer).toMatchObject({ code: 'manager-not-found', rows: 129, chosen: 'root' });
    expect(offer?.actions[0]?.explanation).toBe(
      '1 person whose manager is not in the file becomes an extra root, flagged orphan (default). ' +
        '128 junior-staff rows whose reporting post is absent stay: not people, their FTE counts at the top of the organisation.',
    );
  });

  it('with junior rows only, says nothing about people', () => {
    const [offer] = buildOffers({ ...NONE, orphans: 1, juniorOrphans: 1 }, {});
    expect(offer?.actions[0]?.explanation).toBe(
      '1 junior-staff row whose reporting post is absent stays: not people, its FTE counts at the top of the organisation.',
    );
  });

  it('with people only, as before', () => {
    const [offer] = buildOffers({ ...NONE, orphans: 2 }, {});
    expect(offer?.actions[0]?.explanation).toBe(
      '2 people whose manager is not in the file become extra roots, flagged orphan (default).',
    );
  });
});

describe('availableActions and parseResolutionPairs', () => {
  it('lists the actions of the classes present, in the order they apply', () => {
    const offers = buildOffers({ ...NONE, duplicateRows: 1, duplicateIds: 1, selfManagers: 1 }, {});
    expect(availableActions(offers)).toEqual({
      'duplicate-id': ['keep-first', 'keep-last', 'drop-all'],
      'self-manager': ['root', 'drop'],
    });
  });

  it('reads CODE=ACTION pairs, old codes included, and refuses unknown ones with the choices', () => {
    expect(parseResolutionPairs(['duplicate-id=keep-first', 'reporting-cycle=root'])).toEqual({
      resolutions: { 'duplicate-id': 'keep-first', cycle: 'root' },
    });
    expect(parseResolutionPairs(['bogus=x'])).toEqual({
      error:
        'unknown defect code "bogus"; known: duplicate-id, missing-employee-id, self-manager, cycle, manager-not-found.',
    });
    expect(parseResolutionPairs(['self-manager=keep'])).toEqual({
      error: 'self-manager takes root, drop, not "keep".',
    });
  });
});
