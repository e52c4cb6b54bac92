import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { createSession, endAllSessions, findSessionUser } from '../sessions';
import { authenticate, createUser } from '../users';
import { WRONG_CURRENT_PASSWORD, changePassword } from './change-password';

const OLD = 'the old long password';
const NEW = 'a brand new long passphrase';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

async function person(email: string) {
  return createUser(testDb.db, { email, name: email, role: 'writer', password: OLD });
}

describe('changing one’s password', () => {
  it('needs the current password and the policy, and then ends every other session', async () => {
    const user = await person('changer@example.com');
    const here = await createSession(testDb.db, user.id);
    const elsewhere = await createSession(testDb.db, user.id);
    const someoneElse = await person('bystander@example.com');
    const theirs = await createSession(testDb.db, someoneElse.id);

    expect(
      await changePassword(
        testDb.db,
        user.id,
        { currentPassword: 'wrong one!!!!', newPassword: NEW },
        here.token,
      ),
    ).toEqual({ ok: false, field: 'currentPassword', message: WRONG_CURRENT_PASSWORD });
    expect(
      await changePassword(
        testDb.db,
        user.id,
        { currentPassword: OLD, newPassword: 'short' },
        here.token,
      ),
    ).toEqual({
      ok: false,
      field: 'newPassword',
      message: 'Password must be at least 12 characters (this one has 5).',
    });
    expect(
      await changePassword(
        testDb.db,
        user.id,
        { currentPassword: OLD, newPassword: 'iloveyou1234' },
        here.token,
      ),
    ).toMatchObject({ ok: false, field: 'newPassword', message: /commonly used passwords/ });
    expect(
      await changePassword(
        testDb.db,
        user.id,
        { currentPassword: OLD, newPassword: OLD },
        here.token,
      ),
    ).toMatchObject({ ok: false, field: 'newPassword' });
    // Nothing was changed by the refusals.
    expect((await findSessionUser(testDb.db, elsewhere.token))?.id).toBe(user.id);

    expect(
      await changePassword(
        testDb.db,
        user.id,
        { currentPassword: OLD, newPassword: NEW },
        here.token,
      ),
    ).toEqual({ ok: true, endedSessions: 1 });
    expect((await findSessionUser(testDb.db, here.token))?.id).toBe(user.id);
    expect(await findSessionUser(testDb.db, elsewhere.token)).toBeNull();
    expect((await findSessionUser(testDb.db, theirs.token))?.id).toBe(someoneElse.id);
    expect(await authenticate(testDb.db, 'changer@example.com', OLD)).toBeNull();
    expect(await authenticate(testDb.db, 'changer@example.com', NEW)).toMatchObject({
      id: user.id,
    });
  });

  it('logs out everywhere: every session of the user, and only theirs', async () => {
    const user = await person('leaving-cafe@example.com');
    const sessions = [
      await createSession(testDb.db, user.id),
      await createSession(testDb.db, user.id),
    ];
    const other = await person('stays@example.com');
    const kept = await createSession(testDb.db, other.id);
    expect(await endAllSessions(testDb.db, user.id)).toBe(2);
    for (const { token } of sessions) expect(await findSessionUser(testDb.db, token)).toBeNull();
    expect((await findSessionUser(testDb.db, kept.token))?.id).toBe(other.id);
  });

  it('is refused to a deactivated account, even with the right password', async () => {
    const user = await person('gone@example.com');
    await testDb.db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(
      await changePassword(
        testDb.db,
        user.id,
        { currentPassword: OLD, newPassword: NEW },
        undefined,
      ),
    ).toMatchObject({ ok: false, field: 'currentPassword' });
  });
});
