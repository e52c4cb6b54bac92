import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, createSession, createUser, findSessionUser } from '@newsroom/auth';
import { createDb, isPostgres } from '@newsroom/db';
import { createTestNewsroom, type TestNewsroom } from '../test-newsroom';
import {
  changeUserRole,
  createStaffUser,
  deactivateUser,
  LAST_ADMIN_MESSAGE,
  listUsers,
  reactivateUser,
} from './users';

let n: TestNewsroom;
beforeAll(async () => {
  n = await createTestNewsroom();
});
afterAll(() => n.cleanup());

describe('user management', () => {
  it('is for admins only', async () => {
    await expect(listUsers(n.db, n.editor)).rejects.toMatchObject({ status: 403 });
    await expect(changeUserRole(n.db, n.writer, n.writer.id, 'admin')).rejects.toMatchObject({
      status: 403,
    });
    expect((await listUsers(n.db, n.admin)).map((user) => user.email)).toContain(
      'writer@newsroom.test',
    );
  });

  it('creates users, refuses duplicates and changes roles', async () => {
    const input = {
      email: 'New@Newsroom.test',
      name: 'New',
      role: 'writer' as const,
      password: 'long enough password',
    };
    const created = await createStaffUser(n.db, n.admin, input);
    expect(created).toMatchObject({ email: 'new@newsroom.test', role: 'writer' });
    await expect(createStaffUser(n.db, n.admin, input)).rejects.toMatchObject({ status: 409 });
    expect(await changeUserRole(n.db, n.admin, created.id, 'editor')).toMatchObject({
      role: 'editor',
    });
    await expect(changeUserRole(n.db, n.admin, created.id, 'owner')).rejects.toMatchObject({
      status: 422,
    });
  });

  it('keeps at least one admin', async () => {
    await expect(changeUserRole(n.db, n.admin, n.admin.id, 'editor')).rejects.toMatchObject({
      status: 409,
      message: LAST_ADMIN_MESSAGE,
    });
  });
});

const PASSWORD = 'a long enough password';

async function staffMember(email: string, role: 'writer' | 'editor' | 'admin') {
  return createUser(n.db, { email, name: email, role, password: PASSWORD });
}

describe('deactivating staff', () => {
  it('ends every session of the user at once, refuses their login and keeps their work', async () => {
    const leaver = await staffMember('leaver@newsroom.test', 'writer');
    const laptop = await createSession(n.db, leaver.id);
    const phone = await createSession(n.db, leaver.id);
    const article = await n.db.article.create({
      data: {
        title: 'Kept',
        slug: 'kept',
        body: JSON.stringify({ type: 'doc', content: [] }),
        authorId: leaver.id,
        sectionId: n.world.id,
      },
    });
    const adminSession = await createSession(n.db, n.admin.id);

    const deactivated = await deactivateUser(n.db, n.admin, leaver.id);
    expect(deactivated.deactivatedAt).not.toBeNull();
    expect(await n.db.session.count({ where: { userId: leaver.id } })).toBe(0);
    expect(await findSessionUser(n.db, laptop.token)).toBeNull();
    expect(await findSessionUser(n.db, phone.token)).toBeNull();
    expect(await authenticate(n.db, 'leaver@newsroom.test', PASSWORD)).toBeNull();
    expect((await findSessionUser(n.db, adminSession.token))?.id).toBe(n.admin.id);
    expect((await n.db.article.findUnique({ where: { id: article.id } }))?.authorId).toBe(
      leaver.id,
    );
    // Still listed, as deactivated, and deactivating again changes nothing.
    const listed = (await listUsers(n.db, n.admin)).find((user) => user.id === leaver.id);
    expect(listed?.deactivatedAt).toBe(deactivated.deactivatedAt);
    expect((await deactivateUser(n.db, n.admin, leaver.id)).deactivatedAt).toBe(
      deactivated.deactivatedAt,
    );
  });

  it('never returns a deactivated user for a session made before or after (a race with login)', async () => {
    const user = await staffMember('racer@newsroom.test', 'editor');
    await deactivateUser(n.db, n.admin, user.id);
    // As if a login had checked the password just before the deactivation committed.
    const late = await createSession(n.db, user.id);
    expect(await findSessionUser(n.db, late.token)).toBeNull();
  });

  it('lets an admin reactivate: the same password works again', async () => {
    const user = await staffMember('returner@newsroom.test', 'writer');
    await deactivateUser(n.db, n.admin, user.id);
    expect((await reactivateUser(n.db, n.admin, user.id)).deactivatedAt).toBeNull();
    expect(await authenticate(n.db, 'returner@newsroom.test', PASSWORD)).toMatchObject({
      id: user.id,
    });
  });

  it('is for admins only, never oneself, and 404 for an unknown user', async () => {
    await expect(deactivateUser(n.db, n.editor, n.writer.id)).rejects.toMatchObject({
      status: 403,
    });
    await expect(reactivateUser(n.db, n.editor, n.writer.id)).rejects.toMatchObject({
      status: 403,
    });
    await expect(deactivateUser(n.db, n.admin, n.admin.id)).rejects.toMatchObject({
      status: 409,
    });
    await expect(deactivateUser(n.db, n.admin, 'nobody')).rejects.toMatchObject({ status: 404 });
    await expect(reactivateUser(n.db, n.admin, 'nobody')).rejects.toMatchObject({ status: 404 });
  });
});

