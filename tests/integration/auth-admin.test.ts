import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR, type Actor } from '@/lib/dal/actor';
import { listAudit } from '@/lib/dal/audit';
import { ensureFirstAdmin } from '@/lib/dal/bootstrap';
import { ForbiddenError, ValidationError, ConflictError } from '@/lib/dal/errors';
import { authenticateWithPassword, LOGIN_LIMITS, loadActor } from '@/lib/dal/login';
import { getSettings, updateSettings } from '@/lib/dal/settings';
import { createUser, listUsers, updateUser } from '@/lib/dal/users';
import { backends, createTestDb, type TestDb } from '../support/test-db';

describe.each(backends())('users, sign-in, settings and audit on %s', (backend) => {
  let tdb: TestDb;
  let admin: Actor;
  const viewer: Actor = {
    userId: 999,
    email: 'v@x',
    name: 'V',
    role: 'viewer',
    scopeEmployeeId: null,
    orgId: 1,
    orgIds: [1],
  };

  beforeAll(async () => {
    tdb = await createTestDb(backend);
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('creates the first admin once, with the password from the environment', async () => {
    const first = await ensureFirstAdmin({
      STRATA_ADMIN_EMAIL: 'Boss@Example.com',
      STRATA_ADMIN_PASSWORD: 'correct horse battery',
    });
    expect(first).toEqual({ email: 'boss@example.com', generatedPassword: null });
    expect(await ensureFirstAdmin({})).toBeNull();
    const ok = await authenticateWithPassword('BOSS@example.com ', 'correct horse battery', '10.0.0.1');
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    admin = ok.actor;
    expect(admin.role).toBe('admin');
  });

  it('stores a bcrypt hash, never the clear password', async () => {
    const { handle } = tdb;
    const rows = await handle.db.query.users.findMany();
    expect(rows[0]?.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(JSON.stringify(rows)).not.toContain('correct horse battery');
  });

  it('lets an admin create, edit and disable users, and audits each change', async () => {
    const u = await createUser(admin, {
      email: 'lead@example.com',
      name: 'Lee',
      role: 'leader',
      scopeEmployeeId: 'E42',
      password: 'leader-password-1',
    });
    expect(u).toMatchObject({ role: 'leader', scopeEmployeeId: 'E42', disabled: false, hasPassword: true });
    await expect(createUser(admin, { email: 'LEAD@example.com', role: 'viewer' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(createUser(admin, { email: 'not-an-email', role: 'viewer' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await updateUser(admin, u.id, { role: 'viewer', scopeEmployeeId: null });
    await updateUser(admin, u.id, { disabled: true });
    expect((await listUsers(admin)).find((x) => x.id === u.id)).toMatchObject({
      role: 'viewer',
      scopeEmployeeId: null,
      disabled: true,
    });
    expect(await loadActor(u.id)).toBeNull();
    const log = await listAudit(admin, {});
    const actions = log.entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['user.create', 'user.role_change', 'user.update', 'auth.sign_in']),
    );
    const filtered = await listAudit(admin, { action: 'user.role_change' });
    expect(filtered.entries).toHaveLength(1);
    expect(filtered.entries[0]?.details).toMatchObject({ role: { from: 'leader', to: 'viewer' } });
    await expect(
      authenticateWithPassword('lead@example.com', 'leader-password-1', '10.0.0.2'),
    ).resolves.toEqual({ ok: false });
  });

  it('refuses admin work to other roles', async () => {
    await expect(listUsers(viewer)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createUser({ ...viewer, role: 'hr' }, { email: 'a@b.c', role: 'admin' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateSettings({ ...viewer, role: 'leader' }, { minGroupSize: 3 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(listAudit(viewer, {})).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('an admin cannot disable themself', async () => {
    await expect(updateUser(admin, admin.userId ?? 0, { disabled: true })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('validates settings (min group size 3-10, default 5; executive layers default 2) and audits changes', async () => {
    expect(await getSettings(viewer)).toEqual({ minGroupSize: 5, execLayers: 2 });
    await expect(updateSettings(admin, { minGroupSize: 2 })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateSettings(admin, { minGroupSize: 11 })).rejects.toBeInstanceOf(ValidationError);
    expect(await updateSettings(admin, { minGroupSize: 7 })).toEqual({ minGroupSize: 7, execLayers: 2 });
    const log = await listAudit(admin, { action: 'settings.update' });
    expect(log.entries[0]?.details).toMatchObject({
      before: { minGroupSize: 5 },
      after: { minGroupSize: 7 },
    });
  });

  it('gives the same answer for unknown accounts and wrong passwords, and locks an account after repeated failures', async () => {
    await createUser(CLI_ACTOR, {
      email: 'target@example.com',
      role: 'viewer',
      password: 'right-password-1',
    });
    expect(await authenticateWithPassword('nobody@example.com', 'x', '10.1.0.1')).toEqual({ ok: false });
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      expect(await authenticateWithPassword('target@example.com', `wrong-${i}`, `10.2.0.${i}`)).toEqual({
        ok: false,
      });
    }
    // Locked now: even the right password is refused, with the same answer.
    expect(await authenticateWithPassword('target@example.com', 'right-password-1', '10.3.0.1')).toEqual({
      ok: false,
    });
  });

  it('locks a client address after repeated failures across accounts', async () => {
    await createUser(CLI_ACTOR, { email: 'other@example.com', role: 'viewer', password: 'right-password-2' });
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      await authenticateWithPassword(`guess${i}@example.com`, 'x', '10.9.9.9');
    }
    expect(await authenticateWithPassword('other@example.com', 'right-password-2', '10.9.9.9')).toEqual({
      ok: false,
    });
    expect((await authenticateWithPassword('other@example.com', 'right-password-2', '10.9.9.10')).ok).toBe(
      true,
    );
    // A bcrypt check per attempt (a few seconds in all when the machine is quiet, over 30 s when
    // two cores are shared with builds): the limit is the point here, not the speed.
  }, 120_000);
});
