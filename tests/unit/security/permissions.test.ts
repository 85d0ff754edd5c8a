import { describe, expect, it } from 'vitest';
import { can, needsScope, type PermissionName } from '@/lib/auth/permissions';
import { ROLES, type Role } from '@/lib/auth/roles';

/**
 * SPEC "Users and roles", written out by hand: admin may do everything; hr uploads and deletes
 * data, fixes mappings and sees everything (no suppression); leaders read dashboards, export
 * reports and see people inside their scope; viewers get aggregated dashboards and reports only.
 */
const MATRIX: Record<PermissionName, Record<Role, boolean>> = {
  administer: { admin: true, hr: false, leader: false, viewer: false },
  manageUsers: { admin: true, hr: false, leader: false, viewer: false },
  manageOrganisations: { admin: true, hr: false, leader: false, viewer: false },
  createOrganisations: { admin: true, hr: true, leader: false, viewer: false },
  seeEveryOrganisation: { admin: true, hr: false, leader: false, viewer: false },
  changeSettings: { admin: true, hr: false, leader: false, viewer: false },
  readAudit: { admin: true, hr: false, leader: false, viewer: false },
  setTargets: { admin: true, hr: false, leader: false, viewer: false },
  readOthersReports: { admin: true, hr: false, leader: false, viewer: false },
  manageData: { admin: true, hr: true, leader: false, viewer: false },
  fixMappings: { admin: true, hr: true, leader: false, viewer: false },
  markSnapshots: { admin: true, hr: true, leader: false, viewer: false },
  seeUploadDetails: { admin: true, hr: true, leader: false, viewer: false },
  seeIdleSeats: { admin: true, hr: true, leader: false, viewer: false },
  seeSmallGroups: { admin: true, hr: true, leader: false, viewer: false },
  seeCost: { admin: true, hr: true, leader: false, viewer: false },
  seePeople: { admin: true, hr: true, leader: true, viewer: false },
  readDashboards: { admin: true, hr: true, leader: true, viewer: true },
  exportReports: { admin: true, hr: true, leader: true, viewer: true },
  planScenarios: { admin: true, hr: true, leader: true, viewer: false },
  approveScenarios: { admin: true, hr: true, leader: false, viewer: false },
};

describe('the permission table (lib/auth/permissions.ts) grants what SPEC "Users and roles" says', () => {
  it('has a row for every permission and no other', () => {
    expect(Object.keys(can).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [name, row] of Object.entries(MATRIX) as Array<[PermissionName, Record<Role, boolean>]>) {
    for (const role of ROLES) {
      it(`${role} ${row[role] ? 'may' : 'may not'} ${name}`, () => {
        expect(can[name](role)).toBe(row[role]);
        // The same answer for anything carrying the role (an actor, a user row).
        expect(can[name]({ role })).toBe(row[role]);
      });
    }
  }

  it('admin holds every permission', () => {
    for (const name of Object.keys(can) as PermissionName[]) expect(can[name]('admin'), name).toBe(true);
  });

  it('only a leader needs a scope to have access', () => {
    expect(ROLES.filter((r) => needsScope(r))).toEqual(['leader']);
  });
});