describe('the last active admin', () => {
  it('cannot be deactivated or demoted, and a deactivated admin does not count', async () => {
    const second = await staffMember('second-admin@newsroom.test', 'admin');
    const third = await staffMember('third-admin@newsroom.test', 'admin');
    await deactivateUser(n.db, n.admin, third.id);
    // Two active admins (admin, second): second may go, then admin is the last one.
    await deactivateUser(n.db, n.admin, second.id);
    await expect(changeUserRole(n.db, n.admin, n.admin.id, 'editor')).rejects.toMatchObject({
      status: 409,
      message: LAST_ADMIN_MESSAGE,
    });
    await reactivateUser(n.db, n.admin, second.id);
    await expect(deactivateUser(n.db, second, n.admin.id)).resolves.toMatchObject({
      id: n.admin.id,
    });
    await expect(changeUserRole(n.db, second, second.id, 'writer')).rejects.toMatchObject({
      status: 409,
    });
    // Leave the newsroom as the other tests expect it.
    await reactivateUser(n.db, second, n.admin.id);
    await changeUserRole(n.db, n.admin, second.id, 'editor');
    await changeUserRole(n.db, n.admin, third.id, 'editor');
  });

  it('holds when two admins remove each other at the same moment, from two processes', async () => {
    const a = await staffMember('a-admin@newsroom.test', 'admin');
    const b = await staffMember('b-admin@newsroom.test', 'admin');
    await changeUserRole(n.db, a, n.admin.id, 'editor');
    // On PostgreSQL, two clients, as two app instances, whose transactions truly overlap. SQLite's
    // driver is synchronous: two clients in one process would block each other's event loop, so
    // there both go through one client (instances are separate processes, and SQLite's write
    // lock serializes them).
    const instances = isPostgres(n.url) ? [createDb(n.url), createDb(n.url)] : [n.db, n.db];
    try {
      const results = await Promise.allSettled([
        deactivateUser(instances[0]!, a, b.id),
        changeUserRole(instances[1]!, b, a.id, 'writer'),
      ]);
      expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = results.find((result) => result.status === 'rejected');
      expect(refused?.reason).toMatchObject({ status: 409, message: LAST_ADMIN_MESSAGE });
      expect(await n.db.user.count({ where: { role: 'admin', deactivatedAt: null } })).toBe(1);
    } finally {
      if (instances[0] !== n.db) await Promise.all(instances.map((db) => db.$disconnect()));
    }
  });
});
