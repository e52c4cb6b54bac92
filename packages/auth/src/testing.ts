// @newsroom/auth/testing: staff fixtures shared by the apps' integration tests (not part of the
// package's runtime API).
import type { Db } from '@newsroom/db';
import type { Role } from './roles';
import { SESSION_COOKIE, createSession } from './sessions';
import { createUser } from './users';

/** The password of every staff member made by createStaffWithSessions. */
export const STAFF_TEST_PASSWORD = 'correct horse battery staple';

export type StaffWithSessions = {
  /** Each name's user id. */
  idOf: Record<string, string>;
  /** Each name's logged-in `Cookie` header. */
  cookieOf: Record<string, string>;
};

/**
 * One real user per `[name, role]` (email `<name>@example.com`, STAFF_TEST_PASSWORD), each with a
 * session, as a browser that has logged in would hold it.
 */
export async function createStaffWithSessions(
  db: Db,
  people: readonly (readonly [name: string, role: Role])[],
): Promise<StaffWithSessions> {
  const staff: StaffWithSessions = { idOf: {}, cookieOf: {} };
  for (const [name, role] of people) {
    const user = await createUser(db, {
      email: `${name}@example.com`,
      name,
      role,
      password: STAFF_TEST_PASSWORD,
    });
    staff.idOf[name] = user.id;
    staff.cookieOf[name] = `${SESSION_COOKIE}=${(await createSession(db, user.id)).token}`;
  }
  return staff;
}
