/**
 * Rights are checked at use, not once (issue #11, item 6): a finished report is re-checked against
 * the user's CURRENT role and scope when it is downloaded; a report job runs with the rights read
 * from the users table when it runs, not those of the moment it was queued; a leader must have a
 * scope (refused at creation, at update, at session load and for SSO auto-creation); and jobs a
 * lost process left behind are marked failed with a reason, never silently deleted.
 */
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@/db';
import { importFiles } from '@/cli/commands/import-command';
import { CLI_ACTOR, type Actor } from '@/lib/dal/actor';
import { ForbiddenError, toErrorResponse, ValidationError } from '@/lib/dal/errors';
import { authenticateSso, explainNoAccess, loadActor } from '@/lib/dal/login';
import * as jobs from '@/lib/dal/reports/jobs';
import { describeActorScope } from '@/lib/dal/scope-names';
import { createUser, listUsers, updateUser } from '@/lib/dal/users';
import { backends, createTestDb, type TestDb } from '../support/test-db';

// Fixture tests/fixtures/reports: E1 CEO; E2 (VP Eng, 13 people below) and E3 (VP Sales) under E1.
const FIXTURES = path.resolve('tests/fixtures/reports');

/** The user as a request would see them now (their session re-reads the users table). */
async function actorOf(id: number): Promise<Actor> {
  const a = await loadActor(id);
  if (!a) throw new Error(`user ${id} has no access`);
  return a;
}

/** Holds this process's report queue until the returned function is called. */
function holdReportQueue(): () => void {
  const g = globalThis as unknown as { strataReportQueue?: Promise<void> };
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  g.strataReportQueue = (g.strataReportQueue ?? Promise.resolve()).then(() => gate);
  return release;
}

/** The HTTP status the route layer answers for what a call throws. */
async function statusOf(call: Promise<unknown>): Promise<number> {
  return call.then(
    () => 200,
    (err: unknown) => toErrorResponse(err).status,
  );
}

