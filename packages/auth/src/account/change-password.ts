import type { Db } from '@newsroom/db';
import { hashPassword, verifyPassword } from '../password';
import { passwordProblem } from '../password-policy/password-policy';
import { endAllSessions } from '../sessions';

export type PasswordChangeInput = { currentPassword: string; newPassword: string };

export type PasswordChange =
  | { ok: true; endedSessions: number }
  | { ok: false; field: keyof PasswordChangeInput; message: string };

export const WRONG_CURRENT_PASSWORD = 'Your current password is not correct.';

/**
 * A member of staff sets a new password: only with their current one, only one the password
 * policy accepts (its own messages). The new hash and the end of every other session of theirs
 * are one transaction, so whoever may have had their old password or a stolen cookie is logged
 * out everywhere, except the session `keepToken` (the browser that made the change).
 */
export async function changePassword(
  db: Db,
  userId: string,
  input: PasswordChangeInput,
  keepToken: string | undefined,
): Promise<PasswordChange> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { passwordHash: true, deactivatedAt: true },
  });
  if (
    !user ||
    user.deactivatedAt ||
    !(await verifyPassword(user.passwordHash, input.currentPassword))
  )
    return { ok: false, field: 'currentPassword', message: WRONG_CURRENT_PASSWORD };
  const problem = passwordProblem(input.newPassword);
  if (problem) return { ok: false, field: 'newPassword', message: problem };
  if (input.newPassword === input.currentPassword)
    return {
      ok: false,
      field: 'newPassword',
      message: 'The new password is the one you have now; choose a different one.',
    };
  const passwordHash = await hashPassword(input.newPassword);
  const endedSessions = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    return endAllSessions(tx, userId, keepToken);
  });
  return { ok: true, endedSessions };
}

/**
 * An operator sets a new password for someone who forgot theirs (`npm run user:password`): any
 * account found by email, deactivated ones too (reactivation is the users page's decision), a
 * password the policy accepts. Every session of theirs ends with it, in one transaction.
 * Throws an Error whose message says what is wrong.
 */
export async function resetPassword(
  db: Db,
  email: string,
  newPassword: string,
): Promise<{ email: string; endedSessions: number }> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true },
  });
  if (!user) throw new Error(`No user has the email ${email}; see the users page for who exists`);
  const problem = passwordProblem(newPassword);
  if (problem) throw new Error(problem);
  const passwordHash = await hashPassword(newPassword);
  const endedSessions = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    return endAllSessions(tx, user.id, undefined);
  });
  return { email: user.email, endedSessions };
}
