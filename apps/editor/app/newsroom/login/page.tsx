import { throttledLoginMessage, WRONG_LOGIN_MESSAGE } from '@newsroom/auth';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ForgetLocalCopies } from '../../../src/newsroom/collab/ForgetLocalCopies';
import { logIn } from '../../../src/newsroom/staff/login-actions';
import { staff } from '../../../src/newsroom/staff/staff-shell';
import '../newsroom.css';

export const metadata: Metadata = { title: 'Log in to the newsroom' };
export const dynamic = 'force-dynamic';

type Props = {
  searchParams: Promise<{ next?: string; error?: string; retry?: string; loggedOut?: string }>;
};

export default async function LoginPage({ searchParams }: Props) {
  const { next, error, retry, loggedOut } = await searchParams;
  const target = staff.returnPath(next);
  if (await staff.currentStaff()) redirect(target);
  return (
    <main className="newsroom login">
      <h1>Newsroom login</h1>
      {error && (
        <p role="alert" className="form-error">
          {error === 'throttled' ? throttledLoginMessage(Number(retry)) : WRONG_LOGIN_MESSAGE}
        </p>
      )}
      {loggedOut && <ForgetLocalCopies />}
      {loggedOut && (
        <p role="status">
          {loggedOut === 'everywhere'
            ? 'You are logged out on every device.'
            : 'You are logged out.'}
        </p>
      )}
      <form action={logIn}>
        <input type="hidden" name="next" value={target} />
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required autoFocus />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit">Log in</button>
      </form>
    </main>
  );
}