describe.each(backends())('rights checked at use on %s', (backend) => {
  let tdb: TestDb;
  let admin: Actor;
  let n = 0;
  /** A fresh leader of subtree E2 (each test changes its own user's rights). */
  const newLeader = async (scope = 'E2') =>
    (
      await createUser(admin, {
        email: `leader${++n}@x.test`,
        name: `Leader ${n}`,
        role: 'leader',
        scopeEmployeeId: scope,
      })
    ).id;

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    const files = ['org-2024-01-31.csv', 'org-2024-02-29.csv'].map((f) => path.join(FIXTURES, f));
    await importFiles(files, {}, () => undefined);
    const u = await createUser(CLI_ACTOR, { email: 'admin@x.test', role: 'admin' });
    admin = await actorOf(u.id);
  });
  afterAll(async () => {
    await jobs.drainReportQueue();
    await tdb.drop();
  });

  it('a report made as a leader with person-level pages is refused (403) once the user is a viewer', async () => {
    const id = await newLeader();
    const job = await jobs.startReportJob(await actorOf(id), { format: 'xlsx', includePeople: true });
    await jobs.drainReportQueue();
    expect(await jobs.getReportJob(await actorOf(id), job.id)).toMatchObject({ status: 'done' });
    expect(await statusOf(jobs.getReportFile(await actorOf(id), job.id))).toBe(200);
    await updateUser(admin, id, { role: 'viewer' });
    const refused = jobs.getReportFile(await actorOf(id), job.id);
    await expect(refused).rejects.toBeInstanceOf(ForbiddenError);
    await expect(jobs.getReportFile(await actorOf(id), job.id)).rejects.toThrow(/person-level data/);
    expect(await statusOf(jobs.getReportFile(await actorOf(id), job.id))).toBe(403);
    expect(await statusOf(jobs.getReportFile(admin, job.id))).toBe(200); // the admin still may
    // the Reports page says why instead of offering the download
    const listed = (await jobs.listReportJobs(await actorOf(id))).find((j) => j.id === job.id);
    expect(listed).toMatchObject({ status: 'done', unavailable: expect.stringMatching(/person-level data/) });
    expect((await jobs.getReportJob(admin, job.id)).unavailable).toBeNull();
  });

  it('a report is refused when the scope is narrowed or moved, and still served when widened', async () => {
    const id = await newLeader('E2');
    const job = await jobs.startReportJob(await actorOf(id), { format: 'pdf', sections: ['overview'] });
    await jobs.drainReportQueue();
    await updateUser(admin, id, { scopeEmployeeId: 'E3' }); // moved to a sibling subtree
    expect(await statusOf(jobs.getReportFile(await actorOf(id), job.id))).toBe(403);
    await updateUser(admin, id, { scopeEmployeeId: 'E4' }); // narrowed to a part of it
    expect(await statusOf(jobs.getReportFile(await actorOf(id), job.id))).toBe(403);
    await updateUser(admin, id, { scopeEmployeeId: 'E1' }); // widened: E2 lies inside E1
    expect(await statusOf(jobs.getReportFile(await actorOf(id), job.id))).toBe(200);
    await updateUser(admin, id, { disabled: true });
    expect(await loadActor(id)).toBeNull(); // a disabled user has no session at all (401)
  });

  it('a job queued as a leader and run after a downgrade runs with the rights of the moment it runs', async () => {
    const id = await newLeader('E2');
    const release = holdReportQueue();
    const people = await jobs.startReportJob(await actorOf(id), { format: 'pdf', includePeople: true });
    const plain = await jobs.startReportJob(await actorOf(id), { format: 'pdf', sections: ['overview'] });
    await updateUser(admin, id, { role: 'viewer', scopeEmployeeId: 'E3' });
    release();
    await jobs.drainReportQueue();
    const viewer = await actorOf(id);
    // person-level pages were asked for as a leader: the viewer it now is gets no such report
    expect(await jobs.getReportJob(viewer, people.id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/person-level data/),
    });
    expect(await statusOf(jobs.getReportFile(viewer, people.id))).toBe(404);
    // the other one is made for the viewer's current scope (E3), not the leader's old one (E2)
    const done = await jobs.getReportJob(viewer, plain.id);
    expect(done).toMatchObject({ status: 'done' });
    expect(done.summary.scopeLabel).toBe('Subtree of Ivy Sales (E3), your scope');
    expect(await statusOf(jobs.getReportFile(viewer, plain.id))).toBe(200);
  });

  it('a job whose requester was disabled before it ran is failed with the reason', async () => {
    const id = await newLeader('E2');
    const leader = await actorOf(id);
    const release = holdReportQueue();
    const job = await jobs.startReportJob(leader, { format: 'pdf', sections: ['overview'] });
    await updateUser(admin, id, { disabled: true });
    release();
    await jobs.drainReportQueue();
    expect(await jobs.getReportJob(leader, job.id)).toMatchObject({
      status: 'failed',
      error: 'Your account no longer has access, so the report was not made.',
    });
  });

  it('a leader must have a scope: refused at creation and update with the reason', async () => {
    const create = createUser(admin, { email: 'noscope@x.test', role: 'leader' });
    await expect(create).rejects.toBeInstanceOf(ValidationError);
    await expect(
      createUser(admin, { email: 'noscope@x.test', role: 'leader', scopeEmployeeId: ' ' }),
    ).rejects.toThrow(/A leader needs a scope/);
    const id = await newLeader('E2');
    await expect(updateUser(admin, id, { scopeEmployeeId: null })).rejects.toThrow(/A leader needs a scope/);
    const v = await createUser(admin, { email: 'viewer-x@x.test', role: 'viewer' });
    await expect(updateUser(admin, v.id, { role: 'leader' })).rejects.toBeInstanceOf(ValidationError);
    await updateUser(admin, v.id, { role: 'leader', scopeEmployeeId: 'E3' });
    expect(await actorOf(v.id)).toMatchObject({ role: 'leader', scopeEmployeeId: 'E3' });
  });

  it('a scope-less leader already in the database gets no session, with a clear reason', async () => {
    const { db } = tdb.handle;
    const [row] = await db
      .insert(schema.users)
      .values({ email: 'legacy-leader@x.test', role: 'leader', scopeEmployeeId: null })
      .returning();
    const id = row?.id ?? 0;
    expect(await loadActor(id)).toBeNull();
    expect(await explainNoAccess(id)).toMatch(/leader without a scope/);
    expect(await authenticateSso('legacy-leader@x.test', 'Legacy', undefined)).toEqual({ ok: false });
  });

  it('single sign-on never creates a scope-less leader; viewers are still created', async () => {
    expect(await authenticateSso('new-sso@x.test', 'New', 'leader')).toEqual({ ok: false });
    const { db } = tdb.handle;
    expect(await db.select().from(schema.users).where(eq(schema.users.email, 'new-sso@x.test'))).toEqual([]);
    const viewer = await authenticateSso('new-sso-viewer@x.test', 'New', 'viewer');
    expect(viewer).toMatchObject({ ok: true, actor: { role: 'viewer', scopeEmployeeId: null } });
  });

  it('jobs a lost process left queued are marked failed with the reason, not deleted', async () => {
    const { db } = tdb.handle;
    const hour = 3_600_000;
    const [old, recent] = await db
      .insert(schema.reportJobs)
      .values([
        {
          orgId: 1,
          createdBy: admin.userId,
          createdByEmail: admin.email,
          params: { format: 'pdf' },
          createdAt: new Date(Date.now() - 8 * 24 * hour),
          updatedAt: new Date(Date.now() - 8 * 24 * hour),
        },
        {
          orgId: 1,
          createdBy: admin.userId,
          createdByEmail: admin.email,
          params: { format: 'pdf' },
          createdAt: new Date(Date.now() - hour),
          updatedAt: new Date(Date.now() - hour),
        },
      ])
      .returning({ id: schema.reportJobs.id });
    await jobs.startReportJob(admin, { format: 'pdf', sections: ['overview'] }); // prunes old reports
    await jobs.drainReportQueue();
    await jobs.listReportJobs(admin);
    const rows = await db
      .select({ id: schema.reportJobs.id, status: schema.reportJobs.status, error: schema.reportJobs.error })
      .from(schema.reportJobs);
    for (const id of [old?.id, recent?.id])
      expect(rows.find((r) => r.id === id)).toEqual({
        id,
        status: 'failed',
        error: 'The report was interrupted (the server restarted). Start it again.',
      });
  });

  it('a report finished before rights were recorded is served only to org-wide hr and admin', async () => {
    const id = await newLeader('E2');
    const job = await jobs.startReportJob(await actorOf(id), { format: 'pdf', sections: ['overview'] });
    await jobs.drainReportQueue();
    const { db } = tdb.handle;
    await db.update(schema.reportJobs).set({ access: null }).where(eq(schema.reportJobs.id, job.id));
    expect(await statusOf(jobs.getReportFile(await actorOf(id), job.id))).toBe(403);
    expect(await statusOf(jobs.getReportFile(admin, job.id))).toBe(200);
  });

  it('a scope must be someone in the newest snapshot, and is listed and shown with their name', async () => {
    await expect(
      createUser(admin, { email: 'typo@x.test', role: 'leader', scopeEmployeeId: 'E999' }),
    ).rejects.toThrow(/Nobody has employee id E999/);
    const id = await newLeader('E2');
    await expect(updateUser(admin, id, { scopeEmployeeId: 'E0002' })).rejects.toBeInstanceOf(ValidationError);
    const listed = (await listUsers(admin)).find((u) => u.id === id);
    expect(listed).toMatchObject({ scopeEmployeeId: 'E2', scopeName: 'Dana Lead' });
    expect(await describeActorScope(await actorOf(id))).toBe('Dana Lead (E2)');
    expect(await describeActorScope(admin)).toBeNull();
  });
});
