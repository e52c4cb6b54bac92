import {
  canManageUsers,
  createUser,
  isRole,
  newUserSchema,
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

const userFields = { id: true, email: true, name: true, role: true, createdAt: true } as const;

export async function listUsers(db: Db, actor: Actor) {
  requireAdmin(actor);
  const users = await db.user.findMany({ orderBy: { createdAt: 'asc' }, select: userFields });
  return users.map((user) => ({ ...user, createdAt: user.createdAt.toISOString() }));
}

export { newUserSchema };

export async function createStaffUser(db: Db, actor: Actor, input: NewUser) {
  requireAdmin(actor);
  try {
    return await createUser(db, input);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new EditorialError(409, 'A user with this email already exists', [
        { path: 'email', message: 'already in use' },
      ]);
    throw error;
  }
}

export const roleChangeSchema = z.object({
  role: z.enum(ROLES, { message: `Role must be one of: ${ROLES.join(', ')}` }),
});

/** Changes a role; the last admin can't demote themselves into a newsroom nobody can manage. */
export async function changeUserRole(db: Db, actor: Actor, userId: string, role: string) {
  requireAdmin(actor);
  if (!isRole(role)) throw new EditorialError(422, `Role must be one of: ${ROLES.join(', ')}`);
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user) throw notFound('The user');
  if (user.role === 'admin' && role !== 'admin') {
    const admins = await db.user.count({ where: { role: 'admin' } });
    if (admins <= 1) throw new EditorialError(409, 'The newsroom needs at least one admin');
  }
  return db.user.update({ where: { id: userId }, data: { role }, select: userFields });
}
