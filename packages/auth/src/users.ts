import { z } from 'zod';
import type { Db } from '@newsroom/db';
import { hashPassword, verifyPassword } from './password';
import { passwordSchema } from './password-policy/password-policy';
import { ROLES } from './roles';

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address').max(254),
  name: z.string().trim().min(1, 'Name is required').max(120),
  role: z.enum(ROLES, { message: `Role must be one of: ${ROLES.join(', ')}` }),
  password: passwordSchema,
});
export type NewUser = z.input<typeof newUserSchema>;

/** What an existing address gets (emails are unique whatever their case). */
export const EMAIL_TAKEN_MESSAGE = 'A user with this email already exists';

export async function createUser(db: Db, input: NewUser) {
  const user = newUserSchema.parse(input);
  return db.user.create({
    data: {
      email: user.email,
      name: user.name,
      role: user.role,
      passwordHash: await hashPassword(user.password),
    },
    select: { id: true, email: true, name: true, role: true },
  });
}

// Verified when the email is unknown too, so response time does not tell which emails exist.
let dummyHash: Promise<string> | undefined;

/**
 * The user with this email and password, or null; null too for a deactivated account, after the
 * same password check, so the answer (and its time) says nothing more than a wrong password.
 */
export async function authenticate(db: Db, email: string, password: string) {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verifyPassword(await dummyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  if (user.deactivatedAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
