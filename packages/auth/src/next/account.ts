import { getDb } from '@newsroom/db';
import { processSharedState, type RateLimiter } from '@newsroom/shared-state';
import { cookies } from 'next/headers';
import { changePassword, type PasswordChangeInput } from '../account/change-password';
import { tryAgainIn } from '../login/login-guard';
import { SESSION_COOKIE, endAllSessions } from '../sessions';

/** What a password-change form shows after sending: the outcome, as a sentence. */
export type PasswordChangeState = {
  ok: boolean;
  message: string;
  /** The field the refusal is about, to mark it. */
  field?: keyof PasswordChangeInput;
};

/**
 * Guesses at the current password from a session (a borrowed laptop, a stolen cookie) are
 * counted per account in the store all instances share, like logins: with a valid session and
 * unlimited tries, the form would be a way to find the password and lock its owner out.
 */
export const PASSWORD_CHANGE_LIMIT = {
  name: 'password-change',
  points: 10,
  windowSeconds: 15 * 60,
} as const;

let limiter: RateLimiter | undefined;
const passwordChangeLimiter = () =>
  (limiter ??= processSharedState().rateLimiter(PASSWORD_CHANGE_LIMIT));

/**
 * The body of a "change password" server action for the logged-in `userId` (the caller has
 * checked the session): this browser's session stays, every other one of the user ends.
 */
export async function changePasswordWithForm(
  userId: string,
  form: FormData,
): Promise<PasswordChangeState> {
  const decision = await passwordChangeLimiter().consume(userId);
  if (!decision.allowed) {
    return { ok: false, message: `Too many attempts. ${tryAgainIn(decision.retryAfterSeconds)}` };
  }
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const result = await changePassword(
    getDb(),
    userId,
    {
      currentPassword: String(form.get('currentPassword') ?? ''),
      newPassword: String(form.get('newPassword') ?? ''),
    },
    token,
  );
  if (!result.ok) return { ok: false, message: result.message, field: result.field };
  // The owner proved who they are: their count starts again.
  await passwordChangeLimiter().reset(userId);
  const others = result.endedSessions;
  return {
    ok: true,
    message: `Password changed. ${
      others === 0
        ? 'You had no other sessions.'
        : `${others} other session${others === 1 ? ' was' : 's were'} logged out.`
    }`,
  };
}

/** Ends every session of `userId`, this browser's included ("log out everywhere"). */
export async function logOutEverywhere(userId: string): Promise<void> {
  await endAllSessions(getDb(), userId);
  (await cookies()).delete(SESSION_COOKIE);
}
