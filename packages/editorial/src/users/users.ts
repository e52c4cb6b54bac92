import {
  canManageUsers,
  createUser,
  endAllSessions,
  isRole,
  newUserSchema,
  EMAIL_TAKEN_MESSAGE,
  ROLES,
  type Actor,
  type NewUser,
} from '@newsroom/auth';
import { isUniqueViolation, type Db } from '@newsroom/db';
import { z } from 'zod';
import { EditorialError, forbidden, notFound } from '../errors';

function requireAdmin(actor: Actor) {
  if (!canManageUsers(actor)) throw forbidden('Only admins manage users');
}

const userFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  createdAt: true,
  deactivatedAt: true,
} as const;

type UserRow = {
  id: string;
  email: string;
  name: string;
  role: string;
  createdAt: Date;
  deactivatedAt: Date | null;
};

/** A member of staff as the users page and API show them (dates as ISO strings). */
export type StaffUserView = Omit<UserRow, 'createdAt' | 'deactivatedAt'> & {
  createdAt: string;
  /** When an admin deactivated the account; null while it is active. */
  deactivatedAt: string | null;
};

function userView(user: UserRow): StaffUserView {
  return {
    ...user,
    createdAt: user.createdAt.toISOString(),
    deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
  };
}

export async function listUsers(db: Db, actor: Actor) {
  requireAdmin(actor);
  const users = await db.user.findMany({ orderBy: { createdAt: 'asc' }, select: userFields });
  return users.map(userView);
}

export { newUserSchema };

export async function createStaffUser(db: Db, actor: Actor, input: NewUser) {
  requireAdmin(actor);
  try {
    const { id } = await createUser(db, input);
    return userView(await db.user.findUniqueOrThrow({ where: { id }, select: userFields }));
  } catch (error) {
    if (isUniqueViolation(error))
      throw new EditorialError(409, EMAIL_TAKEN_MESSAGE, [
        { path: 'email', message: 'already in use' },
      ]);
    throw error;
  }
}

export const roleChangeSchema = z.object({
  role: z.enum(ROLES, { message: `Role must be one of: ${ROLES.join(', ')}` }),
});

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export const LAST_ADMIN_MESSAGE = 'The newsroom needs at least one active admin';

/**
 * Locks every active admin's row for the rest of the transaction and returns how many there
 * are. The lock is a write that changes nothing (role = role), as the transaction's first
 * statement, in raw SQL so that it is one UPDATE with no read before it: on PostgreSQL a
 * concurrent transaction doing the same waits for this one and then counts what it left, and on
 * SQLite the write lock (one writer at a time) is taken before anything is read. So "is this the
 * last admin?" and the change that depends on the answer are one atomic step: two admins
 * demoting or deactivating each other at the same moment cannot leave the newsroom without one.
 */
async function lockActiveAdmins(tx: Tx): Promise<number> {
  return tx.$executeRaw`UPDATE "User" SET "role" = "role" WHERE "role" = 'admin' AND "deactivatedAt" IS NULL`;
}

/**
 * Runs `change` on a user in one transaction with the active admins locked, refusing (409) when
 * the user is the last active admin and the change takes that away (`removesAdmin`).
 */
async function changeUnlessLastAdmin<T>(
  db: Db,
  userId: string,
  removesAdmin: boolean,
  change: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx);
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { role: true, deactivatedAt: true },
    });
    if (!user) throw notFound('The user');
    const isActiveAdmin = user.role === 'admin' && user.deactivatedAt === null;
    if (isActiveAdmin && removesAdmin && activeAdmins <= 1)
      throw new EditorialError(409, LAST_ADMIN_MESSAGE);
    return change(tx);
  });
}

/** Changes a role; the last active admin can't be demoted into a newsroom nobody can manage. */
export async function changeUserRole(db: Db, actor: Actor, userId: string, role: string) {
  requireAdmin(actor);
  if (!isRole(role)) throw new EditorialError(422, `Role must be one of: ${ROLES.join(', ')}`);
  const user = await changeUnlessLastAdmin(db, userId, role !== 'admin', (tx) =>
    tx.user.update({ where: { id: userId }, data: { role }, select: userFields }),
  );
  return userView(user);
}

/**
 * Deactivates a member of staff: every session of theirs ends in the same transaction (their
 * next request, on either app or the co-editing server, is logged out) and they can no longer
 * log in. Their articles, revisions and links stay theirs. Idempotent; an admin cannot
 * deactivate themselves, nor the last active admin.
 */
export async function deactivateUser(db: Db, actor: Actor, userId: string, now = new Date()) {
  requireAdmin(actor);
  if (userId === actor.id)
    throw new EditorialError(409, 'You cannot deactivate your own account; ask another admin');
  const user = await changeUnlessLastAdmin(db, userId, true, async (tx) => {
    await tx.user.updateMany({
      where: { id: userId, deactivatedAt: null },
      data: { deactivatedAt: now },
    });
    await endAllSessions(tx, userId);
    return tx.user.findUniqueOrThrow({ where: { id: userId }, select: userFields });
  });
  return userView(user);
}

/** Lets a deactivated member of staff log in again (with the password they had). */
export async function reactivateUser(db: Db, actor: Actor, userId: string) {
  requireAdmin(actor);
  const { count } = await db.user.updateMany({
    where: { id: userId },
    data: { deactivatedAt: null },
  });
  if (count === 0) throw notFound('The user');
  return userView(await db.user.findUniqueOrThrow({ where: { id: userId }, select: userFields }));
}
